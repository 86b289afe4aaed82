"""A form sent with mistakes shows its error summary first, on a phone's screen."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_error_summary_of_the_empty_contact_form_is_focused_and_in_view(page, language):
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/contact/")
    page.locator("main form[method=post] [type=submit]").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.evaluate("element => element === document.activeElement")
    box = summary.bounding_box()
    assert box["y"] >= 0
    # Its heading and first link are on the first screen, without scrolling.
    first_link = summary.locator("a").first
    link_box = first_link.bounding_box()
    assert link_box["y"] + link_box["height"] <= PHONE["height"]
    assert first_link.get_attribute("href") == "#id_name"


def test_a_link_in_the_summary_focuses_its_field(page):
    page.set_viewport_size(PHONE)
    page.goto("/de/members/apply/")
    page.locator("main form[method=post] [type=submit]").click()
    page.wait_for_load_state()
    page.locator(".error-summary a[href='#id_activities']").click()
    assert page.evaluate("document.activeElement.id") == "id_activities"
    label = page.locator("label[for=id_activities]").bounding_box()
    assert 0 <= label["y"] < PHONE["height"]


def test_the_summary_stands_at_the_top_of_the_form_without_javascript(browser, site):
    context = browser.new_context(base_url=site, java_script_enabled=False, viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto("/de/members/apply/")
        tab.locator("main form[method=post] [type=submit]").click()
        tab.wait_for_load_state()
        summary = tab.locator(".error-summary")
        assert summary.is_visible()
        box = summary.bounding_box()
        scrolled = tab.evaluate("window.scrollY")
        # The form is sent to #error-summary: the browser opens the page at it.
        assert 0 <= box["y"] < PHONE["height"], (box, scrolled)
    finally:
        context.close()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_checkboxes_are_at_least_24_pixels_square(page, language):
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/members/apply/")
    boxes = page.locator("main input[type=checkbox], main input[type=radio]")
    assert boxes.count() >= 1
    for index in range(boxes.count()):
        box = boxes.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box


def test_the_field_for_bots_is_not_rendered_so_no_browser_fills_it_in(page):
    """A sender who filled it in is thanked and their message thrown away: only a field
    that is not rendered at all is safe from a browser's or a password manager's autofill."""
    page.goto("/de/contact/")
    field = page.locator("main form input[name=website]")
    expect(field).to_have_count(1)
    expect(field).to_be_hidden()
