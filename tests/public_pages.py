"""Which public pages the security, accessibility and HTML checks visit.

The list is derived, never written down: every page the sitemap lists, plus
every public URL that takes no arguments (forms, thank-you pages, calendars,
search ...), plus a 404 and, where a search exists, a search result. So a
page type another app adds is checked as soon as it exists.
"""

import re
from urllib.parse import urlsplit

from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from tests.languages import LANGUAGE_CODES

SEARCH_QUERY = "MiSO"


def sitemap_paths(client):
    """Every path in the sitemap's sections, in every language."""
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>https?://testserver(/[^<]*)</loc>", index)
    sitemap = "".join(client.get(section).content.decode() for section in sections)
    return sorted(set(re.findall(r"<loc>https?://testserver(/[^<]*)</loc>", sitemap)))


def _routes_without_arguments(patterns, namespace="", under_language_prefix=False):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            prefixed = under_language_prefix or isinstance(pattern.pattern, LocalePrefixPattern)
            inner = ":".join(part for part in (namespace, pattern.namespace) if part)
            yield from _routes_without_arguments(pattern.url_patterns, inner, prefixed)
        elif under_language_prefix and pattern.name and not pattern.pattern.regex.groups:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def public_routes():
    """The URL names of every public page that takes no arguments ("pages:contact", ...)."""
    return list(_routes_without_arguments(get_resolver().url_patterns))


def fixed_paths(language):
    """Every public path without arguments (forms, thank-you pages, ...) in one language."""
    with translation.override(language):
        paths = [reverse(name) for name in public_routes()]
        paths += [f"{reverse(name)}?q={SEARCH_QUERY}" for name in search_routes()]
    paths.append(f"/{language}/no-such-page/")
    return paths


def search_routes():
    return [name for name in public_routes() if "search" in name.split(":")]


def page_type(path):
    """The URL name that serves a path ("news:post-detail"), or "404"."""
    language = path.split("/")[1]
    try:
        with translation.override(language):
            match = resolve(urlsplit(path).path)
    except Resolver404:
        return "404"
    kind = match.view_name
    if urlsplit(path).query:
        kind += "?query"
    return kind


def html_pages(client, languages=LANGUAGE_CODES):
    """``{path: response}`` for every public HTML page in the given languages.

    Pages that need a login or redirect elsewhere are left out; a 404 stays in.
    An index that redirects to its current entry below it (the calendar to this
    month, past events to the latest year) is replaced by that entry.
    """
    candidates = [path for path in sitemap_paths(client) if path.split("/")[1] in languages]
    for language in languages:
        candidates += fixed_paths(language)
    pages = {}
    for path in dict.fromkeys(candidates):
        response = client.get(path)
        if response.status_code == 302 and response.url.startswith(urlsplit(path).path):
            path = response.url
            response = client.get(path)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if is_html and response.status_code in (200, 404):
            pages[path] = response
    return pages


def one_path_per_type(paths):
    """The first path of each page type, so a browser visits every type once."""
    chosen = {}
    for path in sorted(paths):
        chosen.setdefault(page_type(path), path)
    return chosen
