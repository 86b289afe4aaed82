"""The member's journey after login, in Ukrainian: members-only content, the personal
calendar feed, and a change to the organisation's entry that the office publishes.

The login itself (invitation, password, sign-in) is the accounts work's; here the
member and the office arrive logged in, with the session cookie of ``force_login``.
"""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation
from icalendar import Calendar
from playwright.sync_api import expect

from events.models import Event
from members.models import MemberOrganisation
from tests.accounts.factories import make_member_of
from tests.documents.factories import make_document

pytestmark = pytest.mark.browser

DESCRIPTION = "Ми допомагаємо родинам з України знайти своє місце в Ганновері."


def log_in(context, site, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": site}])


@pytest.fixture
def member(site):
    organisation = MemberOrganisation.objects.filter(is_active=True).order_by("pk").first()
    return make_member_of(organisation)


def test_member_sees_members_only_content_subscribes_and_changes_the_entry(
    browser, site, context, page, member
):
    event = Event.objects.visible_to(member).filter(members_only=True).upcoming().first()
    make_document(title_uk="Протокол загальних зборів", members_only=True)
    log_in(context, site, member)

    page.goto("/uk/members-area/")
    expect(page.locator("h1")).to_have_text("Розділ для учасників")
    expect(page.get_by_role("link", name=event.title_uk)).to_be_visible()
    expect(page.get_by_role("link", name="Протокол загальних зборів")).to_be_visible()

    page.get_by_role("button", name="Створити адресу мого календаря").click()
    feed_url = page.get_by_label("Адреса вашого календаря").input_value()
    calendar = Calendar.from_ical(page.request.get(feed_url).body())
    assert event.title_uk in [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]

    page.get_by_role("link", name="Змінити наш запис").click()
    page.get_by_label("Опис мовою: Українська").fill(DESCRIPTION)
    page.get_by_role("button", name="Надіслати до офісу").click()
    expect(page.locator(".messages")).to_contain_text("Дякуємо")

    organisation = member.membership.organisation
    with translation.override("uk"):
        public_page = organisation.get_absolute_url()
    page.goto(public_page)
    expect(page.locator("main")).not_to_contain_text(DESCRIPTION)

    office = browser.new_context(base_url=site, locale="en-GB")
    log_in(office, site, User.objects.create_superuser("office", "office@example.org"))
    admin = office.new_page()
    admin.goto("/admin/accounts/organisationchange/")
    admin.get_by_role("link", name=organisation.name).click()
    expect(admin.locator(".proposal-diff")).to_contain_text(DESCRIPTION)
    admin.get_by_role("button", name="Publish the change").click()
    expect(admin.locator(".messagelist")).to_contain_text("Published")
    office.close()

    page.goto(public_page)
    expect(page.locator("main")).to_contain_text(DESCRIPTION)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_member_pages_have_no_accessibility_violations_or_sideways_scrolling(
    site, context, page, axe, member, language
):
    log_in(context, site, member)
    page.set_viewport_size({"width": 320, "height": 800})
    for path in ("", "our-entry/", "our-events/", "our-events/new/"):
        page.goto(f"/{language}/members-area/{path}")
        assert axe() == [], path
        assert page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        ), path
