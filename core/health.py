"""What ``/healthz`` checks: whether the database and the cache answer, within a deadline.

Each check runs in a thread of its own and is waited for ``CHECK_SECONDS`` at most, so a
dependency that hangs (a frozen server, a network that drops packets) is reported
unavailable in time instead of hanging the health check: no driver can be trusted to
give up that fast (psycopg waits at least two seconds to connect). A check still running
from an earlier request is not started again but waited for, so a hanging dependency
holds one thread per process, never more; the thread is freed when the driver's own
timeout (``DATABASE_CONNECT_TIMEOUT``, the statement and socket timeouts) ends the call.
"""

import uuid
from concurrent.futures import ThreadPoolExecutor, wait

from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections

CHECK_SECONDS = 0.5


def database_answers():
    """A fresh connection runs ``SELECT 1``: the request's own connection may be stuck."""
    connection = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    finally:
        connection.close()


def cache_answers():
    """A write and a read of a new key: true only if the cache kept it."""
    cache, key = caches["default"], f"healthz:{uuid.uuid4().hex}"
    cache.set(key, True, timeout=10)
    return cache.get(key) is True


CHECKS = {"database": database_answers, "cache": cache_answers}
_executor = ThreadPoolExecutor(max_workers=len(CHECKS), thread_name_prefix="healthz")
_running = {}


def check():
    """``{name: whether it answered}`` for the database and the cache, in CHECK_SECONDS."""
    for name, probe in CHECKS.items():
        if name not in _running or _running[name].done():
            _running[name] = _executor.submit(probe)
    futures = dict(_running)
    done, _pending = wait(futures.values(), timeout=CHECK_SECONDS)
    return {
        name: future in done and future.exception() is None and future.result()
        for name, future in futures.items()
    }
