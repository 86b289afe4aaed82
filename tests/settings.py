"""The site's settings plus an app that exists only in tests.

``tests.contentapp`` adds a content model and a submission model the way a new
app would, so tests can prove that the shared mechanisms find them by type.
It has no migrations: the test database creates its tables directly.
"""

from miso_site.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.contentapp.apps.ContentAppTestConfig"]  # noqa: F405
