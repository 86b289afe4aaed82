"""Shared fixtures. Each app's factories live in ``tests/<app>/factories.py``."""

import pytest
from django.core.cache import cache
from django.utils import translation

# A conftest is pytest's plugin, not a module to import from: the language list lives
# in tests/languages.py. Only tests/search/test_search.py still imports it from here.
from tests.languages import LANGUAGE_CODES  # noqa: F401


@pytest.fixture(autouse=True)
def _isolated_cache_and_media(settings, tmp_path):
    """Every test starts with an empty cache and its own media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request through the test
    client leaves the language of its page active in the thread."""
    translation.deactivate()


@pytest.fixture
def site_pages(db):
    from tests.pages.factories import make_site_pages

    return make_site_pages()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once per test module and rolled back after it."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    media = tmp_path_factory.mktemp("demo-media")
    with (
        override_settings(MEDIA_ROOT=media / "public", PRIVATE_MEDIA_ROOT=media / "private"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo", verbosity=0)
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_site, db, settings):
    """The demo site for one test; what the test changes is rolled back after it."""
    settings.MEDIA_ROOT = demo_site / "public"
    settings.PRIVATE_MEDIA_ROOT = demo_site / "private"
