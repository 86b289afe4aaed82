"""The site's background tasks (django-tasks): sending the stored emails, and daily jobs.

Sending: ``core.mail`` stores an ``OutgoingEmail`` and calls ``enqueue_sending``; the
task claims the email with one UPDATE (so two workers never send it twice), sends it,
and after a failure queues itself again for later, ``EMAIL_RETRY_DELAYS`` apart, with
the backend's ``run_after``. After the last attempt the email is marked failed, and the
office's inbox shows it with a button that sends it again.

Daily jobs: any app registers a plain function with ``@daily_job`` (or
``daily_job(function)`` in its ``AppConfig.ready``). Every worker's clock
(``manage.py task_worker``) calls ``tick`` every few minutes; the first to find a job
due on a day writes its ``DailyJobRun`` row, which the database lets exist once, and
queues the job. So a job runs once a day however many workers there are, and as long
as one of them runs.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from django_tasks_rq import RQBackend

from .models import DailyJobRun, OutgoingEmail

logger = logging.getLogger(__name__)

# An email due this long without a worker taking it, or "being sent" this long, lost its
# task (the queue was away, or a worker died while sending): ``tick`` queues it again.
STRANDED_AFTER = datetime.timedelta(minutes=15)
# Daily jobs start from this hour of the site's time zone: reminders arrive in the morning.
DAILY_JOBS_FROM = datetime.time(6)

daily_jobs = {}


def enqueue_sending(email):
    """Queue the task that sends ``email`` at its ``next_attempt_at``.

    The database queue stores the task in the caller's transaction, so both are saved or
    neither is. Any other queue (Redis) hears of the email once it is committed, or a
    worker could look for it before it exists. A queue that is away is logged and
    overcome by ``tick``: the email itself is stored.
    """
    sending = send_queued_email
    if email.next_attempt_at > timezone.now():
        sending = sending.using(run_after=email.next_attempt_at)

    def enqueue():
        try:
            with transaction.atomic():
                sending.enqueue(email.pk)
        except Exception:
            logger.exception("Could not queue email %s; a worker will queue it again", email.pk)

    if isinstance(sending.get_backend(), RQBackend):
        transaction.on_commit(enqueue)
    else:
        enqueue()


@task()
def send_queued_email(email_id):
    """Send the stored email ``email_id`` if it is due and nobody else is sending it."""
    claimed = (
        OutgoingEmail.objects.due()
        .filter(pk=email_id)
        .update(
            status=OutgoingEmail.Status.SENDING,
            attempts=F("attempts") + 1,
            last_attempt_at=timezone.now(),
        )
    )
    if not claimed:
        return
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        email.message().send()
    except Exception as error:
        logger.warning("Email %s, attempt %s, failed: %r", email.pk, email.attempts, error)
        email.last_error = f"{type(error).__name__}: {error}"
        # The waits after the first, second, ... failed attempt; then the email has failed.
        delays = settings.EMAIL_RETRY_DELAYS
        if email.attempts > len(delays):
            email.status, email.next_attempt_at = OutgoingEmail.Status.FAILED, None
        else:
            email.status = OutgoingEmail.Status.QUEUED
            wait = datetime.timedelta(seconds=delays[email.attempts - 1])
            email.next_attempt_at = timezone.now() + wait
        email.save(update_fields=["status", "next_attempt_at", "last_error"])
        if email.status == OutgoingEmail.Status.QUEUED:
            enqueue_sending(email)
    else:
        email.status, email.sent_at, email.next_attempt_at = (
            OutgoingEmail.Status.SENT,
            timezone.now(),
            None,
        )
        email.save(update_fields=["status", "sent_at", "next_attempt_at"])


# What the office may send again: failed, or waiting for a later attempt.
SENDABLE_AGAIN = (OutgoingEmail.Status.FAILED, OutgoingEmail.Status.QUEUED)


def send_again(emails):
    """Give ``emails`` (failed or waiting) a fresh series of attempts, starting now."""
    now = timezone.now()
    chosen = emails.filter(status__in=SENDABLE_AGAIN)
    queued = list(chosen)
    chosen.update(status=OutgoingEmail.Status.QUEUED, attempts=0, next_attempt_at=now)
    for email in queued:
        email.next_attempt_at = now
        enqueue_sending(email)
    return len(queued)


def requeue_stranded_emails(now=None):
    """Queue again the emails whose task was lost; return how many."""
    now = now or timezone.now()
    stale = now - STRANDED_AFTER
    stranded = Q(status=OutgoingEmail.Status.QUEUED, next_attempt_at__lt=stale) | Q(
        status=OutgoingEmail.Status.SENDING, last_attempt_at__lt=stale
    )
    requeued = 0
    for email in OutgoingEmail.objects.filter(stranded):
        # One by one, each still stranded when it is changed: a worker may just have sent it.
        # Due from now: a backlog is queued again once per STRANDED_AFTER, not at every tick.
        if OutgoingEmail.objects.filter(stranded, pk=email.pk).update(
            status=OutgoingEmail.Status.QUEUED, next_attempt_at=now
        ):
            email.next_attempt_at = now
            enqueue_sending(email)
            requeued += 1
    return requeued


def daily_job(function=None, *, name=None):
    """Register ``function`` to run once a day; as ``@daily_job`` or ``daily_job(f)``.

    ``name`` (the function's dotted path unless given) is what ``DailyJobRun`` records,
    so it must stay the same from one release to the next.
    """

    def register(function):
        daily_jobs[name or f"{function.__module__}.{function.__qualname__}"] = function
        return function

    return register if function is None else register(function)


@task()
def run_daily_job(name):
    daily_jobs[name]()


def enqueue_due_daily_jobs(now=None):
    """Queue each daily job not yet started today, once it is DAILY_JOBS_FROM; return their
    names."""
    local = timezone.localtime(now)
    if local.time() < DAILY_JOBS_FROM:
        return []
    started = []
    for name in daily_jobs:
        try:
            with transaction.atomic():
                DailyJobRun.objects.create(name=name, day=local.date())
                run_daily_job.enqueue(name)
        except IntegrityError:
            continue
        started.append(name)
    return started


def tick(now=None):
    """What every worker's clock does every few minutes."""
    enqueue_due_daily_jobs(now)
    requeue_stranded_emails(now)


def delete_sent_emails():
    """Sent emails hold what people wrote: kept SENT_EMAIL_KEEP_DAYS days for questions."""
    before = timezone.now() - datetime.timedelta(days=settings.SENT_EMAIL_KEEP_DAYS)
    OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT, sent_at__lt=before).delete()
