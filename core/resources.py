"""Spreadsheet rows for django-import-export, shared by every app's ``resources.py``.

A translated field becomes one column per language (``name_de``, ``name_en`` ...),
so the office can hand a sheet to a translator and import it back.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
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
    """Rows are checked as the admin's form checks them, with the reason per field,
    and rows that would change nothing are left out of the import."""

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # Like a ModelForm: the model's rules and the columns the sheet has; fields
        # it has no column for (derived ones, images) are left to the model.
        errors = dict(import_validation_errors or {})
        in_sheet = {field.attribute for field in self.get_import_fields()}
        not_in_sheet = [field.name for field in instance._meta.fields if field.name not in in_sheet]
        try:
            instance.full_clean(exclude=[*errors, *not_in_sheet], validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
