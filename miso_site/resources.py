"""Spreadsheet rows for django-import-export, shared by every app's ``resources.py``.

A translated field becomes one column per language (``name_de``, ``name_en`` ...),
so the office can hand a sheet to a translator and import it back.
"""

from django.conf import settings
from import_export import resources
from modeltranslation.utils import build_localized_fieldname


def translated_columns(*field_names):
    """``translated_columns("name")`` → ``["name_de", "name_en", ..., "name_ar"]``."""
    return [
        build_localized_fieldname(name, code)
        for name in field_names
        for code, _language in settings.LANGUAGES
    ]


class ContentResource(resources.ModelResource):
    """Rows are checked like the admin form checks them (model validation, with the
    reason per field), and rows that would change nothing are left out of the import."""

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
