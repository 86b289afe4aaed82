"""Spreadsheet columns for the office's list of people; the organisation is named by its slug."""

from import_export import fields, widgets

from core.resources import ContentResource
from members.models import MemberOrganisation

from .models import Person


class PersonResource(ContentResource):
    organisation = fields.Field(
        attribute="organisation",
        column_name="organisation",
        widget=widgets.ForeignKeyWidget(MemberOrganisation, field="slug"),
    )

    class Meta:
        model = Person
        fields = ["id", "title", "first_name", "last_name", "organisation", "email"]
