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
    return cached_fragments(
        name, {name: parts}, lambda missing: {name: render()}, content_generation
    )[name]


def cached_fragments(name, parts_by_key, render_missing, content_generation):
    """Several pieces ``name`` at once, read with one request to the cache: ``{key: html}``
    for ``parts_by_key`` (``{key: parts}``). ``render_missing(keys)`` renders those the
    cache does not hold, as ``{key: html}``, so that what they show is read from the
    database for them alone, together."""
    if not content_generation:
        return render_missing(list(parts_by_key))
    language = get_language()
    cache_keys = {
        key: make_template_fragment_key(name, [language, content_generation, *parts])
        for key, parts in parts_by_key.items()
    }
    cache = caches["fragments"]
    held = cache.get_many(cache_keys.values())
    shown = {key: held[cache_key] for key, cache_key in cache_keys.items() if cache_key in held}
    missing = [key for key in parts_by_key if key not in shown]
    if missing:
        rendered = render_missing(missing)
        cache.set_many(
            {cache_keys[key]: html for key, html in rendered.items()}, FRAGMENT_SECONDS
        )
        shown |= rendered
    return shown
