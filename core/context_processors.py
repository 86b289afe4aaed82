"""Site-wide template context: the page in every language, and the content generation."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from .cache import generation


def page_in_language(request, code):
    """The path of the page ``request`` asked for, in the language ``code``.

    What ``translate_url`` does, but with the match the request was resolved
    with: the path is resolved once per request, not once per language.
    A path that matched nothing (a 404 page) stays as it is.
    """
    match = request.resolver_match
    if match is None:
        return request.path
    with translation.override(code):
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.path


def alternates_of(request):
    """The page in every language: its address for the switcher and for search engines."""
    query = request.GET.urlencode()
    # What build_absolute_uri() would put before each path, worked out once.
    origin = request.build_absolute_uri("/").removesuffix("/")
    alternates = []
    for code, name in settings.LANGUAGES:
        url = page_in_language(request, code)
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": f"{url}?{query}" if query else url,
                "absolute_url": origin + url,
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    return alternates


def menu_section(request):
    """What the main menu marks as current depends on: the first part of the path after
    the language, and whether the page is that section's own or one below it.

    A path that matched no page (a 404) marks nothing, so made-up paths cannot fill the
    cache with variants of the menu.
    """
    if request.resolver_match is None:
        return ""
    language, _slash, rest = request.path_info.strip("/").partition("/")
    section, _slash, below = rest.partition("/")
    return f"{language}/{section}/{'+' if below else ''}"


def site(request):
    """The page in every language, for the language switcher and the ``hreflang`` links,
    and what the shared layout's cached fragments are keyed on.

    The switcher's links (``url``) keep the query string, so a visitor who changes the
    language keeps their filters, page number and search words. Search engines get the
    clean addresses (``absolute_url``, ``canonical_url``). The page cache keys on the
    full address, query string included, so each variant is cached with its own links.
    A request for a host the site does not serve gets its 400 page without them.

    Each value is worked out when a template first uses it, once per request: a page
    served from a cached fragment, or a template that shows none of them, costs nothing.
    ``content_generation`` is the page cache's: a fragment keyed on it is renewed whenever
    content is saved.
    """
    try:
        request.get_host()
    except DisallowedHost:
        return {}
    alternates = SimpleLazyObject(lambda: alternates_of(request))
    return {
        "alternates": alternates,
        "default_alternate": SimpleLazyObject(
            lambda: next(a for a in alternates if a["code"] == settings.LANGUAGE_CODE)
        ),
        "canonical_url": SimpleLazyObject(lambda: request.build_absolute_uri(request.path)),
        # Empty while the shared cache fails (``generation()`` is None then).
        "content_generation": SimpleLazyObject(lambda: generation() or ""),
        "menu_section": SimpleLazyObject(lambda: menu_section(request)),
    }
