"""Stored emails, and the database queue with its real worker, for the tests of core.mail."""

from django.db.models import F
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

from core.models import OutgoingEmail

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def make_outgoing_email(**fields):
    values = {
        "to": ["buero@example.org"],
        "subject": "Neue Kontaktnachricht",
        "body": "Wie kann unser Verein Mitglied werden?",
        "next_attempt_at": timezone.now(),
    }
    return OutgoingEmail.objects.create(**values | fields)


def run_worker(worker_id="worker"):
    """django-tasks-db's worker: every task that is due, then it stops (``--batch``)."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


def come_back_later(wait):
    """What is due in ``wait`` (a timedelta) is due now: the emails and their queued tasks."""
    OutgoingEmail.objects.exclude(next_attempt_at=None).update(
        next_attempt_at=F("next_attempt_at") - wait
    )
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).exclude(
        run_after=get_date_max()
    ).update(run_after=F("run_after") - wait)
