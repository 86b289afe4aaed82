"""The emails the site sends, for the office: what waits, what was sent, what failed.

Read-only: an email is what the site wrote. A failed one can be sent again (the action
gives it a fresh series of attempts) or deleted.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import OutgoingAttachment
from core.tasks import send_again


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

    @admin.action(description=_("Send the chosen emails again"), permissions=["change"])
    def send_again(self, request, queryset):
        count = send_again(queryset)
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
