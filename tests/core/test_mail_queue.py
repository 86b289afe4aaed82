"""Every email is stored, then sent by a worker: retried with back-off, marked failed after
the last attempt and shown in the office's inbox with "send again", and never sent twice."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.backup import backed_up_models
from core.mail import send_email
from core.models import DailyJobRun, OutgoingAttachment, OutgoingEmail
from core.tasks import requeue_stranded_emails, send_queued_email
from pages.models import ContactMessage
from tests.backoffice.factories import make_staff
from tests.core.factories import come_back_later, make_outgoing_email, run_worker

Status = OutgoingEmail.Status
# The settings' waits between attempts, in seconds.
DELAYS = [60, 300, 1800, 7200, 21600]


@pytest.fixture
def refusing_mail_server(monkeypatch):
    """Every attempt to send fails as with a mail server that is down; the attempts' times."""
    attempts = []

    def refuse(message, *args, **kwargs):
        attempts.append(timezone.now())
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    return attempts


def send_test_email():
    return send_email(["gast@example.org"], "Ihre Anmeldung", "Guten Tag")


@pytest.mark.django_db
def test_email_reaches_the_recipient_with_its_attachments():
    calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    send_email(
        ["gast@example.org"],
        "Ihre Anmeldung",
        "Guten Tag",
        attachments=[("termin.ics", calendar, "text/calendar"), ("plan.pdf", b"%PDF-", "x/y")],
        reply_to=["buero@example.org"],
    )
    [message] = mail.outbox
    assert (message.to, message.subject, message.body) == (
        ["gast@example.org"],
        "Ihre Anmeldung",
        "Guten Tag",
    )
    assert message.reply_to == ["buero@example.org"]
    assert message.attachments == [
        ("termin.ics", calendar, "text/calendar"),
        ("plan.pdf", b"%PDF-", "x/y"),
    ]


def test_email_waits_in_the_queue_until_a_worker_sends_it(database_queue):
    email = send_test_email()
    assert mail.outbox == []
    assert OutgoingEmail.objects.get().status == Status.QUEUED
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Ihre Anmeldung"]
    email.refresh_from_db()
    assert email.status == Status.SENT
    assert email.sent_at is not None


def test_failed_attempts_are_retried_with_back_off_until_the_email_has_failed(
    database_queue, refusing_mail_server
):
    email = send_test_email()
    run_worker()
    for attempt, delay in enumerate(DELAYS, start=1):
        email.refresh_from_db()
        assert (email.status, email.attempts) == (Status.QUEUED, attempt)
        assert email.last_error == "SMTPServerDisconnected: mail server down"
        wait = (email.next_attempt_at - refusing_mail_server[-1]).total_seconds()
        assert delay <= wait < delay + 5
        run_worker()  # not yet due: the worker leaves it
        assert len(refusing_mail_server) == attempt
        come_back_later(datetime.timedelta(seconds=delay))
        run_worker()
    email.refresh_from_db()
    assert (email.status, email.attempts, email.next_attempt_at) == (Status.FAILED, 6, None)
    assert len(refusing_mail_server) == 6


def test_an_email_that_fails_once_is_sent_at_the_next_attempt(database_queue, monkeypatch):
    def refuse(message, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    email = send_test_email()
    run_worker()
    monkeypatch.undo()
    come_back_later(datetime.timedelta(minutes=1))
    run_worker()
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 2)


@pytest.mark.django_db
def test_the_office_sees_failed_and_waiting_emails_in_the_inbox(client):
    make_outgoing_email(subject="Frage A", status=Status.FAILED, attempts=6)
    make_outgoing_email(subject="Frage B", status=Status.QUEUED, attempts=2)
    make_outgoing_email(subject="Frage C", status=Status.SENT)
    client.force_login(make_staff(groups=["Office"]))
    outbox = client.get(reverse("admin:index")).context["outbox"]
    assert (outbox["failed"], outbox["waiting"]) == (1, 1)
    failed = client.get(outbox["failed_url"]).content.decode()
    assert "Frage A" in failed
    assert "Frage C" not in failed
    waiting = client.get(outbox["waiting_url"]).content.decode()
    assert "Frage B" in waiting
    assert "Frage A" not in waiting


@pytest.mark.django_db
def test_staff_without_permission_see_no_outgoing_emails(client):
    make_outgoing_email(status=Status.FAILED)
    client.force_login(make_staff(groups=["Board"]))
    assert client.get(reverse("admin:index")).context["outbox"] is None
    assert client.get(reverse("admin:core_outgoingemail_changelist")).status_code == 403


@pytest.mark.django_db
def test_send_again_sends_a_failed_email_and_says_so_in_the_admin_language(client):
    email = make_outgoing_email(subject="Gescheitert", status=Status.FAILED, attempts=6)
    client.force_login(make_staff(groups=["Office"]))
    response = client.post(
        reverse("admin:core_outgoingemail_changelist"),
        {"action": "send_again", "_selected_action": [email.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert "1 E-Mail wird erneut verschickt." in response.content.decode()
    assert [message.subject for message in mail.outbox] == ["Gescheitert"]
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 1)


def test_send_again_gives_a_failed_email_a_new_series_of_attempts(
    database_queue, refusing_mail_server, client
):
    email = make_outgoing_email(status=Status.FAILED, attempts=6)
    client.force_login(make_staff(groups=["Office"]))
    client.post(
        reverse("admin:core_outgoingemail_changelist"),
        {"action": "send_again", "_selected_action": [email.pk]},
    )
    run_worker()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.QUEUED, 1)


def test_an_email_queued_twice_is_sent_once(database_queue):
    email = send_test_email()
    send_queued_email.enqueue(email.pk)
    run_worker("first")
    run_worker("second")
    assert len(mail.outbox) == 1


def test_a_second_worker_leaves_an_email_that_another_is_sending(database_queue, monkeypatch):
    email = send_test_email()
    send_queued_email.enqueue(email.pk)  # its twin, as when a lost task is queued again
    sent = []

    def send_while_another_worker_runs(message, *args, **kwargs):
        sent.append(message.subject)
        if len(sent) == 1:
            run_worker("second")  # takes the twin while the first is still sending
        return 1

    monkeypatch.setattr(EmailMessage, "send", send_while_another_worker_runs)
    run_worker("first")
    assert sent == ["Ihre Anmeldung"]
    email.refresh_from_db()
    assert email.status == Status.SENT


def test_an_email_whose_task_was_lost_is_queued_again_and_sent(database_queue):
    long_ago = timezone.now() - datetime.timedelta(minutes=20)
    make_outgoing_email(subject="Ohne Aufgabe", next_attempt_at=long_ago)
    make_outgoing_email(
        subject="Worker gestorben", status=Status.SENDING, attempts=1, last_attempt_at=long_ago
    )
    run_worker()
    assert mail.outbox == []
    assert requeue_stranded_emails() == 2
    run_worker()
    assert sorted(message.subject for message in mail.outbox) == [
        "Ohne Aufgabe",
        "Worker gestorben",
    ]


def test_an_email_being_sent_just_now_is_not_queued_again(database_queue):
    make_outgoing_email(status=Status.SENDING, attempts=1, last_attempt_at=timezone.now())
    make_outgoing_email(next_attempt_at=timezone.now())
    assert requeue_stranded_emails() == 0


def test_the_backup_leaves_out_the_mail_and_task_queue():
    models = backed_up_models()
    assert ContactMessage in models
    assert not {OutgoingEmail, OutgoingAttachment, DailyJobRun, DBTaskResult} & set(models)


@pytest.mark.django_db
def test_the_page_of_a_failed_email_has_a_send_again_button_that_sends_it(client):
    email = make_outgoing_email(subject="Gescheitert", status=Status.FAILED, attempts=6)
    client.force_login(make_staff(groups=["Office"]))
    page = client.get(reverse("admin:core_outgoingemail_change", args=[email.pk]))
    button = reverse("admin:core_outgoingemail_send_again", args=[email.pk])
    assert f'action="{button}"' in page.content.decode()
    response = client.post(button, follow=True, HTTP_ACCEPT_LANGUAGE="de")
    assert response.redirect_chain[-1][0] == reverse(
        "admin:core_outgoingemail_change", args=[email.pk]
    )
    assert "1 E-Mail wird erneut verschickt." in response.content.decode()
    assert [message.subject for message in mail.outbox] == ["Gescheitert"]


@pytest.mark.django_db
def test_a_sent_email_has_no_send_again_button(client):
    email = make_outgoing_email(status=Status.SENT)
    client.force_login(make_staff(groups=["Office"]))
    page = client.get(reverse("admin:core_outgoingemail_change", args=[email.pk]))
    assert "send-again" not in page.content.decode()


@pytest.mark.django_db
def test_send_again_takes_only_a_post_from_the_office(client):
    email = make_outgoing_email(status=Status.FAILED, attempts=6)
    button = reverse("admin:core_outgoingemail_send_again", args=[email.pk])
    client.force_login(make_staff(groups=["Office"]))
    assert client.get(button).status_code == 405
    client.force_login(make_staff(groups=["Board"]))
    assert client.post(button).status_code == 403
    assert mail.outbox == []
