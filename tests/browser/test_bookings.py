"""A member books the meeting room on a phone, and the booking pages fit every screen."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from bookings.models import Booking, Resource
from tests.bookings.factories import in_days, make_booking, make_member_account

from .conftest import AXE_TAGS, Visit
from .test_layout import BOXES, FIND_OFFENDERS, HEIGHT, WIDTHS, report

pytestmark = pytest.mark.browser


@pytest.fixture
def member_tab(browser, site):
    """A phone-sized tab of a logged-in member, with a booking by another organisation."""
    member = make_member_account()
    room = Resource.objects.get(slug="sitzungsraum")
    make_booking(room, make_member_account(), in_days(8, 10), in_days(8, 12))
    client = Client()
    client.force_login(member)
    context = browser.new_context(base_url=site, viewport={"width": 390, "height": HEIGHT})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site,
            }
        ]
    )
    visit = Visit(origin=site)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.route("**/*", visit.route)
    tab.on("pageerror", visit.page_error)
    yield tab, member
    context.close()
    assert visit.elsewhere == []
    assert visit.console_errors == []


def test_a_member_books_a_free_time_from_the_week_in_ukrainian(member_tab):
    tab, member = member_tab
    day = in_days(8, 9).date()
    tab.goto(f"/uk/members-area/bookings/sitzungsraum/?week={day}")
    expect(tab.locator(".week-day").nth(day.weekday())).to_contain_text("зайнято")
    tab.locator(".week-day").nth(day.weekday()).locator(".span-free a").first.click()
    tab.select_option("#id_ends", "10:00")
    tab.fill("#id_purpose", "Засідання правління")
    tab.locator("main form [type=submit]").click()
    expect(tab.locator(".messages")).to_contain_text("Заброньовано")
    booking = Booking.objects.get(account=member)
    assert booking.purpose == "Засідання правління"
    assert booking.language == "uk"


@pytest.mark.parametrize("language", ["de", "ru", "ar"])
def test_the_booking_pages_fit_every_screen_width(member_tab, language):
    tab, _member = member_tab
    offenders = {}
    week = in_days(8, 9).date()
    for path in (
        f"/{language}/members-area/bookings/",
        f"/{language}/members-area/bookings/sitzungsraum/?week={week}",
    ):
        tab.goto(path)
        for width in WIDTHS:
            tab.set_viewport_size({"width": width, "height": HEIGHT})
            if problems := tab.evaluate(FIND_OFFENDERS, BOXES):
                offenders[(path, width)] = problems
    assert offenders == {}, report(offenders)


def test_the_booking_form_with_its_errors_has_no_accessibility_violations(member_tab, axe_source):
    tab, _member = member_tab
    tab.goto("/ar/members-area/bookings/sitzungsraum/")
    tab.locator("main form [type=submit]").click()
    tab.wait_for_load_state()
    tab.evaluate(axe_source)
    violations = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations.map(v => v.id))",
        AXE_TAGS,
    )
    assert violations == []
