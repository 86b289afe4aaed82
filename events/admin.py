from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from backoffice.admin import SpreadsheetMixin, TranslatedAdmin

from .models import Event, OccurrenceChange, Venue
from .resources import EventResource


@admin.register(Venue)
class VenueAdmin(TranslatedAdmin):
    list_display = ["name", "street", "district"]
    list_select_related = ["district"]
    search_fields = ["name", "street", "postcode"]
    fieldsets = [
        (None, {"fields": ["name", "room", "street", "postcode", "city", "district"]}),
        (_("Accessibility"), {"fields": ["access_note"]}),
    ]


class OccurrenceChangeInline(admin.TabularInline):
    """Single dates of a series cancelled or moved; the series' rule stays as it is."""

    model = OccurrenceChange
    extra = 0
    fields = ["date", "is_cancelled", "starts_at", "ends_at"]


@admin.register(Event)
class EventAdmin(SpreadsheetMixin, TranslatedAdmin):
    resource_classes = [EventResource]
    inlines = [OccurrenceChangeInline]
    list_display = ["title", "starts_at", "repeat", "venue", "status"]
    list_filter = ["members_only", "is_cancelled", "repeat", "registration", "starts_at"]
    list_select_related = ["venue"]
    ordering = ["-starts_at", "-pk"]
    search_fields = ["title", "slug", "venue__name", "other_presenters"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title_de"]}
    autocomplete_fields = ["venue", "organisations"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description"]}),
        (_("Date and time"), {"fields": ["starts_at", "ends_at", "all_day"]}),
        (
            _("Repetition"),
            {
                "fields": ["repeat", "repeat_until", "repeat_count"],
                "description": _(
                    "A regular event is entered once. Cancel or move single dates below, "
                    "under 'Cancelled or moved dates'."
                ),
            },
        ),
        (_("Place and presenters"), {"fields": ["venue", "organisations", "other_presenters"]}),
        (
            _("Entry and registration"),
            {
                "fields": [
                    "is_free",
                    "price",
                    "registration",
                    "registration_email",
                    "registration_url",
                    "registration_deadline",
                ]
            },
        ),
        (_("Visibility"), {"fields": ["members_only", "is_cancelled"]}),
        (_("Publishing"), {"fields": ["is_published", "published_at", "updated_at"]}),
        (_("Image"), {"fields": ["image"]}),
    ]

    def status_badges(self, event):
        badges = super().status_badges(event)
        if event.is_cancelled:
            badges.append(("cancelled", _("cancelled")))
        return badges
