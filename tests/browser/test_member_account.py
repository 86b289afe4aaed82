"""The office invites a person in the admin; the invitation email holds a link; the person sets
a password there, signs in in Ukrainian and reaches their account page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import MemberOrganisation
from tests.backoffice.factories import make_staff
from tests.browser.sign_in import sign_in_to_the_admin

pytestmark = pytest.mark.browser

NEW_PASSWORD = "Довгий-новий-пароль-2026"


def test_an_invited_person_sets_a_password_and_signs_in_in_ukrainian(page, site, axe):
    make_staff("buero", groups=["Office"], admin_language="en")
    organisation = MemberOrganisation.objects.order_by("name").first()
    sign_in_to_the_admin(page, "buero")
    page.goto("/admin/accounts/invitation/add/")
    page.fill("#id_email", "olena@example.org")
    page.fill("#id_first_name", "Olena")
    page.fill("#id_last_name", "Koval")
    page.select_option("#id_organisation", str(organisation.pk))
    page.select_option("#id_language", "uk")
    page.locator("#content-main [type=submit]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("olena@example.org")

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    assert axe() == []
    page.fill("#id_new_password1", NEW_PASSWORD)
    page.fill("#id_new_password2", NEW_PASSWORD)
    page.locator("main form [type=submit]").click()

    expect(page).to_have_url(re.compile(r"/uk/account/login/$"))
    expect(page.locator(".messages")).to_contain_text("Пароль збережено")
    assert axe() == []
    page.fill("#id_login", "olena@example.org")
    page.fill("#id_password", NEW_PASSWORD)
    page.locator(".account-form [type=submit]").click()

    expect(page).to_have_url(re.compile(r"/uk/account/$"))
    expect(page.locator("h1")).to_have_text("Ваш обліковий запис")
    expect(page.locator("main")).to_contain_text(organisation.name)
    assert axe() == []
