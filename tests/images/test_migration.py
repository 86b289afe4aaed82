"""The pictures of the former image fields move into the library with their files, their
descriptions in every language and their history, and move back when the migration is undone."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.images.factories import image_file
from tests.languages import LANGUAGE_CODES

# Each app just before its pictures moved; the library not yet there.
BEFORE = [
    ("news", "0002_listed_index"),
    ("events", "0003_venue_name_per_language"),
    ("members", "0005_needs_review"),
    ("people", "0001_initial"),
    ("projects", "0002_alter_project_contacts"),
]
UNDO = [*BEFORE, ("images", None)]
# Apps whose models the test reads besides those; their migrations stay applied.
ALSO_READ = [
    ("contenttypes", "0002_remove_content_type_name"),
    ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
]
COVER = "news/2024/sommerfest.png"
EARLIER_COVER = "news/2023/winterfest.png"
PHOTO = "members/people/amina.png"
DESCRIPTIONS = {code: f"Gäste beim Sommerfest ({code})" for code in LANGUAGE_CODES}


def migrate(targets, state):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([*state, *ALSO_READ]).apps


def leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def store(name):
    default_storage.save(name, ContentFile(image_file().read()))


@pytest.fixture
def before_the_library(transactional_db):
    """A site as it was: two posts sharing a cover, a person with a photo, and a post's
    earlier version naming another cover. Afterwards the database is migrated to the end."""
    old = migrate(UNDO, BEFORE)
    for name in (COVER, EARLIER_COVER, PHOTO):
        store(name)
    Post = old.get_model("news", "Post")
    posts = [
        Post.objects.create(
            slug=slug,
            title_de=title,
            teaser_de="Kurz.",
            published_at="2024-06-01T12:00:00Z",
            cover_image=COVER,
            cover_image_width=1200,
            cover_image_height=800,
            **{f"cover_image_alt_{code}": text for code, text in DESCRIPTIONS.items()},
        )
        for slug, title in [("sommerfest", "Sommerfest"), ("rueckblick", "Rückblick")]
    ]
    person = old.get_model("people", "Person").objects.create(
        first_name="Amina",
        last_name="Yusuf",
        photo=PHOTO,
        photo_width=600,
        photo_height=600,
    )
    ContentType = old.get_model("contenttypes", "ContentType")
    post_type, _created = ContentType.objects.get_or_create(app_label="news", model="post")
    earlier = {
        "cover_image": EARLIER_COVER,
        "cover_image_width": 1200,
        "cover_image_height": 800,
        "cover_image_alt": "Winterfest",
        "cover_image_alt_de": "Winterfest",
        "title_de": "Sommerfest",
    }
    old.get_model("reversion", "Version").objects.create(
        revision=old.get_model("reversion", "Revision").objects.create(
            date_created="2024-01-01T00:00:00Z"
        ),
        object_id=str(posts[0].pk),
        content_type=post_type,
        db="default",
        format="json",
        serialized_data=json.dumps([{"model": "news.post", "pk": posts[0].pk, "fields": earlier}]),
        object_repr="Sommerfest",
    )
    yield posts, person
    migrate(leaves(), leaves())


def test_two_posts_with_the_same_cover_share_one_picture_with_its_descriptions(
    before_the_library,
):
    posts, _person = before_the_library
    new = migrate(leaves(), leaves())
    covers = {post.cover_image for post in new.get_model("news", "Post").objects.all()}
    (cover,) = covers
    assert (cover.file.name, cover.width, cover.height) == (COVER, 1200, 800)
    assert {code: getattr(cover, f"alt_{code}") for code in LANGUAGE_CODES} == DESCRIPTIONS


def test_a_photo_without_description_is_described_by_the_persons_name(before_the_library):
    _posts, person = before_the_library
    new = migrate(leaves(), leaves())
    photo = new.get_model("people", "Person").objects.get(pk=person.pk).photo
    assert (photo.file.name, photo.alt_de, photo.alt_en) == (PHOTO, "Amina Yusuf", None)


def test_the_files_stay_where_they_were(before_the_library):
    migrate(leaves(), leaves())
    assert all(default_storage.exists(name) for name in (COVER, EARLIER_COVER, PHOTO))


def test_an_earlier_version_names_its_picture_in_the_library(before_the_library):
    posts, _person = before_the_library
    new = migrate(leaves(), leaves())
    version = new.get_model("reversion", "Version").objects.get()
    (item,) = json.loads(version.serialized_data)
    earlier = new.get_model("images", "Image").objects.get(pk=item["fields"]["cover_image"])
    assert (earlier.file.name, earlier.alt_de) == (EARLIER_COVER, "Winterfest")
    assert not any(name.startswith("cover_image_") for name in item["fields"])


def test_undoing_the_migration_gives_each_post_its_cover_and_descriptions_back(
    before_the_library,
):
    posts, _person = before_the_library
    migrate(leaves(), leaves())
    old = migrate(BEFORE, BEFORE)
    post = old.get_model("news", "Post").objects.get(pk=posts[1].pk)
    assert (post.cover_image.name, post.cover_image_width) == (COVER, 1200)
    assert {code: getattr(post, f"cover_image_alt_{code}") for code in LANGUAGE_CODES} == (
        DESCRIPTIONS
    )
    (item,) = json.loads(old.get_model("reversion", "Version").objects.get().serialized_data)
    assert item["fields"]["cover_image"] == EARLIER_COVER
