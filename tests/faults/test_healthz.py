"""/healthz tells the load balancer the truth within a second, whatever hangs (core/health.py)."""

import time

import pytest
from django.db import connections

from core import health
from tests.faults.servers import SilentServer

pytestmark = pytest.mark.django_db

HEALTHY = "ok\ndatabase: ok\ncache: ok\n"


@pytest.fixture
def database_at():
    """``database_at(port)``: the health check finds the database server at that port of
    127.0.0.1. When the test ends, waits until the check reaches the real one again."""
    original = connections.settings["default"]

    def point_at(port):
        connections.settings["default"] = original | {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "miso",
            "USER": "postgres",
            "HOST": "127.0.0.1",
            "PORT": port,
            "OPTIONS": {"connect_timeout": 2},
        }

    yield point_at
    connections.settings["default"] = original
    deadline = time.monotonic() + 10
    while not health.check()["database"]:
        assert time.monotonic() < deadline, "the database check is still stuck"


def healthz(client):
    """The health check's status, its body, and the seconds it took."""
    started = time.monotonic()
    response = client.get("/healthz")
    return response.status_code, response.content.decode(), time.monotonic() - started


def test_health_check_says_ok_for_each_dependency(client):
    status, body, _seconds = healthz(client)
    assert (status, body) == (200, HEALTHY)


def test_health_check_is_never_cached(client):
    assert "no-cache" in client.get("/healthz")["Cache-Control"]


def test_health_check_says_degraded_while_redis_is_down(client, optional_redis):
    optional_redis.stop()
    status, body, _seconds = healthz(client)
    assert (status, body) == (200, "degraded\ndatabase: ok\ncache: unavailable\n")


def test_health_check_answers_within_a_second_while_redis_is_frozen(client, optional_redis):
    optional_redis.freeze()
    status, body, seconds = healthz(client)
    assert (status, body) == (200, "degraded\ndatabase: ok\ncache: unavailable\n")
    assert seconds < 1


def test_health_check_says_ok_again_when_redis_returns(client, optional_redis, quick_retry):
    optional_redis.stop()
    healthz(client)
    optional_redis.start()
    time.sleep(quick_retry)
    status, body, _seconds = healthz(client)
    assert (status, body) == (200, HEALTHY)


def test_health_check_answers_503_within_a_second_while_the_database_hangs(
    client, silent_server, database_at
):
    database_at(silent_server.port)
    status, body, seconds = healthz(client)
    assert (status, body) == (503, "unavailable\ndatabase: unavailable\ncache: ok\n")
    assert seconds < 1


def test_health_check_answers_503_when_the_database_refuses(client, database_at):
    closed = SilentServer()
    closed.close()
    database_at(closed.port)
    status, body, _seconds = healthz(client)
    assert (status, body) == (503, "unavailable\ndatabase: unavailable\ncache: ok\n")


def test_health_check_answers_within_a_second_while_database_and_redis_hang(
    client, silent_server, database_at, optional_redis
):
    database_at(silent_server.port)
    optional_redis.freeze()
    status, body, seconds = healthz(client)
    assert (status, body) == (503, "unavailable\ndatabase: unavailable\ncache: unavailable\n")
    assert seconds < 1
