"""Site search on PostgreSQL: full-text search over the content tables themselves.

Each language's text is read with its own text search configuration, so
"Konferenzen" finds "Konferenz". The configurations (migration
``search.0002_postgresql_text_search``) first take the accents off with the
``unaccent`` extension, then stem: "cafe" finds "Café" and "UBER" finds "über".
Nothing needs to be kept current: every search reads the rows as they are.
"""

import re
from functools import reduce
from operator import and_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import FloatField, Value

# The configurations made by the migration: unaccent, then the language's stemmer.
# Ukrainian has no stemmer in PostgreSQL.
SEARCH_CONFIGS = {
    "de": "search_german",
    "en": "search_english",
    "fr": "search_french",
    "es": "search_spanish",
    "ru": "search_russian",
    "uk": "search_simple",
    "ar": "search_arabic",
}
DEFAULT_CONFIG = "search_simple"


def prefix_query(words, config):
    """Every word, stemmed in ``config``, as the start of a word (``konferenz:*``)."""
    # Only letters and digits reach the query: its own syntax cannot be typed in.
    return reduce(
        and_, (SearchQuery(f"{word}:*", config=config, search_type="raw") for word in words)
    )


def matching(queryset, text, searchable, languages):
    """``queryset`` narrowed to what matches ``text`` in the columns of ``languages``."""
    words = re.findall(r"\w+", text)
    if not words:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=FloatField()))
    plain_title, plain_others = searchable.columns()
    vector = query = None
    for code in languages:
        config = SEARCH_CONFIGS.get(code, DEFAULT_CONFIG)
        title, others = searchable.columns(code)
        # Weight A for the title, B for the rest: a title match ranks first.
        weighted = [(title + plain_title, "A"), (others + plain_others, "B")]
        for columns, weight in weighted:
            if columns:
                part = SearchVector(*columns, config=config, weight=weight)
                vector = part if vector is None else vector + part
        words_query = prefix_query(words, config)
        query = words_query if query is None else query | words_query
    return queryset.annotate(search_vector=vector, search_rank=SearchRank(vector, query)).filter(
        search_vector=query
    )
