"""The emails the site sends, for the office: what waits, what was sent, what failed.

Read-only: an email is what the site wrote. A failed or waiting one can be sent again
(the list's action, or the button on its page, gives it a fresh series of attempts) or
deleted.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import tasks
from core.models import OutgoingAttachment, OutgoingEmail


class OutgoingAttachmentInline(admin.TabularInline):
    model = OutgoingAttachment
    fields = ["filename", "mimetype"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "recipients",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
    ]
    list_filter = ["status"]
    search_fields = ["subject"]
    date_hierarchy = "created_at"
    fields = [
        "recipients",
        "subject",
        "body",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
    ]
    readonly_fields = fields
    inlines = [OutgoingAttachmentInline]
    actions = ["send_again"]

    @admin.display(description=_("recipients"))
    def recipients(self, email):
        return ", ".join(email.to)

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/send-again/",
                self.admin_site.admin_view(self.send_again_view),
                name="core_outgoingemail_send_again",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        email = self.get_object(request, object_id)
        extra_context = {
            "can_send_again": email is not None
            and email.status in tasks.SENDABLE_AGAIN
            and self.has_change_permission(request, email),
            # Every field is read-only: there is nothing to save.
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def send_again_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        email = get_object_or_404(OutgoingEmail, pk=pk)
        if not self.has_change_permission(request, email):
            raise PermissionDenied
        self.say_queued(request, tasks.send_again(OutgoingEmail.objects.filter(pk=email.pk)))
        return redirect("admin:core_outgoingemail_change", email.pk)

    @admin.action(description=_("Send the chosen emails again"), permissions=["change"])
    def send_again(self, request, queryset):
        self.say_queued(request, tasks.send_again(queryset))

    def say_queued(self, request, count):
        self.message_user(
            request,
            ngettext(
                "%(count)d email is queued to be sent again.",
                "%(count)d emails are queued to be sent again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )
