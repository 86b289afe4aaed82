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
from django.template.loader import get_template
from django.utils.functional import cached_property
from django.utils.translation import get_language

from .cache import generation

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
        cache.set_many({cache_keys[key]: html for key, html in rendered.items()}, FRAGMENT_SECONDS)
        shown |= rendered
    return shown


class SharedCards:
    """The cards of a list, each a shared fragment; iterating gives their HTML.

    The list is read as keys alone (``keys``: a queryset of ``values_list`` rows, the
    object's primary key first, then what else the card is keyed on; ``extra`` is added
    to each), which costs far less than reading the objects with everything a card shows.
    ``load(pks)`` reads the objects (``{pk: object}``) of the cards the cache does not
    hold, in one go, and ``context(obj)`` is what the card's ``template`` gets for one.
    The keys are the ones the card template's own ``{% shared %}`` uses, so a card shown
    in a list and the same card included on its own are one piece. (Rendered here, without
    a request's context, that inner tag keeps nothing itself.)
    """

    def __init__(self, name, keys, template, load, context, extra=()):
        self.name, self.query, self.template = name, keys, template
        self.load, self.context, self.extra = load, context, extra

    @cached_property
    def keys(self):
        """What each card is keyed on: its row, then ``extra`` (its options)."""
        return [(*row, *self.extra) for row in self.query]

    def __bool__(self):
        return bool(self.keys)

    def __len__(self):
        return len(self.keys)

    def __iter__(self):
        template = get_template(self.template)

        def render_missing(keys):
            objects = self.load([key[0] for key in keys])
            return {key: template.render(self.context(objects[key[0]])) for key in keys}

        shown = cached_fragments(
            self.name, {key: key for key in self.keys}, render_missing, generation()
        )
        return (shown[key] for key in self.keys)
