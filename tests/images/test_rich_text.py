"""A picture from the library in a rich text: stored as a reference and nothing else, shown
as the library's picture, described in the language of the text around it."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from tests.backoffice.factories import make_staff
from tests.languages import LANGUAGE_CODES
from tests.news.factories import make_post

from .factories import make_image

pytestmark = pytest.mark.django_db


def saved_body(body):
    post = make_post(body_de=body)
    post.refresh_from_db()
    return post.body_de


def test_a_reference_to_a_library_picture_is_kept_as_it_is():
    body = '<p>Vorher.</p><img data-image="42"><p>Nachher.</p>'
    assert saved_body(body) == body


@pytest.mark.parametrize(
    "pasted",
    [
        '<img data-image="42" src="https://tracker.example/pixel.gif">',
        '<img data-image="42" alt="Eigene Beschreibung" onerror="alert(1)">',
        '<img data-image="42" style="position:fixed" class="big" width="9999">',
    ],
)
def test_a_reference_keeps_nothing_but_the_pictures_number(pasted):
    assert saved_body(pasted) == '<img data-image="42">'


@pytest.mark.parametrize(
    "pasted",
    [
        '<img src="https://tracker.example/pixel.gif">',
        '<img src="x" onerror="alert(1)">',
        '<img data-image="42 onerror=alert(1)">',
        '<img data-image="../../admin">',
        '<img data-image="">',
    ],
)
def test_any_other_picture_leaves_the_text(pasted):
    assert saved_body(f"<p>Text.</p>{pasted}") == "<p>Text.</p>"


def body_html(client, post, language):
    response = client.get(f"/{language}/news/{post.slug}/")
    assert response.status_code == 200
    return response.content.decode().split('<div class="prose">')[1].split("</div>")[0]


DESCRIBED = {"de": "Der Saal", "en": "The hall", "ar": "القاعة"}


def picture_in_every_languages_text(client, language):
    """The one picture of a text that every language has, as a reader of ``language`` sees it,
    and the picture itself."""
    image = make_image(**{f"alt_{code}": text for code, text in DESCRIBED.items()})
    text = f'<p>Vorher.</p><img data-image="{image.pk}"><p>Nachher.</p>'
    post = make_post(**{f"body_{code}": text for code in LANGUAGE_CODES})
    html = body_html(client, post, language)
    assert "data-image" not in html
    (picture,) = re.findall(r"<picture>.*?</picture>", html, re.S)
    return picture, image


def test_a_referenced_picture_is_shown_with_its_smaller_versions_and_size(client, site_pages):
    picture, image = picture_in_every_languages_text(client, "de")
    stem = image.file.url.removesuffix(".png")
    assert f'srcset="{stem}.480w.webp 480w, {stem}.960w.webp 960w"' in picture
    assert 'width="1200" height="800"' in picture


@pytest.mark.parametrize("language", DESCRIBED)
def test_a_referenced_picture_is_described_in_the_readers_language(client, site_pages, language):
    picture, _image = picture_in_every_languages_text(client, language)
    assert f'alt="{DESCRIBED[language]}" loading="lazy"' in picture


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code not in DESCRIBED])
def test_a_referenced_picture_not_yet_described_in_a_language_shows_the_german_text_marked(
    client, site_pages, language
):
    picture, _image = picture_in_every_languages_text(client, language)
    assert 'alt="Der Saal" lang="de" dir="ltr"' in picture


def test_a_picture_in_a_text_shown_in_german_is_described_in_german(client, site_pages):
    image = make_image(alt_de="Der Saal", alt_fr="La salle")
    post = make_post(body_de=f'<p>Nur auf Deutsch.</p><img data-image="{image.pk}">')
    html = body_html(client, post, "fr")
    assert '<div lang="de" dir="ltr">' in html
    assert 'alt="Der Saal" loading="lazy"' in html
    assert "La salle" not in html


def test_a_reference_to_a_picture_deleted_since_shows_nothing(client, site_pages):
    image = make_image()
    post = make_post(body_de=f'<p>Text.</p><img data-image="{image.pk}">')
    image.delete()
    html = body_html(client, post, "de")
    assert html == "<p>Text.</p>"


def test_the_editor_offers_the_library_with_its_chooser(client):
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:news_post_add")).content.decode()
    attribute = re.search(r'data-django-prose-editor-configurable="([^"]+)"', html)[1]
    config = json.loads(unescape(attribute))
    assert config["extensions"]["LibraryImage"]["chooser"] == reverse("admin:images_image_chooser")
    assert any(module.endswith("js/rich-text-image.js") for module in config["js_modules"])
