"""On a phone (390 × 844): a small header with a menu button, the main tasks first."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, site):
    """A browser tab the size of a phone; fails the test on outside requests or script errors."""
    context = browser.new_context(base_url=site, viewport=PHONE, locale="de-DE")
    visit = Visit(origin=site)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.route("**/*", visit.route)
    tab.on("pageerror", visit.page_error)
    yield tab
    context.close()
    assert visit.elsewhere == []
    assert visit.console_errors == []


def content_top(tab):
    """Where the page's own content starts: below the header, above the main heading."""
    return tab.evaluate(
        "Math.min(document.querySelector('.site-header').getBoundingClientRect().bottom,"
        " document.querySelector('main h1').getBoundingClientRect().top)"
    )


@pytest.mark.parametrize("path", ["/de/", "/ru/members/", "/ar/events/"])
def test_phone_header_takes_at_most_a_fifth_of_the_screen(phone, path):
    phone.goto(path)
    assert phone.locator(".site-header").bounding_box()["height"] <= PHONE["height"] / 5
    assert content_top(phone) <= PHONE["height"] / 5


def test_phone_menu_is_closed_and_the_navigation_hidden_at_first(phone):
    phone.goto("/de/")
    expect(phone.locator(".site-menu > summary")).to_be_visible()
    expect(phone.locator(".site-menu")).not_to_have_attribute("open", "")
    expect(phone.get_by_role("navigation", name="Hauptmenü")).to_be_hidden()
    expect(phone.locator(".site-header input[type=search]")).to_be_hidden()


def test_phone_menu_opens_with_the_links_and_the_search(phone):
    phone.goto("/de/events/")
    phone.locator(".site-menu > summary").click()
    menu = phone.get_by_role("navigation", name="Hauptmenü")
    expect(menu).to_be_visible()
    for name in ["Über uns", "Mitglieder", "Veranstaltungen", "Kontakt"]:
        expect(menu.get_by_role("link", name=name)).to_be_in_viewport()
    expect(menu.get_by_role("link", name="Veranstaltungen")).to_have_attribute(
        "aria-current", "page"
    )
    expect(phone.locator(".site-header input[type=search]")).to_be_visible()
    phone.locator(".site-menu > summary").click()
    expect(menu).to_be_hidden()


def test_phone_menu_opens_without_javascript(browser, site):
    context = browser.new_context(base_url=site, viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/en/")
    menu = tab.get_by_role("navigation", name="Main menu")
    expect(menu).to_be_hidden()
    tab.locator(".site-menu > summary").click()
    expect(menu.get_by_role("link", name="Projects")).to_be_visible()
    context.close()


@pytest.mark.parametrize("language", ["de", "ru", "ar"])
def test_phone_shows_every_language_on_the_first_screen_named_in_itself(phone, language):
    phone.goto(f"/{language}/members/")
    links = phone.locator(".language-switcher a")
    expect(links).to_have_count(7)
    for index in range(7):
        expect(links.nth(index)).to_be_in_viewport()
    arabic = phone.locator('.language-switcher a[hreflang="ar"]')
    expect(arabic).to_have_text("العربية")
    expect(arabic).to_have_attribute("lang", "ar")
    expect(arabic).to_have_attribute("dir", "rtl")


def test_desktop_shows_the_whole_menu_without_a_button(page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/de/")
    expect(page.locator(".site-menu > summary")).to_be_hidden()
    menu = page.get_by_role("navigation", name="Hauptmenü")
    expect(menu.get_by_role("link", name="Kontakt")).to_be_visible()
    expect(page.locator(".site-header input[type=search]")).to_be_visible()


@pytest.mark.parametrize("language", ["de", "ru", "ar"])
def test_home_page_first_phone_screen_offers_the_directory_and_an_event(phone, language):
    phone.goto(f"/{language}/")
    form = phone.locator("main form.finder")
    expect(form).to_have_attribute("action", f"/{language}/members/")
    for field in ["select[name=district]", "select[name=language]", "button[type=submit]"]:
        expect(form.locator(field)).to_be_in_viewport(ratio=1)
    expect(phone.locator(".home-events .event-card a").first).to_be_in_viewport(ratio=1)


def test_home_page_finder_leads_to_the_filtered_directory(phone):
    phone.goto("/de/")
    phone.locator("select[name=language]").select_option(label="Deutsch")
    phone.locator("main form.finder button").click()
    phone.wait_for_url("**/de/members/?district=&language=de")
    expect(phone.locator("main h1")).to_have_text("Mitgliedsorganisationen")
    expect(phone.locator(".organisation-card").first).to_be_visible()
