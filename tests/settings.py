"""The site's settings plus an app that exists only in tests.

``tests.contentapp`` adds a content model and a submission model the way a new
app would, so tests can prove that the shared mechanisms find them by type.
It has no migrations: the test database creates its tables directly.
"""

from miso_site.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.contentapp.apps.ContentAppTestConfig"]  # noqa: F405

# Tasks run at once, in the test's own transaction, so a test sees an email in
# mail.outbox right after the request that queued it. The tests of the queue itself
# (tests/core/test_mail_queue.py) use the database backend and its real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
