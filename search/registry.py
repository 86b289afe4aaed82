"""What the site search finds, and the one way text is matched.

Each app registers its searchable models in its own ``searchable.py``: which
items a visitor may find, the translated and plain fields searched, the time
results are sorted by, the field shown under the title and the template of a
result's details. The site search and the member directory's text search both
match through ``Searchable.filter``, so the same words find the same items.

On PostgreSQL that is full-text search with the language's stemming, so
"Konferenzen" finds "Konferenz", ranked by relevance; each word may also be the
start of a longer one, so "Kulturaus" finds "Kulturaustausch" while it is being
typed. Other databases (SQLite in development and tests) get a simpler match:
every word must appear.
"""

import re
from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import FloatField, Q, Value
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

# PostgreSQL's text search configurations; Ukrainian has no stemmer there.
SEARCH_CONFIGS = {
    "de": "german",
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "uk": "simple",
    "ar": "arabic",
}


def language_fields(translated, language):
    """The columns a visitor reads: the language's own, then German's."""
    codes = dict.fromkeys([language, settings.LANGUAGE_CODE])
    return {code: [build_localized_fieldname(name, code) for name in translated] for code in codes}


def prefix_query(words, config):
    """Every word, stemmed in ``config``, as the start of a word (``konferenz:*``)."""
    # Only letters and digits reach the query: its own syntax cannot be typed in.
    return reduce(
        and_, (SearchQuery(f"{word}:*", config=config, search_type="raw") for word in words)
    )


def matching(queryset, text, translated, plain=()):
    """``queryset`` narrowed to what matches ``text``, annotated with ``search_rank``."""
    columns = language_fields(translated, get_language())
    if connections[queryset.db].vendor == "postgresql":
        words = re.findall(r"\w+", text)
        if not words:
            return queryset.none().annotate(search_rank=Value(0.0, output_field=FloatField()))
        vector = query = None
        for code, fields in columns.items():
            config = SEARCH_CONFIGS.get(code, "simple")
            part = SearchVector(*fields, *plain, config=config)
            vector = part if vector is None else vector + part
            words_query = prefix_query(words, config)
            query = words_query if query is None else query | words_query
        return queryset.annotate(
            search_vector=vector, search_rank=SearchRank(vector, query)
        ).filter(search_vector=query)
    fields = [*plain, *(name for fields in columns.values() for name in fields)]
    for word in text.split():
        contains = (Q(**{f"{name}__icontains": word}) for name in fields)
        queryset = queryset.filter(reduce(or_, contains))
    return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))


class Searchable:
    """One kind of result: a model, what of it is searched and how a result shows.

    ``searched(user)`` gives the items ``user`` may find (the queryset the
    model's own lists use); ``translated`` and ``plain`` are the fields matched,
    translated per language or not; ``moment`` is the expression results are
    sorted by, newest first, after relevance (a date as its midnight);
    ``snippet`` the field whose text shows under the title; ``title`` the
    field of the title; ``template`` shows a result's details (date, place ...)
    with the object as ``item``; ``shown`` is the queryset a result is read from.
    """

    def __init__(
        self,
        model,
        *,
        kind,
        label,
        searched,
        translated,
        moment,
        template,
        plain=(),
        snippet="",
        title="title",
        shown=None,
    ):
        self.model = model
        self.kind = kind
        self.label = label
        self.searched = searched
        self.translated = list(translated)
        self.plain = list(plain)
        self.moment = moment
        self.template = template
        self.snippet = snippet
        self.title = title
        self.shown = shown if shown is not None else model._default_manager.all()

    def filter(self, queryset, text):
        """``queryset`` of this model narrowed to what matches ``text``."""
        return matching(queryset, text, self.translated, self.plain)

    def search(self, text, user):
        return self.filter(self.searched(user), text)


_registry = {}


def register(searchable):
    _registry[searchable.kind] = searchable


def searchables():
    """Every registered kind of result, by its kind."""
    return dict(_registry)


def searchable_for(model):
    return next(searchable for searchable in _registry.values() if searchable.model is model)
