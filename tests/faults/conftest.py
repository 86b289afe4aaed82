"""The site with a Redis of the test's own, which the test may stop, freeze and bring back."""

import pytest

from core import redis_cache
from tests.faults.servers import RedisServer, SilentServer

# Each cache call gives up after this long, as in production (settings.py).
SOCKET_TIMEOUT = 0.25


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.remove()


@pytest.fixture
def optional_redis(redis_server, settings, monkeypatch, tmp_path):
    """The site's cache and page cache on ``redis_server``, as in production; the server."""
    # Every test starts with Redis known to answer, whatever an earlier test left behind.
    monkeypatch.setattr(redis_cache, "_retry_at", {})
    redis = {
        "BACKEND": "core.redis_cache.OptionalRedisCache",
        "LOCATION": redis_server.location,
        "OPTIONS": {"socket_connect_timeout": SOCKET_TIMEOUT, "socket_timeout": SOCKET_TIMEOUT},
    }
    settings.CACHES = {"default": redis, "fragments": redis | {"KEY_PREFIX": "fragment"}}
    settings.PAGE_CACHE_SECONDS = 300
    return redis_server


@pytest.fixture
def quick_retry(monkeypatch):
    """Redis is tried again a fifth of a second after a failure instead of five seconds;
    returns how long to wait for that."""
    monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0.2)
    return 0.3


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()
