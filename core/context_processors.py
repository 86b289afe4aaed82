"""Site-wide template context: the page in every language, and the association's data."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import NoReverseMatch, reverse
from django.utils import translation


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


def site(request):
    """The page in every language, for the language switcher and the ``hreflang`` links.

    The switcher's links (``url``) keep the query string, so a visitor who changes the
    language keeps their filters, page number and search words. Search engines get the
    clean addresses (``absolute_url``, ``canonical_url``). The page cache keys on the
    full address, query string included, so each variant is cached with its own links.
    A request for a host the site does not serve gets its 400 page without them.
    """
    try:
        request.get_host()
    except DisallowedHost:
        return {}
    query = request.GET.urlencode()
    alternates = []
    for code, name in settings.LANGUAGES:
        url = page_in_language(request, code)
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": f"{url}?{query}" if query else url,
                "absolute_url": request.build_absolute_uri(url),
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    return {
        "alternates": alternates,
        "default_alternate": next(a for a in alternates if a["code"] == settings.LANGUAGE_CODE),
        "canonical_url": request.build_absolute_uri(request.path),
    }
