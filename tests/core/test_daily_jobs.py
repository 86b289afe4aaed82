"""Daily jobs: registered by any app, started once a day however many workers offer to."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from core import tasks
from core.models import DailyJobRun, OutgoingEmail
from core.tasks import daily_job, enqueue_due_daily_jobs, tick
from tests.core.factories import make_outgoing_email, run_worker

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
HOUR = datetime.timedelta(hours=1)


def at(hour, minute=0, day=7):
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def runs(monkeypatch):
    """Only a test job is registered; the days it ran on, as it saw them."""
    ran = []
    monkeypatch.setattr(tasks, "daily_jobs", {})
    daily_job(lambda: ran.append(timezone.now()), name="tests.count")
    return ran


@pytest.mark.django_db
def test_a_daily_job_starts_once_however_many_workers_offer_to(runs):
    assert enqueue_due_daily_jobs(at(6, 1)) == ["tests.count"]
    assert enqueue_due_daily_jobs(at(6, 6)) == []
    assert enqueue_due_daily_jobs(at(23, 59)) == []
    assert len(runs) == 1
    assert DailyJobRun.objects.get().day == datetime.date(2026, 12, 7)


@pytest.mark.django_db
def test_a_daily_job_started_by_another_server_is_not_started_again(runs):
    DailyJobRun.objects.create(name="tests.count", day=datetime.date(2026, 12, 7))
    assert enqueue_due_daily_jobs(at(9)) == []
    assert runs == []


@pytest.mark.django_db
def test_daily_jobs_wait_for_the_morning_and_run_again_the_next_day(runs):
    assert enqueue_due_daily_jobs(at(5, 59)) == []
    enqueue_due_daily_jobs(at(6))
    enqueue_due_daily_jobs(at(6, day=8))
    assert len(runs) == 2


def test_a_decorated_function_is_registered_by_its_dotted_path(monkeypatch):
    monkeypatch.setattr(tasks, "daily_jobs", {})

    @daily_job
    def remind():
        return "reminded"

    assert list(tasks.daily_jobs) == [f"{__name__}.{remind.__qualname__}"]
    assert remind() == "reminded"


def test_a_daily_job_is_run_by_the_worker(database_queue, runs):
    enqueue_due_daily_jobs(at(7))
    assert runs == []
    run_worker()
    assert len(runs) == 1


@pytest.mark.django_db
def test_the_workers_clock_starts_the_due_jobs(runs):
    tick(at(7))
    assert len(runs) == 1


@pytest.mark.django_db
def test_the_workers_clock_sends_an_email_whose_task_was_lost(runs):
    make_outgoing_email(subject="Verloren", next_attempt_at=timezone.now() - HOUR)
    tick()
    assert [message.subject for message in mail.outbox] == ["Verloren"]


@pytest.mark.django_db
def test_sent_emails_are_deleted_after_the_days_they_are_kept(settings):
    settings.SENT_EMAIL_KEEP_DAYS = 14
    now = timezone.now()
    Status = OutgoingEmail.Status
    make_outgoing_email(
        subject="alt", status=Status.SENT, sent_at=now - datetime.timedelta(days=15)
    )
    make_outgoing_email(
        subject="neu", status=Status.SENT, sent_at=now - datetime.timedelta(days=13)
    )
    make_outgoing_email(subject="gescheitert", status=Status.FAILED, created_at=now)
    tasks.daily_jobs["core.delete_sent_emails"]()
    assert sorted(OutgoingEmail.objects.values_list("subject", flat=True)) == ["gescheitert", "neu"]
