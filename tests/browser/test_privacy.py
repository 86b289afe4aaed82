"""Privacy by design: no request to another host, no cookie but the CSRF one, nothing stored."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.public_pages import html_pages, one_path_per_type

pytestmark = pytest.mark.browser

TILES = "https://tile.openstreetmap.org/"


def test_no_public_page_asks_another_host_for_anything(page, visit):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    paths = list(html_pages(Client(), languages=["de"]))
    paths += one_path_per_type(html_pages(Client(), languages=["ar"])).values()
    for path in paths:
        page.goto(path)
    assert len(paths) > 30
    assert visit.elsewhere == []
    assert all(url.startswith(visit.origin) for url in requested)


def test_anonymous_visitors_get_only_the_csrf_cookie_and_nothing_stored(page, context):
    for path in one_path_per_type(html_pages(Client(), languages=["de"])).values():
        page.goto(path)
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0, path
    assert {cookie["name"] for cookie in context.cookies()} == {"csrftoken"}


def test_the_map_loads_nothing_from_openstreetmap_before_consent(page, visit):
    visit.allow(TILES)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/de/members/")
    page.wait_for_load_state("networkidle")
    assert not any(url.startswith(TILES) for url in requested)
    assert not any("leaflet" in url for url in requested)

    page.locator(".map-consent-button").click()
    expect(page.locator(".map-canvas .leaflet-tile-loaded").first).to_be_attached()
    elsewhere = [url for url in requested if not url.startswith(visit.origin)]
    assert elsewhere and all(url.startswith(TILES) for url in elsewhere)
