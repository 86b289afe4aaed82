"""Signing in in the browser, as staff do: the site's sign-in form, then the code of the
authenticator app (``make_staff`` gives every staff account one)."""

import re

from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import expect

from tests.accounts.factories import PASSWORD, secret_of, unused_code


def sign_in_to_the_admin(page, username):
    user = User.objects.get(username=username)
    page.goto("/admin/")
    sign_in(page, user.email, PASSWORD)
    page.fill("#id_code", unused_code(secret_of(user)))
    page.locator(".account-form [type=submit]:not([form])").click()
    expect(page.locator("#user-tools")).to_be_visible()


def invite(page, email, organisation, language):
    """As the signed-in office, invite ``email`` to act for ``organisation``; return the
    link of the invitation email."""
    page.goto("/admin/accounts/invitation/add/")
    page.fill("#id_email", email)
    page.fill("#id_first_name", "Olena")
    page.fill("#id_last_name", "Koval")
    page.select_option("#id_organisation", str(organisation.pk))
    page.select_option("#id_language", language)
    page.locator("#content-main [type=submit]").click()
    expect(page.locator(".messagelist .success")).to_contain_text(email)
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0)


def set_password(page, link, password):
    """Open the invitation's link and set the password: the sign-in page follows."""
    page.goto(link)
    page.fill("#id_new_password1", password)
    page.fill("#id_new_password2", password)
    page.locator("main form [type=submit]").click()


def sign_in(page, email, password):
    """Sign in on the sign-in page that is open."""
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator(".account-form [type=submit]").click()
