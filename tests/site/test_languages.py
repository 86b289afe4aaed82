import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.languages import LANGUAGE_CODES


def public_page_urls(client):
    """Every page the sitemap lists, so the checks grow with every new page type."""
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver(/[^<]*)</loc>", index)
    sitemap = "".join(client.get(section).content.decode() for section in sections)
    return sorted(set(re.findall(r"<loc>http://testserver(/[^<]*)</loc>", sitemap)))


def test_root_redirects_by_accept_language(client, db):
    response = client.get("/", headers={"accept-language": "uk,ru;q=0.8"})
    assert response.status_code == 302
    assert response["Location"] == "/uk/"
    assert "Accept-Language" in response["Vary"]


def test_root_redirects_to_german_when_no_language_matches(client, db):
    response = client.get("/", headers={"accept-language": "ja,zh;q=0.5"})
    assert response["Location"] == "/de/"


def test_language_prefixed_page_does_not_vary_by_accept_language(client, site_pages):
    response = client.get("/en/")
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_page_declares_its_language_and_direction(client, site_pages, language):
    html = client.get(f"/{language}/").content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_only_arabic_is_right_to_left(client, site_pages):
    rtl = [
        code
        for code in LANGUAGE_CODES
        if f'<html lang="{code}" dir="rtl">' in client.get(f"/{code}/").content.decode()
    ]
    assert rtl == ["ar"]


def test_every_public_page_links_all_translations(client, site_pages):
    urls = public_page_urls(client)
    assert "/de/" in urls and "/ar/principles/" in urls
    for url in urls:
        html = client.get(url).content.decode()
        path_without_language = url.split("/", 2)[2]
        for code in LANGUAGE_CODES:
            expected = f'hreflang="{code}" href="http://testserver/{code}/{path_without_language}"'
            assert expected in html, (url, code)
        assert f'hreflang="x-default" href="http://testserver/de/{path_without_language}"' in html
        assert f'<link rel="canonical" href="http://testserver{url}">' in html


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, site_pages):
    html = client.get("/de/contact/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    for code, name in settings.LANGUAGES:
        assert f'<a href="/{code}/contact/" hreflang="{code}" lang="{code}"' in switcher
        assert f">{name}</a>" in switcher


def test_language_switcher_names_each_language_in_itself(client, site_pages):
    html = client.get("/en/").content.decode()
    for name in ["Deutsch", "English", "Français", "Español", "Русский", "Українська", "العربية"]:
        assert name in html


@pytest.mark.parametrize(
    ("language", "founded"),
    [("de", "3. Mai 2012"), ("en", "May 3, 2012"), ("fr", "3 mai 2012"), ("ru", "3 мая 2012")],
)
def test_dates_are_written_the_way_each_language_writes_them(client, site_pages, language, founded):
    assert founded in client.get(f"/{language}/").content.decode()


@pytest.mark.parametrize(("language", "opens"), [("de", "09:00"), ("en", "9 a.m.")])
def test_opening_hours_use_the_languages_time_format(client, site_pages, language, opens):
    footer = client.get(f"/{language}/").content.decode().split('class="site-footer"')[1]
    assert opens in footer


def test_unknown_page_is_a_translated_404(client, site_pages):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    with translation.override("fr"):
        assert translation.gettext("Page not found") in html


def test_server_error_page_is_translated(client, site_pages):
    from django.template.loader import render_to_string

    with translation.override("ar"):
        html = render_to_string("500.html")
        assert translation.gettext("Server error") in html
    assert '<html lang="ar" dir="rtl">' in html


def test_urls_reverse_under_the_active_language():
    with translation.override("es"):
        assert reverse("pages:contact") == "/es/contact/"
