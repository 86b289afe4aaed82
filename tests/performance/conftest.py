"""The page cache switched on, on each cache backend the site supports.

Redis is the one on 127.0.0.1:6379 (database 9, which nothing else uses). It is
skipped where no Redis answers, except in CI, where a missing Redis must fail.
When the tests run in parallel (pytest-xdist), each worker uses a database of its
own from 9 on (gw0: 9, gw1: 10, ...): every test clears its cache, which would
clear the other workers' entries too. A test that counts the keys takes one of its
own above those (``redis_database``).
"""

import os
import socket

import pytest
from django.core.cache import caches

from tests.pages.factories import make_site_pages

BACKENDS = {
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "redis": {"BACKEND": "core.redis_cache.OptionalRedisCache"},
}


def redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_database():
    """The Redis database number; a test that counts what Redis holds parametrises it
    with one of its own, which no other test clears meanwhile."""
    return 9 + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))


@pytest.fixture(params=list(BACKENDS))
def page_cache(request, settings, tmp_path, redis_database):
    """The page cache on, as in production; the name of the backend in use."""
    if request.param == "redis" and os.environ.get("CI") != "true" and not redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    backend = BACKENDS[request.param]
    if request.param == "redis":
        backend = backend | {"LOCATION": f"redis://127.0.0.1:6379/{redis_database}"}
    settings.CACHES = {"default": backend, "fragments": settings.CACHES["fragments"]}
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_STAMP = tmp_path / "page-cache.stamp"
    caches["default"].clear()
    yield request.param
    caches["default"].clear()


@pytest.fixture
def site(db):
    """The fixed pages, with the association and its opening hours."""
    return make_site_pages()
