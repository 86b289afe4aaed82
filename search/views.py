"""The site search page: one box across every registered kind of content.

The matches of all kinds are one ``UNION`` query of (kind, id, rank, time),
newest first where ranks are equal, so a page of results costs a count (of the
ids alone), the page, and one query per kind on it, however much content exists.
"""

from html import unescape

from django.core.paginator import Paginator
from django.db.models import CharField, F, Value
from django.shortcuts import render
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET

from core.cache import reads_query_parameters
from core.translated import is_fallback

from .registry import searchables

RESULTS_PER_PAGE = 20
MIN_LENGTH = 2
MAX_LENGTH = 100


class Matches:
    """Every match of a search, as ``Paginator`` uses it: counted, then one page sliced off."""

    def __init__(self, text, user):
        self.kinds = searchables()
        self.parts = {
            kind: searchable.search(text, user).order_by()
            for kind, searchable in self.kinds.items()
        }

    def count(self):
        first, *others = (part.values_list("pk") for part in self.parts.values())
        return first.union(*others, all=True).count()

    def __getitem__(self, rows):
        """The (kind, pk, rank, moment) rows of ``rows``, best first, in one union query."""
        first, *others = (
            part.annotate(
                search_kind=Value(kind, output_field=CharField()),
                search_moment=self.kinds[kind].moment,
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
    """The objects behind one page of rows, fetched with one query per kind on the page."""
    kinds = searchables()
    wanted = {}
    for kind, pk, _rank, _moment in rows:
        wanted.setdefault(kind, []).append(pk)
    objects = {kind: kinds[kind].shown.in_bulk(pks) for kind, pks in wanted.items()}
    results = []
    for kind, pk, _rank, _moment in rows:
        obj = objects[kind].get(pk)
        if obj is None:
            continue  # deleted since the page was counted
        searchable = kinds[kind]
        snippet_field = searchable.snippet
        results.append(
            {
                "kind": kind,
                "label": searchable.label,
                "template": searchable.template,
                "title": searchable.title,
                "object": obj,
                "snippet": plain_text(obj, snippet_field) if snippet_field else "",
                "snippet_is_german": bool(snippet_field) and is_fallback(obj, snippet_field),
            }
        )
    return results


@require_GET
@reads_query_parameters("q", "page")
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
    return render(request, "search/results.html", context)
