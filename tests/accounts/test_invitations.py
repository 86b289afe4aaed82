"""The office invites a person; the person sets a password from a signed link that expires."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from accounts.models import AccountEvent, Invitation
from backoffice.roles import BOARD, OFFICE
from core.forms import RATE_LIMIT
from core.models import is_member
from tests.backoffice.factories import make_staff
from tests.members.factories import make_organisation

from .factories import PASSWORD, is_logged_in, log_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_password_hashing")]

INVITE = reverse("admin:accounts_invitation_add")
NEW_PASSWORD = "Ein-langes-neues-Passwort-2026"


@pytest.fixture
def office(client):
    client.force_login(make_staff("buero", groups=[OFFICE.group], admin_language="en"))
    return client


@pytest.fixture
def organisation():
    return make_organisation("Afrikanischer Dachverband")


def invite(client, organisation, email="olena@example.org", language="uk"):
    data = {
        "email": email,
        "first_name": "Olena",
        "last_name": "Koval",
        "organisation": organisation.pk,
        "language": language,
    }
    return client.post(INVITE, data)


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_the_office_invites_a_person_into_an_organisation(office, organisation):
    assert invite(office, organisation).status_code == 302
    person = User.objects.get(email="olena@example.org")
    assert person.membership.organisation == organisation
    assert is_member(person)
    assert not person.has_usable_password()
    assert AccountEvent.objects.filter(account=person, kind="invited").exists()


def test_the_invitation_email_is_in_the_chosen_language_with_a_link(office, organisation):
    invite(office, organisation, language="uk")
    (message,) = mail.outbox
    assert message.to == ["olena@example.org"]
    assert "Olena" in message.body
    assert "/uk/account/invitation/" in link_in(message)
    assert "пароль" in message.body


def test_the_person_sets_a_password_and_signs_in(client, office, organisation):
    invite(office, organisation)
    office.logout()
    link = link_in(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert '<html lang="uk"' in page.content.decode()
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    assert client.post(link, data)["Location"] == reverse("account_login")
    log_in(client, "olena@example.org", NEW_PASSWORD)
    assert is_logged_in(client)
    assert Invitation.objects.get().accepted_at is not None


def test_a_used_link_shows_a_clear_page(client, office, organisation):
    invite(office, organisation)
    link = link_in(mail.outbox[0])
    client.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    response = client.get(link)
    assert response.status_code == 410
    assert "accounts/invitation_invalid.html" in [t.name for t in response.templates]


def test_an_expired_link_shows_a_clear_page(client, office, organisation, settings):
    invite(office, organisation)
    settings.INVITATION_MAX_AGE = -1
    link = link_in(mail.outbox[0])
    response = client.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 410
    assert not User.objects.get(email="olena@example.org").has_usable_password()


def test_a_forged_link_shows_the_same_page(client):
    response = client.get(reverse("accounts:invitation", args=["not-a-signed-token"]))
    assert response.status_code == 410


def test_sending_again_makes_the_earlier_link_stop_working(client, office, organisation):
    invite(office, organisation)
    first = link_in(mail.outbox[0])
    changelist = reverse("admin:accounts_invitation_changelist")
    invitation = Invitation.objects.get()
    office.post(changelist, {"action": "send_again", "_selected_action": [invitation.pk]})
    second = link_in(mail.outbox[1])
    assert first != second
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_a_weak_password_is_refused_with_the_reason(client, office, organisation):
    invite(office, organisation)
    link = link_in(mail.outbox[0])
    response = client.post(link, {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    assert not User.objects.get(email="olena@example.org").has_usable_password()


def test_an_address_that_has_an_account_is_refused(office, organisation):
    User.objects.create_user("ayse", email="ayse@example.org", password=PASSWORD)
    response = invite(office, organisation, email="AYSE@example.org")
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not mail.outbox


def test_invitations_per_office_account_are_limited(office, organisation, settings):
    settings.INVITATIONS_PER_HOUR = 2
    sent = [invite(office, organisation, email=f"p{n}@example.org").status_code for n in range(3)]
    assert sent == [302, 302, 200]
    assert len(mail.outbox) == 2


def test_the_board_cannot_invite(client, organisation):
    client.force_login(make_staff(groups=[BOARD.group]))
    assert invite(client, organisation).status_code == 403
    assert not Invitation.objects.exists()


def test_tries_at_the_password_page_are_limited_per_address(client, office, organisation):
    invite(office, organisation)
    link = link_in(mail.outbox[0])
    weak = {"new_password1": "12345678", "new_password2": "12345678"}
    for _ in range(RATE_LIMIT):
        client.post(link, weak, REMOTE_ADDR="203.0.113.8")
    strong = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    refused = client.post(link, strong, REMOTE_ADDR="203.0.113.8")
    assert refused.context["form"].non_field_errors().as_data()[0].code == "rate_limit"
    assert not User.objects.get(email="olena@example.org").has_usable_password()
    assert client.post(link, strong, REMOTE_ADDR="203.0.113.9").status_code == 302
