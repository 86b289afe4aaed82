"""Shared fixtures. Each app's factories live in ``tests/<app>/factories.py``, the language
list in ``tests/languages.py``: a conftest is pytest's plugin, never imported as a module."""

import pytest
from django.core.cache import caches
from django.utils import translation

from tests.core.factories import DATABASE_QUEUE
from tests.data_sets import built_once, files_in, use_files_of
from tests.faults import figures


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the run's own process, not an xdist worker
        figures.forget()


def pytest_terminal_summary(terminalreporter):
    """The figures of the faults the servers went through (tests/faults/test_two_servers.py).
    Here, not in tests/faults/conftest.py: pytest-xdist's main process, which prints the
    summary, loads no other conftest."""
    lines = figures.table()
    if lines:
        terminalreporter.write_sep("=", "two servers under faults, with load")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session", autouse=True)
def _no_collected_static_files():
    """WhiteNoise serves what ``collectstatic`` wrote to STATIC_ROOT. The tests collect
    nothing (tests/performance/test_serving.py collects into a folder of its own), so
    without a STATIC_ROOT WhiteNoise neither warns that staticfiles/ is missing nor
    serves files a developer once collected there. tests/settings.py should say
    ``STATIC_ROOT = None`` instead; this fixture is then no longer needed."""
    from django.test import override_settings

    with override_settings(STATIC_ROOT=None):
        yield


@pytest.fixture(autouse=True)
def _isolated_cache_and_media(settings, tmp_path):
    """Every test starts with empty caches, its own media folder and its own page
    cache stamp (saving content touches it; it would be var/ in the checkout)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.PAGE_CACHE_STAMP = tmp_path / "page-cache.stamp"
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request through the test
    client leaves the language of its page active in the thread."""
    translation.deactivate()


@pytest.fixture
def database_queue(settings, transactional_db):
    """Tasks wait in the database queue, as on the site, until ``run_worker`` (in
    tests/core/factories.py) works them. The worker commits as it goes, as in production,
    so the test runs outside a transaction."""
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def quick_password_hashing(settings):
    """For tests that log in many times: every password, a wrong one too (against timing
    attacks), is hashed by a hasher made to be slow; these tests are not about hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def site_pages(db):
    from tests.pages.factories import make_site_pages

    return make_site_pages()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once per test module and rolled back after it."""
    from django.core.management import call_command

    folder = tmp_path_factory.mktemp("demo")
    with built_once(django_db_blocker, folder):
        call_command("load_demo", verbosity=0)
        yield folder


@pytest.fixture(scope="module")
def on_demo_site(demo_site, django_db_blocker):
    """``on_demo_site(fetch)`` returns ``fetch(client)`` for a test client on the module's demo
    site: for pages that several tests of a module only read, fetched once for all of them."""
    from django.test import Client, override_settings

    def run(fetch):
        with override_settings(**files_in(demo_site)), django_db_blocker.unblock():
            return fetch(Client())

    return run


@pytest.fixture
def demo(demo_site, db, settings):
    """The demo site for one test; what the test changes is rolled back after it."""
    use_files_of(demo_site, settings)


@pytest.fixture
def admin_user(db):
    """pytest-django's superuser, with the second factor the admin requires of staff."""
    from tests.backoffice.factories import make_staff

    return make_staff("admin", superuser=True)
