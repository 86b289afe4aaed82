"""A mail server that accepts and never answers costs a visitor nothing: the contact form is
stored, its email queued, and a worker delivers it once the server answers again."""

import datetime
import time

import pytest
from django.core.mail import get_connection
from django.urls import reverse

from core.models import OutgoingEmail
from pages.models import ContactMessage
from tests.backoffice.factories import make_staff
from tests.core.factories import come_back_later, run_worker
from tests.faults.servers import MailServer
from tests.pages.factories import CONTACT_FORM, make_site_pages

EMAIL_TIMEOUT = 0.5


@pytest.fixture
def hanging_mail_server(settings):
    """The site's mail goes to a server that accepts connections and never answers; the
    server, which ``answer()`` brings back."""
    server = MailServer()
    server.hang()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = EMAIL_TIMEOUT
    yield server
    server.close()


@pytest.fixture
def contact_page(database_queue, client):
    make_site_pages()
    client.get("/de/contact/")  # the first request of a test loads what every later one uses


def test_mail_server_is_given_ten_seconds_at_most_by_default():
    backend = get_connection("django.core.mail.backends.smtp.EmailBackend")
    assert backend.timeout == 10


def test_visitor_is_thanked_within_a_second_while_the_mail_server_hangs(
    client, contact_page, hanging_mail_server
):
    started = time.monotonic()
    response = client.post("/de/contact/", CONTACT_FORM)
    assert time.monotonic() - started < 1
    assert response["Location"] == "/de/contact/thanks/"
    assert ContactMessage.objects.get().subject == CONTACT_FORM["subject"]
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.QUEUED


def test_email_is_delivered_once_the_mail_server_answers(client, contact_page, hanging_mail_server):
    client.post("/de/contact/", CONTACT_FORM)
    run_worker()  # waits EMAIL_TIMEOUT for the server, then gives up for now
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts, hanging_mail_server.received) == ("queued", 1, 0)
    hanging_mail_server.answer()
    come_back_later(datetime.timedelta(minutes=1))
    run_worker()
    assert hanging_mail_server.received == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT


def test_email_waiting_for_the_mail_server_is_in_the_office_inbox(
    client, contact_page, hanging_mail_server
):
    client.post("/de/contact/", CONTACT_FORM)
    run_worker()
    client.force_login(make_staff(groups=["Office"]))
    outbox = client.get(reverse("admin:index")).context["outbox"]
    assert outbox["waiting"] == 1
    html = client.get(
        reverse("admin:core_outgoingemail_change", args=[OutgoingEmail.objects.get().pk])
    ).content.decode()
    assert "Connection unexpectedly closed: timed out" in html
