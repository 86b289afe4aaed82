import smtplib

import pytest
from django.core import mail
from django.utils import translation
from django.utils.html import escape

from core.forms import RATE_LIMIT
from core.models import OutgoingEmail
from members.models import MemberOrganisation, MembershipApplication
from tests.members.factories import APPLICATION_FORM, make_application, make_district


def test_application_is_stored_and_the_office_emailed(client, site_pages):
    response = client.post("/de/members/apply/", APPLICATION_FORM)
    assert response.status_code == 302
    assert response["Location"] == "/de/members/apply/thanks/"
    application = MembershipApplication.objects.get()
    assert application.organisation_name == "Afrikanischer Dachverband Norddeutschland"
    assert application.status == MembershipApplication.Status.NEW
    assert application.language == "de"
    assert application.office_notified
    assert len(mail.outbox) == 1
    assert "Wir vernetzen afrikanische Vereine" in mail.outbox[0].body


def test_application_is_kept_and_its_email_waits_for_another_attempt_when_sending_fails(
    client, site_pages, monkeypatch
):
    def broken_send(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    response = client.post("/uk/members/apply/", APPLICATION_FORM)
    assert response["Location"] == "/uk/members/apply/thanks/"
    application = MembershipApplication.objects.get()
    assert application.language == "uk"
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.QUEUED, 1)
    assert APPLICATION_FORM["activities"] in email.body


def test_thank_you_page_follows_the_form(client, site_pages):
    response = client.post("/en/members/apply/", APPLICATION_FORM, follow=True)
    assert "Thank you for your application" in response.content.decode()


def test_district_is_optional_and_stored_when_chosen(client, site_pages):
    linden = make_district("Linden")
    client.post("/de/members/apply/", APPLICATION_FORM | {"district": linden.pk})
    assert MembershipApplication.objects.get().district == linden


@pytest.mark.parametrize("field", ["organisation_name", "contact_name", "email", "activities"])
@pytest.mark.parametrize(
    ("language", "error"),
    [("de", "Dieses Feld ist zwingend erforderlich."), ("en", "This field is required.")],
)
def test_missing_required_field_is_explained_next_to_it_in_the_visitors_language(
    client, site_pages, field, language, error
):
    response = client.post(f"/{language}/members/apply/", APPLICATION_FORM | {field: ""})
    assert response.status_code == 200
    html = response.content.decode()
    field_html = html.split(f'id="id_{field}"')[0].rsplit('<div class="form-row', 1)[1]
    assert error in field_html
    assert not MembershipApplication.objects.exists()


def test_agreement_with_the_principles_is_required(client, site_pages):
    data = {key: value for key, value in APPLICATION_FORM.items() if key != "accepts_principles"}
    response = client.post("/en/members/apply/", data)
    assert "Please confirm that your organisation agrees with our principles." in (
        response.content.decode()
    )
    assert not MembershipApplication.objects.exists()


def test_invalid_email_is_refused(client, site_pages):
    response = client.post("/de/members/apply/", APPLICATION_FORM | {"email": "keine-adresse"})
    assert "Bitte gültige E-Mail-Adresse eingeben." in response.content.decode()
    assert not MembershipApplication.objects.exists()


def test_too_many_applications_from_one_address_are_refused(client, site_pages):
    for _ in range(RATE_LIMIT):
        client.post("/de/members/apply/", APPLICATION_FORM)
    response = client.post("/de/members/apply/", APPLICATION_FORM)
    assert response.status_code == 200
    assert MembershipApplication.objects.count() == RATE_LIMIT
    with translation.override("de"):
        refusal = translation.gettext(
            "You have sent this form too often. Please try again in an hour."
        )
    assert escape(refusal) in response.content.decode()


def test_rate_limit_counts_per_address(client, site_pages):
    for _ in range(RATE_LIMIT):
        client.post("/de/members/apply/", APPLICATION_FORM, REMOTE_ADDR="192.0.2.1")
    response = client.post("/de/members/apply/", APPLICATION_FORM, REMOTE_ADDR="192.0.2.2")
    assert response.status_code == 302


def test_decline_action_marks_the_application_declined(admin_client):
    application = make_application()
    admin_client.post(
        "/admin/members/membershipapplication/",
        {"action": "decline", "_selected_action": [application.pk]},
    )
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.DECLINED
    assert not MemberOrganisation.objects.exists()
