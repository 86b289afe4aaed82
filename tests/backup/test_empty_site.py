"""A backup restores into a site that has just been set up: migrated, nothing else."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection
from reversion.models import Version

from news.models import Post
from tests.data_sets import built_once
from tests.news.factories import make_many_posts

from .site import backup, make_site, restore, site_now


@pytest.fixture(scope="module")
def archive_of_a_lost_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The archive of a site whose database is gone (rolled back), and what it held."""
    folder = tmp_path_factory.mktemp("lost")
    with built_once(django_db_blocker, folder):
        make_site()
        then = site_now()
        backup(folder / "site.tar.gz")
    return folder / "site.tar.gz", then


def test_a_backup_restores_into_an_empty_freshly_migrated_site(archive_of_a_lost_site, db):
    archive, then = archive_of_a_lost_site
    assert not Post.objects.exists() and not site_now()["files"]
    restore(archive)
    assert site_now() == then


@pytest.fixture
def post_type_renumbered(db):
    """The content type of posts made anew, with another id, as ``migrate`` may number it in
    another database."""
    ContentType.objects.get_for_model(Post).delete()
    ContentType.objects.clear_cache()
    yield ContentType.objects.get_for_model(Post)
    ContentType.objects.clear_cache()  # its id is rolled back with the test


def test_the_history_follows_its_post_into_a_site_that_numbers_content_types_otherwise(
    archive_of_a_lost_site, post_type_renumbered
):
    archive, _then = archive_of_a_lost_site
    restore(archive)
    post = Post.objects.get()
    post.title_de = "Geändert"
    post.save()
    Version.objects.get_for_object(post).get().revert()
    post.refresh_from_db()
    assert post.title_de == "Sommerfest im Ihme-Zentrum"


def test_posts_added_after_restoring_into_a_fresh_site_get_keys_of_their_own(
    archive_of_a_lost_site, db
):
    archive, _then = archive_of_a_lost_site
    with connection.cursor() as cursor:  # numbering posts from 1, as a new database does
        for statement in connection.ops.sequence_reset_by_name_sql(
            no_style(), [{"table": Post._meta.db_table, "column": "id"}]
        ):
            cursor.execute(statement)
    restore(archive)
    restored_key = Post.objects.get().pk
    make_many_posts(restored_key)
    assert Post.objects.count() == restored_key + 1
