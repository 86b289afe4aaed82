"""Spreadsheet columns for the office's list of member organisations.

Related records are named by their slug (districts, focus areas) or code
(languages), and several of them are separated by semicolons.
"""

from core.resources import ContentResource, translated_columns

from .models import MemberOrganisation


class MemberOrganisationResource(ContentResource):
    class Meta:
        model = MemberOrganisation
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name",
            "short_name",
            *translated_columns("description"),
            "district",
            "street",
            "postcode",
            "city",
            "website",
            "email",
            "phone",
            "latitude",
            "longitude",
            "focus_areas",
            "languages",
            "member_since",
            "is_active",
        ]
        widgets = {
            "district": {"field": "slug"},
            "focus_areas": {"field": "slug", "separator": ";"},
            "languages": {"field": "code", "separator": ";"},
        }
