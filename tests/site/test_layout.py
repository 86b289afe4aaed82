"""The layout every page shares: the main menu and the links to the page in each language."""

import pytest

from tests.languages import LANGUAGE_CODES
from tests.news.factories import make_post


def main_menu(client, url):
    return client.get(url).content.decode().split('class="main-nav"')[1].split("</nav>")[0]


def test_main_menu_marks_the_page_it_links(client, site_pages):
    menu = main_menu(client, "/en/about/")
    assert '<a href="/en/about/" aria-current="page">' in menu
    assert menu.count("aria-current") == 1


def test_main_menu_marks_the_section_of_a_page_below_it(client, site_pages):
    menu = main_menu(client, make_post().get_absolute_url())
    assert '<a href="/de/news/" aria-current="true">' in menu
    assert menu.count("aria-current") == 1


def test_main_menu_marks_nothing_on_a_page_outside_it(client, site_pages):
    assert "aria-current" not in main_menu(client, "/ar/imprint/")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_page_of_an_object_links_the_same_object_in_every_language(client, site_pages, code):
    post = make_post()
    html = client.get(f"/ar/news/{post.slug}/").content.decode()
    assert f'hreflang="{code}" href="http://testserver/{code}/news/{post.slug}/"' in html


def test_unknown_page_links_its_own_address_for_every_language(client, site_pages):
    html = client.get("/fr/no-such-page/").content.decode()
    for code in LANGUAGE_CODES:
        assert f'hreflang="{code}" href="http://testserver/fr/no-such-page/"' in html
