"""Editing in the admin: nothing typed is lost by leaving a form, and the lists fit the screen."""

import pytest
from playwright.sync_api import expect

from news.models import Post
from tests.backoffice.factories import make_staff
from tests.browser.test_admin_pages import log_in

pytestmark = pytest.mark.browser

# The lists the office searches most, at the width of a common office laptop.
LISTS = ["news/post", "events/event", "members/memberorganisation", "people/person"]
WIDTH, HEIGHT = 1366, 768


@pytest.fixture
def post_form(page, site):
    """An office editor on the change form of a demo news post, fully loaded."""
    log_in(page, make_staff("redaktion", groups=["Office"]))
    post = Post.objects.order_by("pk").first()
    page.goto(f"/admin/news/post/{post.pk}/change/", wait_until="load")
    expect(page.locator("#tab_id_body_de .prose-menubar").first).to_be_visible()
    return page


def type_into(page, selector, keys):
    """Types as a person does, a click and then keys (so the browser counts the page as used)."""
    page.locator(selector).click()
    for key in keys:
        page.keyboard.press(key)


def answered_stay(page):
    """What the browser asks from now on, each answered "stay on this page"."""
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    return asked


def asks_before_leaving(page):
    """Follows the breadcrumb to the admin's start page; the browser asks before it goes."""
    asked = answered_stay(page)
    page.locator(".breadcrumbs a").first.click()
    return asked == ["beforeunload"]


def leaves_without_asking(page):
    """Follows the breadcrumb to the admin's start page; a question would stop it there."""
    asked = answered_stay(page)
    with page.expect_navigation():
        page.locator(".breadcrumbs a").first.click()
    return asked == []


def test_leaving_a_form_with_a_changed_field_asks_first(post_form):
    type_into(post_form, "#id_author", ["End", "!"])
    assert asks_before_leaving(post_form)
    expect(post_form.locator("#id_author")).to_have_value(
        Post.objects.order_by("pk").first().author + "!"
    )


def test_leaving_a_form_with_a_change_in_the_rich_text_editor_asks_first(post_form):
    type_into(post_form, "#tab_id_body_de [contenteditable=true]", ["Control+End", "!"])
    assert asks_before_leaving(post_form)


def test_leaving_a_form_whose_field_was_changed_back_does_not_ask(post_form):
    type_into(post_form, "#id_author", ["End", "!", "Backspace"])
    assert leaves_without_asking(post_form)


def test_leaving_a_form_that_was_only_looked_at_does_not_ask(post_form):
    type_into(post_form, "#id_author", ["End"])
    assert leaves_without_asking(post_form)


def test_saving_a_changed_form_does_not_ask(post_form):
    asked = answered_stay(post_form)
    type_into(post_form, "#id_author", ["End", "!"])
    post_form.locator("[name=_save]").click()
    expect(post_form.locator(".messagelist .success")).to_be_visible()
    assert asked == []


def test_leaving_a_form_shown_again_with_an_error_asks_first(post_form):
    post_form.fill("#id_title_de", "")
    post_form.locator("[name=_continue]").click()
    expect(post_form.locator(".errornote")).to_be_visible()
    type_into(post_form, "#id_author", ["End"])
    assert asks_before_leaving(post_form)


def sideways_scrolling(page):
    """The widths of the page and of each list's scroll box that are wider than their view."""
    return page.evaluate(
        """() => [document.documentElement, ...document.querySelectorAll('#changelist .results')]
            .filter(box => box.scrollWidth > box.clientWidth)
            .map(box => `${box.id || box.className || box.localName}: ${box.scrollWidth}`
                        + ` px in ${box.clientWidth} px`)"""
    )


@pytest.mark.parametrize("admin_language", ["en", "ar"])
def test_the_main_lists_fit_a_1366_px_screen_without_scrolling_sideways(page, site, admin_language):
    log_in(page, make_staff("office", groups=["Office"], admin_language=admin_language))
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    too_wide = {}
    for path in LISTS:
        page.goto(f"/admin/{path}/")
        expect(page.locator("#result_list tbody tr").first).to_be_visible()
        if scrolling := sideways_scrolling(page):
            too_wide[path] = scrolling
    assert too_wide == {}
