"""The map in a real browser: nothing from OpenStreetMap until the visitor agrees."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TILES = "https://tile.openstreetmap.org/"


@pytest.fixture
def tile_requests(page, visit):
    visit.allow(TILES)
    requests = []
    page.on("request", lambda request: request.url.startswith(TILES) and requests.append(request))
    return requests


def test_tiles_load_only_after_the_visitor_presses_the_button(page, tile_requests):
    page.goto("/de/members/")
    button = page.locator(".map-consent-button")
    expect(button).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert tile_requests == []
    assert not page.evaluate("typeof window.L !== 'undefined'")
    button.click()
    expect(page.locator(".map-canvas.leaflet-container")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert tile_requests
    assert tile_requests[0].headers.get("referer", "").startswith("http://")


def test_keyboard_reaches_the_consent_button_and_opens_the_map(page, tile_requests):
    page.goto("/de/members/meeting-points/")
    for _press in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.map-consent-button')"):
            break
    else:
        raise AssertionError("the map's consent button cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(5)
    assert page.evaluate("document.activeElement.classList.contains('map-canvas')")


def test_marker_popup_links_to_the_organisation(page, tile_requests):
    page.goto("/de/members/organisations/kargah/")
    page.locator(".map-consent-button").click()
    page.locator(".leaflet-marker-icon").click()
    expect(page.locator(".leaflet-popup-content a")).to_have_text("kargah e.V.")


def test_without_javascript_the_list_works_and_no_empty_map_is_shown(browser, site):
    no_script = browser.new_context(base_url=site, java_script_enabled=False)
    tab = no_script.new_page()
    tab.goto("/de/members/?district=linden-nord")
    expect(tab.locator("section.map")).to_be_hidden()
    expect(tab.locator(".organisation-card")).to_have_count(3)
    no_script.close()
