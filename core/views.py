from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic.edit import FormView

from . import health
from .mail import announce_submission
from .proxies import client_address


def is_filtered(request):
    """Does a list's address choose a filter (anything but the page number)?

    Unfiltered, a list's filter form is the same for everyone until content changes,
    and is shown from a cached fragment.
    """
    return any(value for key, value in request.GET.items() if key != "page")


class StoredSubmissionView(FormView):
    """A public form for a ``Submission``: stored first, then announced to the office.

    The office's email is queued, never sent in the request (``core.mail``): a slow
    or failing mail server costs the visitor nothing, and the admin's inbox shows the
    emails that wait or failed.

    A bot that filled in the hidden field gets the same thank-you page as
    everybody, so it cannot tell that it was caught; nothing is stored or sent.
    """

    notification_subject = ""
    notification_template = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["client_address"] = client_address(self.request)
        return kwargs

    def prepare(self, submission):
        """Set fields the form does not ask for, before the first save."""

    def form_valid(self, form):
        if form.is_from_bot:
            return redirect(self.get_success_url())
        submission = form.save(commit=False)
        submission.language = get_language()
        self.prepare(submission)
        submission.save()
        form.save_m2m()
        announce_submission(submission, self.notification_subject, self.notification_template)
        return redirect(self.get_success_url())


def csrf_failure(request, reason=""):
    """A form sent without a valid security token: a page in the visitor's language."""
    return render(request, "403_csrf.html", status=403)


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    """For the load balancer, within a second whatever hangs (core/health.py).

    One line says the state, one line each dependency. 503 ("unavailable") while the
    database does not answer; 200 otherwise, "degraded" while only the cache is away:
    every server shares the one Redis, so taking them out of the load balancer would
    stop a site that still serves its pages, only slower.
    """
    answers = health.check()
    if not answers["database"]:
        state, status = "unavailable", 503
    else:
        state, status = ("ok" if all(answers.values()) else "degraded"), 200
    lines = [state, *(f"{name}: {'ok' if ok else 'unavailable'}" for name, ok in answers.items())]
    return HttpResponse("\n".join([*lines, ""]), status=status, content_type="text/plain")
