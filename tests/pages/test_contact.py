import smtplib

import pytest
from django.core import mail
from django.core.cache import cache

from core.forms import RATE_LIMIT
from core.models import OutgoingEmail
from pages.models import ContactMessage
from tests.pages.factories import CONTACT_FORM


def test_contact_message_is_stored_and_office_emailed(client, site_pages):
    response = client.post("/de/contact/", CONTACT_FORM)
    assert response.status_code == 302
    assert response["Location"] == "/de/contact/thanks/"
    message = ContactMessage.objects.get()
    assert message.subject == "Frage zur Mitgliedschaft"
    assert message.language == "de"
    assert message.office_notified
    assert len(mail.outbox) == 1
    assert "Wie kann unser Verein Mitglied werden?" in mail.outbox[0].body


def test_message_is_kept_and_its_email_waits_for_another_attempt_when_sending_fails(
    client, site_pages, monkeypatch
):
    def broken_send(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    response = client.post("/ar/contact/", CONTACT_FORM)
    assert response["Location"] == "/ar/contact/thanks/"
    assert ContactMessage.objects.get().subject == CONTACT_FORM["subject"]
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.QUEUED, 1)
    assert CONTACT_FORM["message"] in email.body


def test_thank_you_page_follows_the_form(client, site_pages):
    response = client.post("/en/contact/", CONTACT_FORM, follow=True)
    assert "Thank you for your message" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "error"),
    [("de", "Dieses Feld ist zwingend erforderlich."), ("en", "This field is required.")],
)
def test_missing_fields_are_explained_next_to_the_field_in_the_visitors_language(
    client, site_pages, language, error
):
    response = client.post(f"/{language}/contact/", CONTACT_FORM | {"message": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert 'aria-invalid="true"' in html
    assert not ContactMessage.objects.exists()


def test_invalid_email_is_refused(client, site_pages):
    response = client.post("/de/contact/", CONTACT_FORM | {"email": "not-an-address"})
    assert "Bitte gültige E-Mail-Adresse eingeben." in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_too_many_messages_from_one_address_are_refused(client, site_pages):
    cache.clear()
    for _ in range(RATE_LIMIT):
        client.post("/de/contact/", CONTACT_FORM)
    response = client.post("/de/contact/", CONTACT_FORM)
    assert response.status_code == 200
    assert ContactMessage.objects.count() == RATE_LIMIT
    assert "zu oft" in response.content.decode()


def test_rate_limit_is_per_address(client, site_pages):
    for _ in range(RATE_LIMIT):
        client.post("/de/contact/", CONTACT_FORM, REMOTE_ADDR="192.0.2.1")
    response = client.post("/de/contact/", CONTACT_FORM, REMOTE_ADDR="192.0.2.2")
    assert response.status_code == 302
