"""The demo content shows pictures drawn for the site, kept in the image library and each
described in every language."""

import pytest
from PIL import Image as Picture

from core.demo import illustration
from events.models import Event
from news.models import Post
from tests.languages import LANGUAGE_CODES


@pytest.mark.parametrize(("model", "field"), [(Post, "cover_image"), (Event, "image")])
def test_illustrated_demo_items_have_a_picture_described_in_every_language(demo, model, field):
    illustrated = model.objects.filter(**{f"{field}__isnull": False}).select_related(field)
    assert illustrated.count() >= 3
    for item in illustrated:
        image = getattr(item, field)
        alternatives = [getattr(image, f"alt_{code}") for code in LANGUAGE_CODES]
        assert all(alternatives), item.slug
        assert len(set(alternatives)) == len(LANGUAGE_CODES), item.slug
        with image.file.open() as stored, Picture.open(stored) as picture:
            assert picture.size == (960, 540)


def test_the_home_page_shows_the_latest_posts_with_their_pictures(client, demo):
    html = client.get("/ar/").content.decode()
    post = Post.objects.get(slug="anti-rassismus-veranstaltung-2022")
    assert f'alt="{post.cover_image.alt_ar}"' in html


def test_an_illustration_is_drawn_the_same_way_for_the_same_item():
    first = illustration("city", "winterfest-2026").read()
    assert first == illustration("city", "winterfest-2026").read()
    assert first != illustration("city", "neujahrsempfang-2027").read()
