"""Changing the language keeps the visitor's filters, page number and search words;
the links for search engines stay clean."""

import re

import pytest
from django.test import Client

from tests.languages import LANGUAGE_CODES
from tests.members.factories import (
    make_district,
    make_focus_area,
    make_language,
    make_many_organisations,
)


def switcher_links(html):
    """The language switcher's links, by language."""
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    return {
        code: url for url, code in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', switcher)
    }


@pytest.fixture
def thirty_in_linden(db):
    make_many_organisations(30, make_district("Linden"), make_focus_area(), make_language())


def test_the_english_link_keeps_the_district_and_the_page(client, site_pages, thirty_in_linden):
    response = client.get("/de/members/?district=linden&page=2")
    assert response.status_code == 200
    assert switcher_links(response.content.decode())["en"] == (
        "/en/members/?district=linden&amp;page=2"
    )


def test_every_language_keeps_the_query_string(client, site_pages, thirty_in_linden):
    links = switcher_links(client.get("/ar/members/?district=linden&page=2").content.decode())
    assert links == {
        code: f"/{code}/members/?district=linden&amp;page=2" for code in LANGUAGE_CODES
    }


def test_search_words_in_any_script_are_kept(client, site_pages):
    links = switcher_links(client.get("/ru/search/?q=Ганновер").content.decode())
    assert links["ar"] == "/ar/search/?q=%D0%93%D0%B0%D0%BD%D0%BD%D0%BE%D0%B2%D0%B5%D1%80"


def test_the_canonical_and_hreflang_links_stay_without_the_query(
    client, site_pages, thirty_in_linden
):
    html = client.get("/de/members/?district=linden&page=2").content.decode()
    assert '<link rel="canonical" href="http://testserver/de/members/">' in html
    for code in LANGUAGE_CODES:
        assert f'hreflang="{code}" href="http://testserver/{code}/members/">' in html
    assert "district=linden" not in "".join(re.findall(r"<link [^>]*>", html))


def test_a_page_without_a_query_links_plain_addresses(client, site_pages):
    assert switcher_links(client.get("/de/members/").content.decode())["en"] == "/en/members/"


def test_the_page_cache_keeps_each_query_strings_own_links(settings, site_pages, thirty_in_linden):
    # The cache keys on the full address, so no query's links reach another's page.
    settings.PAGE_CACHE_SECONDS = 300
    client = Client()
    for _visit in range(2):
        first = switcher_links(client.get("/de/members/?district=linden").content.decode())
        second = switcher_links(client.get("/de/members/?district=linden&page=2").content.decode())
        assert first["en"] == "/en/members/?district=linden"
        assert second["en"] == "/en/members/?district=linden&amp;page=2"
