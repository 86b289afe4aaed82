"""Everything a visitor needs works with the keyboard alone, and focus is always visible."""

import re

import pytest
from playwright.sync_api import expect

from pages.models import ContactMessage

pytestmark = pytest.mark.browser

# Where the focus may be reached with at most this many presses of Tab.
MAX_TABS = 120


def focused_matches(page, selector):
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def tab_to(page, selector):
    """Press Tab until the element matching ``selector`` has the focus."""
    for _press in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key on {page.url}")


FOCUS_INDICATOR = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    element: element.outerHTML.slice(0, 80),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
    shown: box.width > 0 && box.height > 0,
  };
}"""


def test_skip_link_is_the_first_tab_stop_and_jumps_to_the_content(page):
    page.goto("/de/news/")
    page.keyboard.press("Tab")
    assert focused_matches(page, "a.skip-link")
    expect(page.locator("a.skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert focused_matches(page, "main#main")


@pytest.mark.parametrize("path", ["/de/contact/", "/ar/events/"])
def test_focus_is_visible_on_every_tab_stop(page, path):
    page.goto(path)
    stops, hidden = [], []
    for _press in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused_matches(page, "body"):
            break  # past the last tab stop
        state = page.evaluate(FOCUS_INDICATOR)
        stops.append(state["element"])
        if not (state["shown"] and (state["outline"] or state["shadow"])):
            hidden.append(state["element"])
    # The skip link, the menu, the language switcher and the page's own links at least.
    assert len(stops) > 15, stops
    assert hidden == []


def test_language_switcher_works_with_the_keyboard(page):
    page.goto("/de/about/")
    tab_to(page, '.language-switcher a[hreflang="ar"]')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ar/about/$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def test_main_menu_works_with_the_keyboard(page):
    page.goto("/de/")
    tab_to(page, '.main-nav a[href="/de/events/"]')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/de/events/$"))


def test_contact_form_can_be_filled_in_and_sent_with_the_keyboard(page):
    page.goto("/de/contact/")
    tab_to(page, "#id_name")
    page.keyboard.type("Ada Lovelace")
    for selector, text in [
        ("#id_email", "ada@example.org"),
        ("#id_subject", "Tastatur"),
        ("#id_message", "Gesendet nur mit der Tastatur."),
    ]:
        page.keyboard.press("Tab")
        assert focused_matches(page, selector)
        page.keyboard.type(text)
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    # The form is sent to #error-summary; a redirect keeps the fragment.
    expect(page).to_have_url(re.compile(r"/de/contact/thanks/(#error-summary)?$"))
    assert ContactMessage.objects.filter(subject="Tastatur").exists()


def test_calendar_months_can_be_browsed_with_the_keyboard(page):
    page.goto("/de/events/calendar/")
    month = page.url
    tab_to(page, 'main a[rel="next"]')
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != month)
    tab_to(page, 'main a[rel="prev"]')
    page.keyboard.press("Enter")
    page.wait_for_url(month)


def test_calendar_subscription_can_be_reached_with_the_keyboard(page):
    page.goto("/de/events/")
    tab_to(page, 'main a[href^="webcal:"]')


def test_map_consent_button_works_with_the_enter_key(page, visit):
    visit.allow("https://tile.openstreetmap.org/")
    tiles = []
    page.on("request", lambda request: tiles.append(request.url) if "tile." in request.url else 0)
    page.goto("/de/members/")
    tab_to(page, ".map-consent-button")
    assert tiles == []
    page.keyboard.press("Enter")
    expect(page.locator(".map-canvas")).to_be_visible()
    expect(page.locator(".map-canvas .leaflet-marker-icon").first).to_be_visible()
    assert tiles, "the map loaded no tiles after consent"
    assert focused_matches(page, ".map-canvas")
