"""Contact messages and membership applications arrive in the admin as an inbox."""

import smtplib

import pytest
from django.urls import reverse

from core.apps import submission_models
from core.models import OutgoingEmail
from pages.models import ContactMessage
from tests.pages.factories import CONTACT_FORM, make_contact_message

from .factories import make_staff

pytestmark = pytest.mark.django_db


def inbox_entry(client, model="pages.contactmessage"):
    response = client.get(reverse("admin:index"))
    return next(entry for entry in response.context["inbox"] if entry["model"] == model)


def test_the_overview_counts_new_messages(client):
    make_contact_message()
    make_contact_message()
    make_contact_message(status=ContactMessage.Status.DONE)
    client.force_login(make_staff(groups=["Office"]))
    assert inbox_entry(client)["new"] == 2


def test_the_count_links_to_the_new_messages(client):
    make_contact_message(subject="Neue Frage")
    make_contact_message(subject="Schon beantwortet", status=ContactMessage.Status.DONE)
    client.force_login(make_staff(groups=["Office"]))
    entry = inbox_entry(client)
    assert entry["new_url"] in client.get(reverse("admin:index")).content.decode()
    html = client.get(entry["new_url"]).content.decode()
    assert "Neue Frage" in html
    assert "Schon beantwortet" not in html


def test_membership_applications_have_their_own_inbox_line(client):
    client.force_login(make_staff(groups=["Office"]))
    inbox = client.get(reverse("admin:index")).context["inbox"]
    models = [entry["model"] for entry in inbox]
    assert "pages.contactmessage" in models
    assert "members.membershipapplication" in models


def test_a_message_whose_email_failed_is_kept_and_its_email_shown_as_waiting(
    client, site_pages, monkeypatch
):
    def broken_send(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    client.post("/fr/contact/", CONTACT_FORM)
    client.force_login(make_staff(groups=["Office"]))
    assert inbox_entry(client)["new"] == 1
    outbox = client.get(reverse("admin:index")).context["outbox"]
    assert (outbox["waiting"], outbox["failed"]) == (1, 0)
    assert CONTACT_FORM["message"] in OutgoingEmail.objects.get().body
    waiting = client.get(outbox["waiting_url"]).content.decode()
    assert "Neue Nachricht über das Kontaktformular" in waiting


def test_staff_without_permission_see_no_inbox_line(client):
    make_contact_message()
    client.force_login(make_staff(permissions=["pages.change_page", "pages.view_page"]))
    assert client.get(reverse("admin:index")).context["inbox"] == []


@pytest.mark.parametrize("count", [1, 30])
def test_the_inbox_costs_one_query_per_kind(client, django_assert_max_num_queries, count):
    for _ in range(count):
        make_contact_message()
    client.force_login(make_staff(superuser=True))
    # The rest of the overview (with the check of the second factor), one for the outgoing
    # emails, and one for each kind of submission.
    with django_assert_max_num_queries(12 + len(submission_models())):
        client.get(reverse("admin:index"))
