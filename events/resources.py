"""Spreadsheet columns for the office's list of events.

The venue is named by its German name, member organisations by their slugs, separated
by semicolons; times are local (Europe/Berlin).
"""

from core.resources import ContentResource, translated_columns

from .models import Event


class EventResource(ContentResource):
    class Meta:
        model = Event
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *translated_columns("title", "description"),
            "starts_at",
            "ends_at",
            "all_day",
            "repeat",
            "repeat_until",
            "repeat_count",
            "venue",
            "organisations",
            "other_presenters",
            "is_free",
            *translated_columns("price"),
            "registration",
            "registration_email",
            "registration_url",
            "registration_deadline",
            "members_only",
            "is_cancelled",
            "is_published",
            "published_at",
        ]
        widgets = {
            # The German column: the bare name would follow the admin's language.
            "venue": {"field": "name_de"},
            "organisations": {"field": "slug", "separator": ";"},
        }
