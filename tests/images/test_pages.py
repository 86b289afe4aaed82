"""Pictures of the library on the public pages: responsive, described in the reader's language
(marked as German where it has none yet), cut around their focal point."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_organisation
from tests.news.factories import make_post
from tests.people.factories import make_board_membership, make_person

from .factories import make_image

pytestmark = pytest.mark.django_db

DESCRIPTIONS = {
    "de": "Gäste beim Sommerfest im Saal",
    "en": "Guests at the summer party in the hall",
    "fr": "Des invités à la fête d’été dans la salle",
    "es": "Invitados en la fiesta de verano en la sala",
    "ru": "Гости летнего праздника в зале",
    "uk": "Гості літнього свята в залі",
    "ar": "ضيوف الاحتفال الصيفي في القاعة",
}


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def images_in(html):
    return re.findall(r"<img [^>]*>", html.split('<main id="main"')[1])


def described_in_every_language():
    return make_image(**{f"alt_{code}": text for code, text in DESCRIPTIONS.items()})


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_a_cover_picture_is_described_in_the_readers_language(client, site_pages, language):
    post = make_post(cover_image=described_in_every_language())
    (image,) = images_in(page(client, f"/{language}/news/{post.slug}/"))
    assert f'alt="{DESCRIPTIONS[language]}"' in image
    assert " lang=" not in image


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "de"])
def test_a_picture_not_yet_described_in_a_language_shows_the_german_text_marked(
    client, site_pages, language
):
    post = make_post(cover_image=make_image(alt_de="Gäste beim Sommerfest im Saal"))
    (image,) = images_in(page(client, f"/{language}/news/{post.slug}/"))
    assert 'alt="Gäste beim Sommerfest im Saal" lang="de" dir="ltr"' in image


def test_a_picture_is_offered_in_smaller_webp_and_jpeg_versions_with_its_size(client, site_pages):
    image = make_image(size=(1200, 800))
    post = make_post(cover_image=image)
    html = page(client, f"/de/news/{post.slug}/")
    stem = image.file.url.removesuffix(".png")
    webp = f"{stem}.480w.webp 480w, {stem}.960w.webp 960w"
    assert f'<source type="image/webp" srcset="{webp}"' in html
    assert f'srcset="{stem}.480w.jpg 480w, {stem}.960w.jpg 960w, {image.file.url} 1200w"' in html
    assert 'width="1200" height="800"' in html


def test_the_cover_on_a_posts_page_loads_at_once_and_on_its_card_lazily(client, site_pages):
    post = make_post(cover_image=make_image())
    (on_its_page,) = images_in(page(client, f"/de/news/{post.slug}/"))
    (on_the_list,) = images_in(page(client, "/de/news/"))
    assert 'loading="lazy"' not in on_its_page
    assert 'loading="lazy"' in on_the_list


def test_a_card_cuts_its_picture_around_the_focal_point(client, site_pages):
    make_post(cover_image=make_image(focal_x=80, focal_y=20))
    (image,) = images_in(page(client, "/de/news/"))
    assert 'class="focus-x-80 focus-y-20"' in image


def test_a_picture_with_its_focal_point_in_the_middle_has_no_class(client, site_pages):
    make_post(cover_image=make_image())
    (image,) = images_in(page(client, "/de/news/"))
    assert "class=" not in image


def test_the_stylesheet_has_a_class_for_every_focal_point():
    stylesheet = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    for axis in "xy":
        for step in range(0, 101, 10):
            assert f".focus-{axis}-{step} {{ --focus-{axis}: {step}%; }}" in stylesheet


def test_a_logo_beside_its_organisations_name_is_not_described_again(client, site_pages):
    organisation = make_organisation(name="kargah e.V.", logo=make_image(alt_de="Logo von kargah"))
    (image,) = images_in(page(client, organisation.get_absolute_url()))
    assert 'alt=""' in image


def test_a_board_members_photo_beside_their_name_is_not_described_again(client, site_pages):
    make_board_membership(make_person("Nadia", "Kurtul", photo=make_image(alt_de="Nadia Kurtul")))
    (image,) = images_in(page(client, "/de/members/board/"))
    assert 'alt=""' in image
