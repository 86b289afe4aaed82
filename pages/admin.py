from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from backoffice.admin import TranslatedAdmin

from .models import Association, ContactMessage, OpeningHours, Page, Principle


@admin.register(Page)
class PageAdmin(TranslatedAdmin):
    list_display = ["title", "key", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        # The site has a fixed set of pages; each is edited, never added.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Principle)
class PrincipleAdmin(TranslatedAdmin):
    list_display = ["__str__", "order"]
    list_editable = ["order"]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Association)
class AssociationAdmin(TranslatedAdmin):
    inlines = [OpeningHoursInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "founded"]}),
        (
            _("Address and contact"),
            {"fields": ["street", "address_extra", "postcode", "city", "phone", "email"]},
        ),
        (_("Register"), {"fields": ["register_court", "register_number"]}),
        (_("Texts"), {"fields": ["opening_note", "directions", "funders_line"]}),
    ]

    def has_add_permission(self, request):
        return not Association.objects.exists()


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "name", "kind", "status", "office_notified", "created_at"]
    list_filter = ["status", "kind", "office_notified"]
    search_fields = ["name", "email", "subject", "message"]
    readonly_fields = [
        "kind",
        "name",
        "email",
        "subject",
        "message",
        "page_url",
        "language",
        "office_notified",
        "created_at",
    ]
    list_editable = ["status"]

    def has_add_permission(self, request):
        return False
