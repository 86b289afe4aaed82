"""Data built once and shared by the tests of a module, then undone.

Building a large data set, or the demo content, before every test costs seconds
each time. A module-scoped fixture builds it once inside a transaction; each test
runs within it in a savepoint of its own (its ``db`` fixture), so what one test
changes is undone before the next; and when the module is done the transaction
is rolled back, so nothing reaches the tests that follow, on SQLite as on
PostgreSQL::

    @pytest.fixture(scope="module")
    def big_site(django_db_setup, django_db_blocker, tmp_path_factory):
        folder = tmp_path_factory.mktemp("big-site")
        with built_once(django_db_blocker, folder):
            make_many_posts(1000)
            yield folder


    @pytest.fixture
    def big(big_site, db, settings):
        use_files_of(big_site, settings)
"""

from contextlib import contextmanager

from django.db import transaction
from django.test import override_settings


def files_in(folder):
    """Where a data set keeps its uploads, and the page cache stamp its saves touch."""
    return {
        "MEDIA_ROOT": folder / "public",
        "PRIVATE_MEDIA_ROOT": folder / "private",
        "PAGE_CACHE_STAMP": folder / "page-cache.stamp",
    }


@contextmanager
def built_once(django_db_blocker, folder):
    """Build the data inside; it stays until the block ends and is then rolled back."""
    with (
        override_settings(**files_in(folder)),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)


def use_files_of(folder, settings):
    """For one test (``settings`` is pytest-django's fixture): the data set's uploads."""
    settings.MEDIA_ROOT = folder / "public"
    settings.PRIVATE_MEDIA_ROOT = folder / "private"
