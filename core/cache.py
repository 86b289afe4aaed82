"""The page cache: whole public pages for anonymous visitors, cleared on every content change.

A cached page is stored under its full URL (language prefix, path, query string
with the page number) and a *generation* number. Only query parameters that its
view reads may be in that URL (``reads_query_parameters``): a page asked for with
any other is served but never stored, so a flood of made-up parameters (``?x=1``,
``?x=2``, ...) cannot push the real pages out of the cache.

Saving or deleting any content (every model of a ``core.apps.ContentAppConfig``
app that is not a ``Submission``) moves the generation on, so every page stored
before is never read again and simply expires. Clearing everything is deliberate:
one news post shows on the home page, its list, the feeds, the sitemap and the
search, and tracking all that per object would cost more than re-rendering a few
pages.

The generation must be the same in every process that serves the site:

* with a shared cache (Redis, or anything that is not local memory) it is a
  key in that cache, moved on with ``cache.incr``, so several servers agree;
* with the default local-memory cache each gunicorn worker has its own cache,
  so the number is the modification time of a small file that all workers on
  the machine read (``PAGE_CACHE_STAMP``): one ``stat`` per request.

While Redis fails (core/redis_cache.py) there is no generation, and pages are
rendered without the cache. An edit made meanwhile could not move the generation
on, so it moves on when Redis answers again: no page stored before can come back.
"""

import hashlib
import math
import os
import re
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import MiddlewareNotUsed
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import set_response_etag

from .apps import is_content_model
from .models import Publishable
from .redis_cache import reconnected

# Pages outside the language prefixes that are the same for everybody.
UNPREFIXED_PAGES = re.compile(r"/robots\.txt|/sitemap(-[a-z]+)?\.xml")

KEY_PREFIX = "page-cache"
GENERATION_KEY = f"{KEY_PREFIX}:generation"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
PRIVATE_CACHE_CONTROL = re.compile(r"\b(private|no-cache|no-store)\b")


def reads_query_parameters(*names):
    """Name the query parameters a view reads; decorate its class or its function.

    ``@reads_query_parameters("page", *FilterForm.base_fields)``: a page asked
    for with any other parameter is not stored in the page cache.
    """

    def declare(view):
        view.query_parameters = frozenset(names)
        return view

    return declare


def reads_only_its_parameters(request):
    """Does the query string hold only parameters that the view which answered reads?"""
    match = request.resolver_match
    view = getattr(match.func, "view_class", match.func) if match else None
    return set(request.GET) <= getattr(view, "query_parameters", frozenset())


def generation():
    """The current content generation, as a string for the cache key; None while the
    shared cache fails."""
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        try:
            return str(os.stat(settings.PAGE_CACHE_STAMP).st_mtime_ns)
        except FileNotFoundError:
            _touch_stamp()
            return str(os.stat(settings.PAGE_CACHE_STAMP).st_mtime_ns)
    number = cache.get(GENERATION_KEY)
    if number is None:
        # A fresh cache (or an evicted key) starts from the clock, never from an
        # old number whose pages might still be stored.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        number = cache.get(GENERATION_KEY)
    return None if number is None else str(number)


def _touch_stamp():
    stamp = settings.PAGE_CACHE_STAMP
    stamp.parent.mkdir(parents=True, exist_ok=True)
    try:
        previous = os.stat(stamp).st_mtime_ns
    except FileNotFoundError:
        stamp.touch()
        previous = 0
    # Set explicitly: the file system's own clock may not tick between two edits.
    now = max(time.time_ns(), previous + 1)
    os.utime(stamp, ns=(now, now))


def clear_pages():
    """Forget every cached page. Call it after changing content without ``save()``,
    for example with ``QuerySet.update()``."""
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        _touch_stamp()
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def content_changed(sender, **kwargs):
    """Signal receiver: a change to shown content clears the cached pages.

    It clears at once (so the editor's next request already sees the change)
    and again when the transaction commits: a visitor's page rendered between
    the two, from the database as it was before the commit, must not stay.
    """
    if not is_content_model(sender):
        return
    clear_pages()
    transaction.on_commit(clear_pages)


def cache_reconnected(sender, **kwargs):
    """Signal receiver: Redis answers again, and content may have changed while it did not."""
    clear_pages()


def connect_signals():
    post_save.connect(content_changed, dispatch_uid="page-cache-save")
    post_delete.connect(content_changed, dispatch_uid="page-cache-delete")
    m2m_changed.connect(content_changed, dispatch_uid="page-cache-m2m")
    reconnected.connect(cache_reconnected, dispatch_uid="page-cache-reconnected")


def seconds_until_next_publication():
    """Seconds until the next scheduled item goes public, or None if none is waiting.

    Pages must not outlive that moment, or a scheduled post would appear late.
    """
    now = timezone.now()
    upcoming = [
        model._default_manager.filter(is_published=True, published_at__gt=now).aggregate(
            next=Min("published_at")
        )["next"]
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    upcoming = [moment for moment in upcoming if moment is not None]
    if not upcoming:
        return None
    return (min(upcoming) - now).total_seconds()


class PageCacheMiddleware:
    """Serve anonymous visitors' public pages from the cache.

    Placed after WhiteNoise and before the session middleware, so a cached page
    costs no session, language or database work at all.

    What is never cached, and why:

    * requests with a session (logged-in editors and members always get fresh
      pages, and members-only content never leaks) or with a pending message;
    * anything but GET and HEAD, the admin, and paths outside the language
      prefixes except the sitemap and robots.txt;
    * responses that are not 200, set a cookie, used the CSRF token (a page with
      a form holds its visitor's own token), carry a CSP nonce, or say private,
      no-cache or no-store;
    * pages asked for with a query parameter their view does not read.
    """

    def __init__(self, get_response):
        if not settings.PAGE_CACHE_SECONDS:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        self.bypass_cookies = (settings.SESSION_COOKIE_NAME, "messages")

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        gzip = bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        current = generation()
        if current is None:
            return self.get_response(request)
        url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False)
        key = f"{KEY_PREFIX}:{current}:{'gz' if gzip else 'id'}:{url.hexdigest()}"
        cache = caches["default"]
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(request, response):
            set_response_etag(response)
            cache.set(key, response, self.page_timeout(current))
        return response

    def is_cacheable_request(self, request):
        if request.method not in ("GET", "HEAD"):
            return False
        if any(name in request.COOKIES for name in self.bypass_cookies):
            return False
        path = request.path_info
        return path.startswith(self.prefixes) or bool(UNPREFIXED_PAGES.fullmatch(path))

    def is_cacheable_response(self, request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
            and "nonce-" not in response.get("Content-Security-Policy", "")
            and not PRIVATE_CACHE_CONTROL.search(response.get("Cache-Control", ""))
            and reads_only_its_parameters(request)
        )

    def page_timeout(self, current):
        """The page timeout, cut short when a scheduled item is due before it ends."""
        cache = caches["default"]
        key = f"{KEY_PREFIX}:{current}:next-publication"
        # 0 means nothing is scheduled; a time already past is worked out again.
        due = cache.get(key)
        if due is None or 0 < due <= time.time():
            seconds = seconds_until_next_publication()
            due = 0 if seconds is None else time.time() + seconds
            cache.set(key, due, self.timeout)
        if not due:
            return self.timeout
        return max(1, min(self.timeout, math.ceil(due - time.time())))
