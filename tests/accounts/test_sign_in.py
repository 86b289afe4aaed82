"""Signing in by email under each language prefix, staff too, with the second factor the
admin requires; password reset and email change through allauth, mailed via core.mail."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.backoffice.factories import make_staff
from tests.languages import LANGUAGE_CODES

from .factories import PASSWORD, is_logged_in, log_in, make_member, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_password_hashing")]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_sign_in_page_is_in_the_language_of_its_address(client, language):
    response = client.get(f"/{language}/account/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext("Sign in") in html


def test_a_member_signs_in_with_the_email_address(client):
    make_member("ayse@example.org")
    response = log_in(client, "AYSE@example.org")
    assert response["Location"] == reverse("accounts:account")
    assert is_logged_in(client)


def test_a_wrong_password_is_refused_with_a_message(client):
    make_member("ayse@example.org")
    response = log_in(client, "ayse@example.org", "not the password")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not is_logged_in(client)


def test_nobody_can_sign_up(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not EmailAddress.objects.filter(email="new@example.org").exists()
    assert "account/signup_closed.html" in [t.name for t in response.templates]


def test_the_admin_login_sends_staff_to_the_sign_in_page_keeping_next(client):
    response = client.get(reverse("admin:login"), {"next": "/admin/pages/page/"})
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/admin/pages/page/"


def test_staff_sign_in_with_the_code_of_their_authenticator_app(client):
    staff = make_staff("office", groups=["Office"])
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert not is_logged_in(client)
    code = {"code": totp_code(staff.totp_secret)}
    response = client.post(reverse("mfa_authenticate"), code)
    assert is_logged_in(client)
    assert client.get(reverse("admin:index")).status_code == 200
    assert response.status_code == 302


def test_a_wrong_code_does_not_sign_in(client):
    staff = make_staff("office", groups=["Office"])
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert not is_logged_in(client)


def test_staff_without_a_second_factor_cannot_reach_the_admin(client):
    client.force_login(make_staff("office", groups=["Office"], second_factor=False))
    response = client.get(reverse("admin:pages_page_changelist"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_staff_who_set_up_the_second_factor_reach_the_admin(client):
    staff = make_staff("office", groups=["Office"], second_factor=False)
    log_in(client, staff.email)
    # allauth asks for the password again before a second factor is added.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    form = client.get(reverse("mfa_activate_totp")).context["form"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(form.secret)})
    assert response.status_code == 302
    assert client.get(reverse("admin:pages_page_changelist")).status_code == 200


def test_members_are_offered_the_second_factor_but_not_made_to(client):
    make_member("ayse@example.org")
    log_in(client, "ayse@example.org")
    html = client.get(reverse("accounts:account")).content.decode()
    assert reverse("mfa_index") in html


@pytest.mark.parametrize(("debug", "reaches_admin"), [(True, True), (False, False)])
def test_only_the_development_admin_may_skip_it_and_only_while_debugging(
    client, settings, debug, reaches_admin
):
    settings.DEBUG = debug
    client.force_login(make_staff("admin", superuser=True, second_factor=False))
    assert (client.get(reverse("admin:index")).status_code == 200) is reaches_admin


def test_the_development_admin_command_says_it_may_skip_the_second_factor(settings, capsys):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("dev_admin")
    assert "may skip two-factor sign-in, and only while DEBUG is on" in capsys.readouterr().out


def test_a_member_signed_in_is_not_let_into_the_admin(client):
    make_member("ayse@example.org")
    log_in(client, "ayse@example.org")
    assert client.get(reverse("admin:login"), {"next": "/admin/"}).status_code == 403


def reset_link(message):
    return re.search(r"https?://\S+/password/reset/key/\S+", message.body).group(0)


def test_the_password_reset_email_is_in_the_visitors_language(client):
    make_member("ayse@example.org")
    client.post("/ru/account/password/reset/", {"email": "ayse@example.org"})
    (message,) = mail.outbox
    assert message.to == ["ayse@example.org"]
    assert "/ru/account/password/reset/key/" in message.body
    assert "пароль" in message.body.lower()


def test_allauths_emails_go_through_core_mail(client, monkeypatch):
    sent = []
    monkeypatch.setattr("accounts.adapter.send_email", lambda *args, **kw: sent.append(args))
    make_member("ayse@example.org")
    client.post("/de/account/password/reset/", {"email": "ayse@example.org"})
    assert [to for to, _subject, _body in sent] == [["ayse@example.org"]]


def test_a_person_resets_the_password_and_signs_in_with_the_new_one(client):
    make_member("ayse@example.org")
    client.post("/de/account/password/reset/", {"email": "ayse@example.org"})
    form_url = client.get(reset_link(mail.outbox[0]))["Location"]
    new = "Ganz-neues-langes-Passwort-77"
    client.post(form_url, {"password1": new, "password2": new})
    client.logout()
    log_in(client, "ayse@example.org", new)
    assert is_logged_in(client)


def test_password_resets_are_limited_per_email_address(client):
    make_member("ayse@example.org")
    statuses = [
        client.post(
            "/de/account/password/reset/",
            {"email": "ayse@example.org"},
            REMOTE_ADDR=f"198.51.100.{n}",
        ).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]
    assert len(mail.outbox) == 3


def test_a_new_email_address_counts_only_once_confirmed(client):
    member = make_member("ayse@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    log_in(client, "ayse@example.org")
    client.post(reverse("account_email"), {"action_add": "", "email": "ayse@neu.example.org"})
    member.refresh_from_db()
    assert member.email == "ayse@example.org"
    message = next(message for message in mail.outbox if message.to == ["ayse@neu.example.org"])
    link = re.search(r"https?://\S+/confirm-email/\S+", message.body).group(0)
    client.post(link)
    member.refresh_from_db()
    assert member.email == "ayse@neu.example.org"


def test_allauths_german_pages_address_people_formally(client):
    html = client.get("/de/account/password/reset/").content.decode()
    assert "Geben Sie unten Ihre E-Mail-Adresse ein" in html
    assert " gib " not in html.lower()
