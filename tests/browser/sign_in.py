"""Signing in in the browser, as staff do: the site's sign-in form, then the code of the
authenticator app (``make_staff`` gives every staff account one)."""

from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.accounts.factories import PASSWORD, secret_of, totp_code


def sign_in_to_the_admin(page, username):
    user = User.objects.get(username=username)
    page.goto("/admin/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator(".account-form [type=submit]").click()
    page.fill("#id_code", totp_code(secret_of(user)))
    page.locator(".account-form [type=submit]:not([form])").click()
    expect(page.locator("#user-tools")).to_be_visible()
