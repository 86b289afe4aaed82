"""Spreadsheet columns for the office's list of events.

The venue is named by its German name, member organisations by their slugs, separated
by semicolons; times are local (Europe/Berlin).
"""

from import_export import fields, widgets

from core.resources import ContentResource, translated_columns
from members.models import MemberOrganisation

from .models import Event, Venue


class EventResource(ContentResource):
    venue = fields.Field(
        attribute="venue",
        column_name="venue",
        # The German column: the bare name would follow the admin's language.
        widget=widgets.ForeignKeyWidget(Venue, field="name_de"),
    )
    organisations = fields.Field(
        attribute="organisations",
        column_name="organisations",
        widget=widgets.ManyToManyWidget(MemberOrganisation, field="slug", separator=";"),
    )

    class Meta:
        model = Event
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *translated_columns("title", "description"),
            "starts_at",
            "ends_at",
            "all_day",
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
