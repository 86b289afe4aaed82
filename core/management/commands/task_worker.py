import logging
import os
import threading
import time
from argparse import BooleanOptionalAction

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_rq import RQBackend

from core.tasks import tick

logger = logging.getLogger(__name__)

# How often the clock looks for due daily jobs and stranded emails.
TICK_SECONDS = 5 * 60


def keep_time():
    while True:
        try:
            tick()
        except Exception:
            logger.exception("The task worker's clock could not start the due work")
        finally:
            # This thread's own connections: not kept open between ticks.
            connections.close_all()
        time.sleep(TICK_SECONDS)


class Command(BaseCommand):
    help = (
        "Work the task queue (emails, daily jobs): the configured backend's own worker "
        "(django-tasks-db's db_worker, or RQ's worker with its scheduler), with a clock "
        "beside it that queues the daily jobs and any email whose task was lost."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reload",
            action=BooleanOptionalAction,
            default=False,
            help="Restart on code changes (database queue only; for development).",
        )

    def handle(self, *, reload, verbosity, **options):
        # With --reload the worker runs in a child process: only that one keeps the time.
        if not reload or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            threading.Thread(target=keep_time, name="task-clock", daemon=True).start()
        if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], RQBackend):
            # django-tasks-rq's job class runs a task; the scheduler runs the retries.
            call_command(
                "rqworker",
                "default",
                job_class="django_tasks_rq.Job",
                with_scheduler=True,
                verbosity=verbosity,
            )
        else:
            call_command("db_worker", reload=reload, verbosity=verbosity)
