"""Spreadsheet columns for the office's list of people; the organisation is named by its slug."""

from core.resources import ContentResource

from .models import Person


class PersonResource(ContentResource):
    class Meta:
        model = Person
        fields = ["id", "title", "first_name", "last_name", "organisation", "email"]
        widgets = {"organisation": {"field": "slug"}}
