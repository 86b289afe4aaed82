"""What the page cache serves, to whom, and what it never keeps."""

import gzip
import os
import re
import secrets
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.cache import clear_pages
from news.models import Post
from pages.models import Page
from tests.news.factories import make_post
from tests.pages.factories import CONTACT_FORM, make_site_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return make_site_pages()


def rename_home(title):
    page = Page.objects.get(key=Page.Key.HOME)
    page.title_de = title
    page.save()


def test_second_visit_is_served_from_the_cache_without_queries(
    client, site, page_cache, django_assert_num_queries
):
    first = client.get("/de/")
    with django_assert_num_queries(0):
        second = client.get("/de/")
    assert second.status_code == 200
    assert second.content == first.content


def test_without_the_setting_every_visit_renders_its_page(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/de/")
    Page.objects.filter(key=Page.Key.HOME).update(title_de="Ohne Zwischenspeicher")
    assert "Ohne Zwischenspeicher" in client.get("/de/").content.decode()


def test_an_edit_shows_at_once(client, site, page_cache):
    client.get("/de/")
    rename_home("Willkommen im Netzwerk")
    assert "Willkommen im Netzwerk" in client.get("/de/").content.decode()


def test_each_language_is_cached_on_its_own(client, site, page_cache):
    client.get("/de/")
    arabic = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic


@pytest.mark.parametrize(
    ("url", "other"),
    [
        ("/de/news/?page=2", "/de/news/"),
        ("/de/news/?kind=press", "/de/news/?kind=job"),
        ("/de/search/?q=Sommerfest", "/de/search/?q=Herbstfest"),
    ],
    ids=["page", "filter", "search"],
)
def test_each_page_number_filter_and_search_is_cached_on_its_own(
    client, site, page_cache, django_assert_num_queries, url, other
):
    for number in range(12):
        kind = Post.Kind.PRESS_RELEASE if number % 2 else Post.Kind.JOB
        make_post(title_de=f"Sommerfest {number}" if number % 3 else "Herbstfest", kind=kind)
    client.get(other)
    first = client.get(url).content
    with django_assert_num_queries(0):
        second = client.get(url).content
    assert second == first
    assert first != client.get(other).content


def test_a_page_asked_for_with_a_parameter_it_does_not_read_is_answered_but_not_kept(
    client, site, page_cache
):
    first = client.get("/de/?utm_source=newsletter")
    assert first.status_code == 200
    # Rendering a page costs queries; a page taken from the cache costs none.
    with CaptureQueriesContext(connection) as queries:
        client.get("/de/?utm_source=newsletter")
    assert len(queries) > 0


def stored_entries():
    """How many entries the cache holds: local memory's own dictionary, or Redis's keys."""
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        return len(cache._cache)
    return cache._cache.get_client().dbsize()


# Redis database 13 is this test's alone: it counts the keys, and other tests clear theirs.
@pytest.mark.parametrize("redis_database", [13])
def test_a_flood_of_made_up_parameters_leaves_the_cache_as_it_was(
    client, site, page_cache, django_assert_num_queries
):
    """Local memory keeps at most 300 entries: had the flood been stored, the real
    pages would have been pushed out."""
    real_pages = ["/de/", "/ar/news/", "/de/search/?q=Sommerfest", "/robots.txt"]
    for url in real_pages:
        client.get(url)
    before = stored_entries()
    for number in range(1000):
        made_up = f"/robots.txt?{secrets.token_hex(4)}={number}"
        assert client.get(made_up).status_code == 200
    assert stored_entries() == before
    with django_assert_num_queries(0):
        for url in real_pages:
            assert client.get(url).status_code == 200


def test_logged_in_staff_always_get_fresh_pages(client, admin_client, site, page_cache):
    client.get("/de/")
    admin_client.get("/de/")
    Page.objects.filter(key=Page.Key.HOME).update(title_de="Nur frisch zu sehen")
    assert "Nur frisch zu sehen" in admin_client.get("/de/").content.decode()
    assert "Nur frisch zu sehen" not in client.get("/de/").content.decode()


def test_staff_pages_are_never_kept_for_visitors(client, admin_client, site, page_cache):
    admin_client.get("/de/")
    Page.objects.filter(key=Page.Key.HOME).update(title_de="Neu gerendert")
    assert "Neu gerendert" in client.get("/de/").content.decode()


def csrf_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def test_a_form_page_is_never_served_with_another_visitors_token(site, page_cache):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get("/de/contact/")
    page = second.get("/de/contact/")
    assert page.cookies["csrftoken"].value != first_page.cookies["csrftoken"].value
    response = second.post("/de/contact/", CONTACT_FORM | {"csrfmiddlewaretoken": csrf_token(page)})
    assert response.status_code == 302


def test_a_pending_message_bypasses_the_cache(client, site, page_cache):
    client.get("/de/")
    Page.objects.filter(key=Page.Key.HOME).update(title_de="Mit Nachricht")
    client.cookies["messages"] = "pending"
    assert "Mit Nachricht" in client.get("/de/").content.decode()


def test_the_admin_is_never_cached(admin_client, site, page_cache):
    admin_client.get("/admin/")
    user = get_user_model().objects.get()
    user.first_name = "Zeynep"
    user.save()
    assert "Zeynep" in admin_client.get("/admin/").content.decode()


@pytest.mark.parametrize("second_visit", [False, True], ids=["rendered", "from-cache"])
def test_pages_answer_304_to_a_matching_etag(client, site, page_cache, second_visit):
    response = client.get("/de/")
    if second_visit:
        response = client.get("/de/")
    assert response.has_header("ETag")
    assert client.get("/de/", headers={"if-none-match": response["ETag"]}).status_code == 304


def test_an_edit_changes_the_etag(client, site, page_cache):
    before = client.get("/de/")["ETag"]
    rename_home("Neue Überschrift")
    assert client.get("/de/", headers={"if-none-match": before}).status_code == 200


def test_pages_are_compressed_for_browsers_that_accept_gzip(client, site, page_cache):
    plain = client.get("/de/").content
    zipped = client.get("/de/", headers={"accept-encoding": "gzip, br"})
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain
    again = client.get("/de/", headers={"accept-encoding": "gzip"})
    assert again.content == zipped.content


def test_robots_txt_names_the_host_it_was_asked_on(client, site, page_cache, settings):
    settings.ALLOWED_HOSTS = ["miso-netzwerk.de", "www.miso-netzwerk.de"]
    client.get("/robots.txt", headers={"host": "miso-netzwerk.de"})
    robots = client.get("/robots.txt", headers={"host": "www.miso-netzwerk.de"})
    assert "http://www.miso-netzwerk.de/sitemap.xml" in robots.content.decode()


def test_a_change_made_by_another_worker_clears_this_workers_pages(
    client, site, settings, tmp_path
):
    """With local memory each worker has its own cache; the stamp file's time is shared."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_STAMP = tmp_path / "page-cache.stamp"
    client.get("/de/")
    Page.objects.filter(key=Page.Key.HOME).update(title_de="Von nebenan")
    later = time.time_ns() + 1_000_000
    os.utime(settings.PAGE_CACHE_STAMP, ns=(later, later))
    assert "Von nebenan" in client.get("/de/").content.decode()


def test_clear_pages_forgets_changes_made_without_save(client, site, page_cache):
    client.get("/de/")
    Page.objects.filter(key=Page.Key.HOME).update(title_de="Massenänderung")
    clear_pages()
    assert "Massenänderung" in client.get("/de/").content.decode()
