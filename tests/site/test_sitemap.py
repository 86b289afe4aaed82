"""Sitemap files of at most ``limit`` URLs, counted in the database, listed in the index."""

import re

import pytest
from django.core.paginator import Paginator

from news.sitemaps import NewsSitemap
from tests.languages import LANGUAGE_CODES
from tests.news.factories import make_many_posts

pytestmark = pytest.mark.django_db


def every_url(sitemap):
    """All of a section's URLs as Django's own sitemap lists them, built one by one."""
    items = [*sitemap.url_names, *sitemap.objects()]
    return [(item, code) for item in items for code in LANGUAGE_CODES]


@pytest.fixture
def small_files(monkeypatch):
    """Ten URLs a file, so that a file boundary falls within an item's languages."""
    monkeypatch.setattr(NewsSitemap, "limit", 10)
    make_many_posts(4)


def test_each_sitemap_file_holds_the_urls_of_its_page_in_order(small_files):
    sitemap = NewsSitemap()
    expected = Paginator(every_url(sitemap), sitemap.limit)
    assert sitemap.paginator.num_pages == expected.num_pages == 4
    for number in expected.page_range:
        assert list(sitemap.paginator.page(number)) == list(expected.page(number))


def test_the_index_lists_every_file_of_a_long_section(client, small_files):
    index = client.get("/sitemap.xml").content.decode()
    files = re.findall(r"<loc>http://testserver/sitemap-news\.xml([^<]*)</loc>", index)
    assert files == ["", "?p=2", "?p=3", "?p=4"]


def test_a_later_sitemap_file_names_every_language_of_its_objects(client, small_files):
    sitemap = client.get("/sitemap-news.xml?p=3").content.decode()
    assert sitemap.count("<url>") == 10
    assert sitemap.count('hreflang="x-default"') == 10


def test_a_sitemap_file_past_the_last_is_not_found(client, small_files):
    assert client.get("/sitemap-news.xml?p=5").status_code == 404
