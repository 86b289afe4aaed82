"""Spreadsheet columns for the office's list of member organisations.

Related records are named by their slug (districts, focus areas) or code
(languages), and several of them are separated by semicolons.
"""

from import_export import fields, widgets

from core.resources import ContentResource, translated_columns

from .models import District, FocusArea, Language, MemberOrganisation


class MemberOrganisationResource(ContentResource):
    district = fields.Field(
        attribute="district",
        column_name="district",
        widget=widgets.ForeignKeyWidget(District, field="slug"),
    )
    focus_areas = fields.Field(
        attribute="focus_areas",
        column_name="focus_areas",
        widget=widgets.ManyToManyWidget(FocusArea, field="slug", separator=";"),
    )
    languages = fields.Field(
        attribute="languages",
        column_name="languages",
        widget=widgets.ManyToManyWidget(Language, field="code", separator=";"),
    )

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
