"""With TASKS_REDIS_URL the task queue is in Redis (django-tasks-rq): an email is queued once
its transaction is committed, sent by RQ's worker and tried again through RQ's scheduler."""

import datetime
import smtplib

import django_rq
import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import transaction
from django_tasks_rq import Job
from rq.registry import ScheduledJobRegistry
from rq.worker import SimpleWorker

from core.mail import send_email
from core.models import OutgoingEmail
from tests.performance.test_serving import setting_with


@pytest.fixture
def redis_queue(redis_server, settings, transactional_db):
    """The task queue in ``redis_server``, as with TASKS_REDIS_URL; the queue."""
    settings.RQ_QUEUES = {"default": {"URL": redis_server.location}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    return django_rq.get_queue("default", job_class=Job)


def run_rq_worker():
    """RQ's worker, in this process (the database is the test's), until the queue is empty."""
    worker = django_rq.get_worker("default", job_class=Job, worker_class=SimpleWorker)
    worker.work(burst=True, with_scheduler=True)


def test_tasks_redis_url_puts_the_queue_in_redis_with_rqs_app():
    environment = {
        "DJANGO_SETTINGS_MODULE": "miso_site.settings",  # not the tests' immediate backend
        "TASKS_REDIS_URL": "redis://127.0.0.1:6379/2",
    }
    expression = "settings.TASKS['default']['BACKEND'], 'django_rq' in settings.INSTALLED_APPS"
    assert setting_with(environment, expression) == "django_tasks_rq.RQBackend True"


def test_an_email_is_queued_in_redis_once_it_is_committed_and_sent_by_rqs_worker(redis_queue):
    with transaction.atomic():
        send_email(["gast@example.org"], "Ihre Anmeldung", "Guten Tag")
        assert redis_queue.count == 0
    assert redis_queue.count == 1
    run_rq_worker()
    assert [message.subject for message in mail.outbox] == ["Ihre Anmeldung"]
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_a_failed_attempt_is_scheduled_in_redis_for_its_next_attempt(redis_queue, monkeypatch):
    def refuse(message, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    send_email(["gast@example.org"], "Ihre Anmeldung", "Guten Tag")
    run_rq_worker()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.QUEUED, 1)
    registry = ScheduledJobRegistry(queue=redis_queue)
    [job_id] = registry.get_job_ids()
    scheduled = registry.get_scheduled_time(Job.fetch(job_id, connection=redis_queue.connection))
    assert abs(scheduled - email.next_attempt_at) < datetime.timedelta(seconds=1)
