"""Site-wide template context: the page in every language, and the association's data."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def site(request):
    path = request.path
    # translate_url resolves and reverses the path: once per language is enough.
    urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    alternates = [
        {
            "code": code,
            "name": name,
            "url": urls[code],
            "absolute_url": request.build_absolute_uri(urls[code]),
            "bidi": code in settings.LANGUAGES_BIDI,
        }
        for code, name in settings.LANGUAGES
    ]
    current = get_language()
    return {
        "alternates": alternates,
        "default_alternate": next(a for a in alternates if a["code"] == settings.LANGUAGE_CODE),
        "canonical_url": request.build_absolute_uri(path),
        "current_language": next((a for a in alternates if a["code"] == current), alternates[0]),
    }
