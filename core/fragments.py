"""Rendered pieces of pages that are the same for everyone who may see them.

A card (a news post, an event, an organisation) or a calendar day's list of events
looks the same on every page that shows it, for every visitor allowed to see it,
until content changes. Such a piece is rendered once per language and content
generation (``core.cache``: any save of content moves it on) and then read from the
``fragments`` cache: rendering a page costs the lookups, not the template work.
The rest of the page, and what differs from one visitor to another, is rendered
on every request.

Fragments have a cache of their own (``settings.CACHES["fragments"]``), so that many
small pieces never push the cached pages, rate limits or sign-in codes out of the
default cache.
"""

from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language

# A fragment is never read after its generation, so this only bounds the memory it holds.
FRAGMENT_SECONDS = 3600


def cached_fragment(name, parts, render, content_generation):
    """The piece ``name`` for ``parts`` (what it shows: ids, options), rendered by
    ``render()`` when the cache does not hold it for this language and generation.

    ``content_generation`` is empty while the shared cache fails: then the piece is
    rendered and not kept, as nothing could tell when it became outdated.
    """
    if not content_generation:
        return render()
    key = make_template_fragment_key(name, [get_language(), content_generation, *parts])
    cache = caches["fragments"]
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, FRAGMENT_SECONDS)
    return html
