"""The site search: one box across news, events, projects, organisations and documents.

Each content type has a function that narrows the same queryset its own lists
use (published, members-only only for members) to what matches the words, in
the visitor's language and in German, the fallback every visitor may be shown.

On PostgreSQL that is full-text search with the language's stemming, so
"Konferenzen" finds "Konferenz", ranked by relevance. Other databases (SQLite
in development and tests) get a simpler match: every word must appear.

The matches of all types are one ``UNION`` query of (type, id, rank, time),
newest first where ranks are equal, so a page of results costs a count (of the
ids alone), the page, and one query per type on it, however much content exists.
"""

from collections.abc import Callable
from functools import reduce
from html import unescape
from operator import or_
from typing import NamedTuple

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import CharField, DateTimeField, F, FloatField, Q, Value
from django.db.models.functions import Cast
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from modeltranslation.utils import build_localized_fieldname

from core.translated import is_fallback
from documents.models import Document
from events.models import Event
from members.models import MemberOrganisation
from news.models import Post
from projects.models import Project

RESULTS_PER_PAGE = 20
MIN_LENGTH = 2
MAX_LENGTH = 100

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


def matching(queryset, text, translated, plain=()):
    """``queryset`` narrowed to what matches ``text``, annotated with ``search_rank``."""
    language = get_language()
    columns = language_fields(translated, language)
    if connections[queryset.db].vendor == "postgresql":
        vector = query = None
        for code, fields in columns.items():
            config = SEARCH_CONFIGS.get(code, "simple")
            part = SearchVector(*fields, *plain, config=config)
            vector = part if vector is None else vector + part
            words = SearchQuery(text, config=config, search_type="websearch")
            query = words if query is None else query | words
        return queryset.annotate(
            search_vector=vector, search_rank=SearchRank(vector, query)
        ).filter(search_vector=query)
    fields = [*plain, *(name for fields in columns.values() for name in fields)]
    for word in text.split():
        contains = (Q(**{f"{name}__icontains": word}) for name in fields)
        queryset = queryset.filter(reduce(or_, contains))
    return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))


def news(text, user):
    return matching(Post.objects.listed(), text, ["title", "teaser", "body"])


def events(text, user):
    return matching(Event.objects.visible_to(user), text, ["title", "description"])


def projects(text, user):
    return matching(Project.objects.published(), text, ["title", "summary", "body"])


def organisations(text, user):
    return matching(
        MemberOrganisation.objects.active(), text, ["description"], plain=["name", "short_name"]
    )


def documents(text, user):
    return matching(Document.objects.visible_to(user), text, ["title"])


class Source(NamedTuple):
    """One content type in the results."""

    label: str
    search: Callable
    moment: object  # the time results are sorted by, newest first (a date as its midnight)
    shown: object  # the queryset a result is fetched from to be shown
    snippet: str  # the field whose text is shown under the title


SOURCES = {
    "news": Source(_("News"), news, F("published_at"), Post.objects.all(), "teaser"),
    "event": Source(
        _("Event"),
        events,
        F("starts_at"),
        Event.objects.select_related("venue"),
        "description",
    ),
    "project": Source(
        _("Project"),
        projects,
        Cast("start", DateTimeField()),
        Project.objects.all(),
        "summary",
    ),
    "organisation": Source(
        _("Member organisation"),
        organisations,
        Value(None, output_field=DateTimeField()),
        MemberOrganisation.objects.select_related("district"),
        "description",
    ),
    "document": Source(
        _("Document"), documents, Cast("date", DateTimeField()), Document.objects.all(), ""
    ),
}


class Matches:
    """Every match of a search, as ``Paginator`` uses it: counted, then one page sliced off."""

    def __init__(self, text, user):
        self.parts = {
            kind: source.search(text, user).order_by() for kind, source in SOURCES.items()
        }

    def count(self):
        first, *others = (part.values_list("pk") for part in self.parts.values())
        return first.union(*others, all=True).count()

    def __getitem__(self, rows):
        """The (kind, pk, rank, moment) rows of ``rows``, best first, in one union query."""
        first, *others = (
            part.annotate(
                search_kind=Value(kind, output_field=CharField()),
                search_moment=SOURCES[kind].moment,
            ).values_list("search_kind", "pk", "search_rank", "search_moment")
            for kind, part in self.parts.items()
        )
        ordered = first.union(*others, all=True).order_by(
            F("search_rank").desc(), F("search_moment").desc(nulls_last=True), "search_kind", "pk"
        )
        return ordered[rows]


def plain_text(obj, field_name):
    """A field's text without markup, for the snippet under a result's title."""
    return unescape(strip_tags(getattr(obj, field_name) or ""))


def shown_results(rows):
    """The objects behind one page of rows, fetched with one query per type on the page."""
    wanted = {}
    for kind, pk, _rank, _moment in rows:
        wanted.setdefault(kind, []).append(pk)
    objects = {kind: SOURCES[kind].shown.in_bulk(pks) for kind, pks in wanted.items()}
    results = []
    for kind, pk, _rank, _moment in rows:
        obj = objects[kind].get(pk)
        if obj is None:
            continue  # deleted since the page was counted
        snippet_field = SOURCES[kind].snippet
        results.append(
            {
                "kind": kind,
                "label": SOURCES[kind].label,
                "object": obj,
                "snippet": plain_text(obj, snippet_field) if snippet_field else "",
                "snippet_is_german": bool(snippet_field) and is_fallback(obj, snippet_field),
            }
        )
    return results


@require_GET
def search_view(request):
    text = " ".join(request.GET.get("q", "").split())[:MAX_LENGTH]
    context = {
        "search_query": text,
        "too_short": 0 < len(text) < MIN_LENGTH,
        "min_length": MIN_LENGTH,
    }
    if len(text) >= MIN_LENGTH:
        paginator = Paginator(Matches(text, request.user), RESULTS_PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
        context.update(page_obj=page, results=shown_results(page.object_list))
    return render(request, "pages/search.html", context)
