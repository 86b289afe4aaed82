"""Redis as a cache the site can do without.

``OptionalRedisCache`` is Django's own ``RedisCache`` (settings.py puts it in place of
that one for ``CACHE_URL=redis://…``), except when Redis fails: it refuses connections,
is gone, is frozen past the socket timeouts in ``OPTIONS``, or refuses commands (out of
memory, a failed snapshot, a read-only replica). Django's backend then raises on every
call, and every page, form and login would answer 500. Here the call answers at once
as an empty cache would: ``get`` returns the default, ``set`` keeps nothing, ``incr``
raises ``ValueError`` as for a missing key. So the page cache is skipped, pages are
rendered, and counters move to the caller's own fallback (core/forms.py). ``add`` is
answered by the process's own memory instead: it marks what may happen only once, such
as a used code of an authenticator app (django-allauth refuses a code it cannot mark),
and a mark this process still refuses twice beats a sign-in nobody on the staff passes.
The first failure is logged; for ``RETRY_SECONDS`` after a failure the process does not
try Redis at all, so a frozen Redis costs a request one socket timeout at most, and most
requests none. Then a ``PING`` decides: once Redis answers, the
receivers of ``reconnected`` are told (before anything is read from it again) and every
call uses Redis again, without a restart.

Why not django-redis: its ``IGNORE_EXCEPTIONS`` also turns failures into misses, but it
tries Redis on every call, so a frozen Redis would cost a socket timeout for each of
the several cache calls of one page; and it would replace Django's backend, client and
serializer for this one behaviour.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis import exceptions

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5

# Sent (with ``cache``) when Redis answers again after it failed. What changed meanwhile
# could not be recorded in it: receivers put that right.
reconnected = Signal()

# When each failed Redis (by its servers) may be tried again. One per process,
# shared by the cache objects of all its threads.
_retry_at = {}

# Where ``add`` keeps its marks while Redis is away.
_own_memory = LocMemCache("optional-redis-marks", {})


class OptionalRedisCache(RedisCache):
    @property
    def _location(self):
        return tuple(self._servers)

    def _failed(self, error):
        if self._location not in _retry_at:
            logger.warning(
                "Redis at %s failed (%s): going on without the cache, "
                "trying again every %s seconds",
                ", ".join(self._location),
                error,
                RETRY_SECONDS,
            )
        _retry_at[self._location] = time.monotonic() + RETRY_SECONDS

    def _usable(self):
        retry_at = _retry_at.get(self._location)
        if retry_at is None:
            return True
        if time.monotonic() < retry_at:
            return False
        try:
            self._cache.get_client(write=True).ping()
        except exceptions.RedisError as error:
            self._failed(error)
            return False
        if _retry_at.pop(self._location, None) is not None:
            logger.warning("Redis at %s answers again", ", ".join(self._location))
            reconnected.send(sender=type(self), cache=self)
        return True

    def _call(self, method, failed, *args):
        """``method(*args)``; ``failed`` when Redis fails, at once while it is left alone."""
        if not self._usable():
            return failed
        try:
            return method(*args)
        except exceptions.RedisError as error:
            self._failed(error)
            return failed

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self._call(super().add, None, key, value, timeout, version)
        if added is None:
            return _own_memory.add(key, value, timeout, version)
        return added

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._call(super().incr, None, key, delta, version)
        if value is None:
            raise ValueError(f"Key '{key}' not found: Redis failed.")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, False)
