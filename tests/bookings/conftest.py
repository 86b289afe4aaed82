import sqlite3
from contextlib import closing

import pytest
from django.db import connection


@pytest.fixture
def own_connections(transactional_db, tmp_path):
    """Each thread on its own connection to one database, as requests on a server are.

    On SQLite the test database lives in memory in shared-cache mode, where a second
    writer fails at once instead of waiting for the lock as with a database file: so the
    test runs on a copy of it in a file, and the memory database is put back after.
    """
    if connection.vendor != "sqlite":
        yield
        return
    copy = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    memory, name = connection.connection, connection.settings_dict["NAME"]
    with closing(sqlite3.connect(copy)) as target:
        memory.backup(target)
    # Threads open their connections from these settings; this thread reconnects too.
    connection.connection = None
    connection.settings_dict["NAME"] = str(copy)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = memory
