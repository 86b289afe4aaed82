"""The member's journey, in Ukrainian: the office invites a person, who sets a password, signs
in, sees members-only content, subscribes to the personal calendar feed and changes the
organisation's entry, which the office publishes.
"""

import re

import pytest
from django.test import Client
from django.utils import translation
from icalendar import Calendar
from playwright.sync_api import expect

from events.models import Occurrence
from members.models import MemberOrganisation
from tests.accounts.factories import make_member_of
from tests.backoffice.factories import make_staff
from tests.browser.sign_in import invite, set_password, sign_in, sign_in_to_the_admin
from tests.documents.factories import make_document

pytestmark = pytest.mark.browser

DESCRIPTION = "Ми допомагаємо родинам з України знайти своє місце в Ганновері."
PASSWORD = "Kalyna-u-Hannoveri-2026"


def log_in(context, site, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": site}])


@pytest.fixture
def organisation():
    return MemberOrganisation.objects.filter(is_active=True).order_by("pk").first()


@pytest.fixture
def member(organisation):
    return make_member_of(organisation)


def test_an_invited_member_sees_members_only_content_subscribes_and_changes_the_entry(
    browser, site, page, organisation
):
    make_document(title_uk="Протокол загальних зборів", members_only=True)
    make_staff("buero", groups=["Office"], admin_language="en")
    office = browser.new_context(base_url=site, locale="en-GB").new_page()
    sign_in_to_the_admin(office, "buero")
    link = invite(office, "olena@example.org", organisation, "uk")

    set_password(page, link, PASSWORD)
    expect(page).to_have_url(re.compile(r"/uk/account/login/$"))
    sign_in(page, "olena@example.org", PASSWORD)
    expect(page).to_have_url(re.compile(r"/uk/account/$"))

    page.goto("/uk/members-area/")
    expect(page.locator("h1")).to_have_text("Розділ для учасників")
    date = Occurrence.objects.filter(event__members_only=True).upcoming().first()
    with translation.override("uk"):
        date_link = page.locator(f'a[href="{date.get_absolute_url()}"]')
    expect(date_link).to_have_text(date.event.title_uk)
    expect(page.get_by_role("link", name="Протокол загальних зборів")).to_be_visible()

    page.get_by_role("button", name="Створити адресу мого календаря").click()
    feed_url = page.get_by_label("Адреса вашого календаря").input_value()
    calendar = Calendar.from_ical(page.request.get(feed_url).body())
    assert date.event.title_uk in [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]

    page.get_by_role("link", name="Змінити наш запис").click()
    page.get_by_label("Опис мовою: Українська").fill(DESCRIPTION)
    page.get_by_role("button", name="Надіслати до офісу").click()
    expect(page.locator(".messages")).to_contain_text("Дякуємо")

    with translation.override("uk"):
        public_page = organisation.get_absolute_url()
    page.goto(public_page)
    expect(page.locator("main")).not_to_contain_text(DESCRIPTION)

    office.goto("/admin/accounts/organisationchange/")
    office.get_by_role("link", name=organisation.name).click()
    expect(office.locator(".proposal-diff")).to_contain_text(DESCRIPTION)
    office.get_by_role("button", name="Publish the change").click()
    expect(office.locator(".messagelist")).to_contain_text("Published")

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
