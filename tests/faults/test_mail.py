"""A mail server that accepts and never answers costs a visitor EMAIL_TIMEOUT, not a worker,
and loses nothing: the submission is stored before the server is asked."""

import time

import pytest
from django.core.mail import get_connection
from django.db import connection
from django.urls import reverse

from pages.models import ContactMessage
from tests.backoffice.factories import make_staff
from tests.faults.servers import SilentServer
from tests.pages.factories import CONTACT_FORM, make_site_pages

EMAIL_TIMEOUT = 0.5


@pytest.fixture
def hanging_mail_server(settings):
    """The site's mail goes to a server that never answers; the server."""
    server = SilentServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = EMAIL_TIMEOUT
    yield server
    server.close()


def test_mail_server_is_given_ten_seconds_at_most_by_default():
    backend = get_connection("django.core.mail.backends.smtp.EmailBackend")
    assert backend.timeout == 10


@pytest.mark.django_db
def test_visitor_is_thanked_within_the_email_timeout_when_the_mail_server_hangs(
    client, site_pages, hanging_mail_server
):
    client.get("/de/contact/")  # the first request of a test loads what every later one uses
    started = time.monotonic()
    response = client.post("/de/contact/", CONTACT_FORM)
    assert response["Location"] == "/de/contact/thanks/"
    assert time.monotonic() - started < EMAIL_TIMEOUT + 1
    assert len(hanging_mail_server.connections) == 1


@pytest.mark.django_db
def test_message_is_in_the_inbox_as_not_emailed_when_the_mail_server_hangs(
    client, site_pages, hanging_mail_server
):
    client.post("/de/contact/", CONTACT_FORM)
    client.force_login(make_staff(groups=["Office"]))
    changelist = reverse("admin:pages_contactmessage_changelist")
    html = client.get(f"{changelist}?office_notified__exact=0").content.decode()
    assert CONTACT_FORM["subject"] in html


@pytest.mark.django_db(transaction=True)
def test_message_is_stored_before_the_mail_server_is_asked(client, hanging_mail_server):
    make_site_pages()
    stored_when_asked = []

    def count_messages():
        # The server's own thread, with its own database connection: it sees what is committed.
        stored_when_asked.append(ContactMessage.objects.filter(name=CONTACT_FORM["name"]).count())
        connection.close()

    hanging_mail_server.on_connect = count_messages
    client.post("/de/contact/", CONTACT_FORM)
    assert stored_when_asked == [1]
