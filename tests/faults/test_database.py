"""Deadlines on the database: connecting, and (on PostgreSQL) each statement of a web request.
Commands run with manage.py (migrations, backups) have no statement timeout."""

import pytest
from django.db import connection

from tests.site.test_settings import manage

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="about PostgreSQL's statement timeout"
)

TIMED = """
import time
from django.db import OperationalError, connection
started = time.monotonic()
try:
    {statement}
except OperationalError as error:
    print(type(error.__cause__).__name__, time.monotonic() - started)
"""

SHOW_STATEMENT_TIMEOUT = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SHOW statement_timeout")
    print(cursor.fetchone()[0])
"""


def timed_failure(statement, environment):
    """Run ``statement`` with the site's settings from ``environment`` in a fresh process:
    the name of the driver's error and the seconds until it came."""
    result = manage("shell", "-c", TIMED.format(statement=statement), env=environment)
    assert result.returncode == 0, result.stderr
    name, seconds = result.stdout.split()[-2:]
    return name, float(seconds)


def test_database_server_that_never_answers_fails_the_connection_after_the_timeout(
    silent_server,
):
    url = f"postgres://postgres@127.0.0.1:{silent_server.port}/miso"
    environment = {"DATABASE_URL": url, "DATABASE_CONNECT_TIMEOUT": "2"}
    name, seconds = timed_failure("connection.ensure_connection()", environment)
    assert name == "ConnectionTimeout"
    assert seconds < 4


@pytest.fixture
def database_url(db):
    database = connection.settings_dict
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


@on_postgresql
def test_statement_running_longer_than_the_statement_timeout_is_cancelled(database_url):
    environment = {"DATABASE_URL": database_url, "DATABASE_STATEMENT_TIMEOUT": "0.3"}
    name, seconds = timed_failure('connection.cursor().execute("SELECT pg_sleep(5)")', environment)
    assert name == "QueryCanceled"
    assert seconds < 2


@on_postgresql
def test_web_requests_statements_are_cut_after_ten_seconds_by_default(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("10s",)


@on_postgresql
def test_manage_py_commands_have_no_statement_timeout(database_url):
    result = manage("shell", "-c", SHOW_STATEMENT_TIMEOUT, env={"DATABASE_URL": database_url})
    assert result.stdout.split()[-1] == "0"
