"""The office's admin site: Django's, plus an inbox, a translations overview
and a language chooser for the admin itself.

It replaces the default site (``BackofficeAdminConfig`` in INSTALLED_APPS), so every
app keeps registering with ``@admin.register``.
"""

from functools import update_wrapper

from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from core.models import OutgoingEmail, Submission
from core.two_factor import lacks_required_second_factor

from .admin_language import set_admin_language
from .translation_status import (
    missing_q,
    outdated_exists,
    target_languages,
    text_fields,
    translation_counts,
)

# Objects listed per model and language on the translations page; the rest
# are one click away in the filtered list.
LISTED_PER_MODEL = 25


class OfficeAdminSite(admin.AdminSite):
    site_header = _("MiSO back office")
    site_title = _("MiSO back office")
    index_title = _("Overview")
    index_template = "admin/office_index.html"

    def login(self, request, extra_context=None):
        """Staff sign in where everyone does (django-allauth, with the second factor and
        the lock-out); the admin's own form is never shown."""
        if request.user.is_authenticated and not self.has_permission(request):
            # Signed in, but not staff: sending them to sign in would only come back here.
            raise PermissionDenied
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        return redirect_to_login(next_url, reverse("account_login"))

    def admin_view(self, view, cacheable=False):
        """Django's check, and before it: staff without their second factor set it up first."""
        checked = super().admin_view(view, cacheable)

        def inner(request, *args, **kwargs):
            if (
                request.user.is_active
                and lacks_required_second_factor(request.user)
                and request.path != reverse("admin:logout", current_app=self.name)
            ):
                messages.warning(
                    request,
                    _("Please set up two-factor sign-in: the back office requires it."),
                )
                return redirect("mfa_activate_totp")
            return checked(request, *args, **kwargs)

        return update_wrapper(inner, checked)

    def get_urls(self):
        return [
            path("translations/", self.admin_view(self.translations_view), name="translations"),
            path("language/", self.admin_view(set_admin_language), name="set-language"),
            *super().get_urls(),
        ]

    def _changelist_url(self, model):
        opts = model._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_changelist", current_app=self.name
        )

    def _change_url(self, obj):
        opts = obj._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk], current_app=self.name
        )

    def inbox(self, request):
        """New submissions per kind: every ``Submission`` model that the user may see.

        Their emails to the office are in ``outbox``.

        One query per kind.
        """
        entries = []
        for model, model_admin in self._registry.items():
            if not issubclass(model, Submission):
                continue
            if not model_admin.has_view_or_change_permission(request):
                continue
            new = model._default_manager.filter(status=Submission.NEW).count()
            url = self._changelist_url(model)
            entries.append(
                {
                    "model": model._meta.label_lower,
                    "name": model._meta.verbose_name_plural,
                    "url": url,
                    "new": new,
                    "new_url": f"{url}?status__exact={Submission.NEW}",
                }
            )
        return sorted(entries, key=lambda entry: str(entry["name"]))

    def outbox(self, request):
        """The emails waiting to be sent and those that failed, if the user may see them.

        One query.
        """
        model_admin = self._registry[OutgoingEmail]
        if not model_admin.has_view_or_change_permission(request):
            return None
        Status = OutgoingEmail.Status
        counts = OutgoingEmail.objects.aggregate(
            waiting=Count("pk", filter=Q(status__in=[Status.QUEUED, Status.SENDING])),
            failed=Count("pk", filter=Q(status=Status.FAILED)),
        )
        url = self._changelist_url(OutgoingEmail)
        return {
            "name": OutgoingEmail._meta.verbose_name_plural,
            "url": url,
            "waiting": counts["waiting"],
            "waiting_url": f"{url}?status__in={Status.QUEUED},{Status.SENDING}",
            "failed": counts["failed"],
            "failed_url": f"{url}?status__exact={Status.FAILED}",
        }

    def index(self, request, extra_context=None):
        extra_context = {
            "inbox": self.inbox(request),
            "outbox": self.outbox(request),
            **(extra_context or {}),
        }
        return super().index(request, extra_context)

    def translated_admins(self, request):
        """The registered translated models the user may edit, by name."""
        found = [
            (model, model_admin)
            for model, model_admin in self._registry.items()
            if text_fields(model) and model_admin.has_change_permission(request)
        ]
        return sorted(found, key=lambda pair: str(pair[0]._meta.verbose_name_plural))

    def translations_view(self, request):
        """Every translation that is missing or outdated, by language, with edit links.

        Per model: one query for the counts, and one per language and state that has items.
        """
        languages = target_languages()
        chosen = request.GET.get("language")
        shown = [(code, name) for code, name in languages if code == chosen] or languages
        rows = []
        sections = {code: [] for code, _name in shown}
        for model, model_admin in self.translated_admins(request):
            queryset = model_admin.get_queryset(request)
            if isinstance(model_admin.list_select_related, (list, tuple)):
                queryset = queryset.select_related(*model_admin.list_select_related)
            counts = translation_counts(queryset)
            changelist = self._changelist_url(model)
            rows.append(
                {
                    "model": model._meta.label_lower,
                    "name": model._meta.verbose_name_plural,
                    "cells": [
                        {
                            "code": code,
                            "missing": counts["missing"][code],
                            "missing_url": f"{changelist}?missing={code}",
                            "outdated": counts["outdated"][code],
                            "outdated_url": f"{changelist}?outdated={code}",
                        }
                        for code, _name in languages
                    ],
                }
            )
            for code, _name in shown:
                conditions = {
                    "missing": missing_q(model, code),
                    "outdated": outdated_exists(model, code),
                }
                states = [
                    {
                        "state": state,
                        "count": counts[state][code],
                        "url": f"{changelist}?{state}={code}",
                        "objects": [
                            {"label": str(obj), "url": self._change_url(obj)}
                            for obj in queryset.filter(condition)[:LISTED_PER_MODEL]
                        ],
                    }
                    for state, condition in conditions.items()
                    if counts[state][code]
                ]
                if states:
                    sections[code].append(
                        {"name": model._meta.verbose_name_plural, "states": states}
                    )
        context = {
            **self.each_context(request),
            "title": _("Missing and outdated translations"),
            "languages": languages,
            "chosen": chosen if len(shown) == 1 else None,
            "rows": rows,
            "sections": [
                {"code": code, "name": name, "models": sections[code]} for code, name in shown
            ],
        }
        return TemplateResponse(request, "admin/translations.html", context)
