"""Spreadsheet columns for the office's list of events.

The venue is named by its German name, member organisations by their slugs, separated
by semicolons; times are local (Europe/Berlin).
"""

from import_export.fields import Field

from core.resources import ContentResource, translated_columns

from .models import Event, Registration


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


class RegistrationResource(ContentResource):
    """The registrations as the office hands them out: a list of names for the door,
    with the answers to the event's questions in one column."""

    answers = Field(attribute="answers", column_name="answers", readonly=True)

    class Meta:
        model = Registration
        fields = [
            "event",
            "occurrence_start",
            "name",
            "email",
            "place",
            "attended",
            "answers",
            "language",
            "created_at",
        ]
        widgets = {"event": {"field": "title_de"}}

    def get_queryset(self):
        return super().get_queryset().select_related("event")

    def dehydrate_answers(self, registration):
        return "; ".join(f"{item['question']}: {item['answer']}" for item in registration.answers)
