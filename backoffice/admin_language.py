"""The admin in each staff member's own language, whatever language they edit.

The choice is stored per user (``EditorPreference``), so it follows them to any
browser, and kept in the session, so it costs one query per session. Public
pages are unaffected: their language comes from the URL.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .models import EditorPreference

SESSION_KEY = "admin_language"


def admin_language(request):
    """The language the signed-in staff member chose for the admin, or None."""
    if SESSION_KEY not in request.session:
        chosen = (
            EditorPreference.objects.filter(user=request.user)
            .values_list("language", flat=True)
            .first()
        )
        request.session[SESSION_KEY] = chosen or ""
    language = request.session[SESSION_KEY]
    return language if language in dict(settings.LANGUAGES) else None


class AdminLanguageMiddleware:
    """Activates the staff member's admin language on admin pages.

    Place it after ``AuthenticationMiddleware``; it overrides what
    ``LocaleMiddleware`` chose from the browser.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.user.is_authenticated
            and request.user.is_staff
            and request.path_info.startswith(reverse("admin:index"))
            and (language := admin_language(request))
        ):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


@require_POST
def set_admin_language(request):
    """Save the admin language chosen in the admin header and go back."""
    language = request.POST.get("language")
    if language in dict(settings.LANGUAGES):
        EditorPreference.objects.update_or_create(
            user=request.user, defaults={"language": language}
        )
        request.session[SESSION_KEY] = language
    next_url = request.POST.get("next")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("admin:index")
    return HttpResponseRedirect(next_url)
