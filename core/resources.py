"""Spreadsheet rows for django-import-export, shared by every app's ``resources.py``.

A translated field becomes one column per language (``name_de``, ``name_en`` ...),
so the office can hand a sheet to a translator and import it back. Each column is
read and written by the widget for its model field's type (``core.sheet_cells``);
a related object is named by the field that ``Meta.widgets`` gives, for example
``widgets = {"district": {"field": "slug"}}``.

The round trip, export → edit in a spreadsheet program → import: rich text is
exported as plain text, one line per paragraph, and times to the second. A cell that
still says what the export wrote keeps the stored value, with its formatting and its
fractions of a second, and so does one that lost its Arabic or Cyrillic letters to a
Windows-1252 save; a row nobody touched changes nothing and is skipped. A rich-text
cell that was edited becomes plain paragraphs (or HTML, if it holds tags).
"""

import functools
import logging

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext
from import_export import resources, widgets
from import_export.results import Result
from modeltranslation.utils import build_localized_fieldname

from . import sheet_cells
from .fields import RichTextField

logger = logging.getLogger(__name__)

# A cell that starts so is run as a formula by spreadsheet programs: names from public
# forms could carry one. Exported behind an apostrophe, read back without it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The library's widget for each field type, and ours where office files need more.
OWN_WIDGETS = {
    widgets.DateWidget: sheet_cells.DateWidget,
    widgets.DateTimeWidget: sheet_cells.DateTimeWidget,
    widgets.DecimalWidget: sheet_cells.DecimalWidget,
    widgets.IntegerWidget: sheet_cells.IntegerWidget,
    widgets.BooleanWidget: sheet_cells.BooleanWidget,
}


def translated_columns(*field_names):
    """``translated_columns("name")`` → ``["name_de", "name_en", ..., "name_ar"]``."""
    return [
        build_localized_fieldname(name, code)
        for name in field_names
        for code, _language in settings.LANGUAGES
    ]


class SheetError(Exception):
    """A sheet that cannot be imported at all; the message is written for the editor."""


def refusal(line, column, reason):
    if column == NON_FIELD_ERRORS:
        return gettext("Line %(line)s: %(reason)s") % {"line": line, "reason": reason}
    return gettext("Line %(line)s, column “%(column)s”: %(reason)s") % {
        "line": line,
        "column": column,
        "reason": reason,
    }


class SheetResult(Result):
    def refusals(self):
        """Why the sheet cannot be imported: one sentence per reason, in the order of the
        sheet's lines and columns, naming both. Lines count as spreadsheet programs show
        them, the header row being line 1. Exceptions are never shown: their text is for
        the log (``ContentResource.import_row``, ``handle_import_error``)."""
        if self.base_errors:
            return [
                str(error.error)
                if isinstance(error.error, SheetError)
                else gettext("The file could not be imported. Nothing has been saved.")
                for error in self.base_errors
            ]
        place = {column: index for index, column in enumerate(self.diff_headers)}
        refusals = [
            ((row.number, place.get(column, -1)), refusal(row.number + 1, column, reason))
            for row in self.invalid_rows
            for column, reasons in row.error_dict.items()
            for reason in reasons
        ]
        refusals += [
            ((number, -1), gettext("Line %(line)s could not be imported.") % {"line": number + 1})
            for number, _errors in self.row_errors()
        ]
        return [message for _place, message in sorted(refusals, key=lambda item: item[0])]


class ContentResource(resources.ModelResource):
    """Rows are checked as the admin's form checks them, with the reason per column,
    and rows that would change nothing are left out of the import."""

    WIDGETS_MAP = {
        type_name: OWN_WIDGETS.get(widget, widget)
        for type_name, widget in resources.ModelResource.WIDGETS_MAP.items()
    }

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if isinstance(f, RichTextField):
            return sheet_cells.RichTextWidget
        return super().widget_from_django_field(f, default)

    @classmethod
    def get_fk_widget(cls, field):
        return functools.partial(
            sheet_cells.ForeignKeyWidget, **super().get_fk_widget(field).keywords
        )

    @classmethod
    def get_m2m_widget(cls, field):
        return functools.partial(
            sheet_cells.ManyToManyWidget, **super().get_m2m_widget(field).keywords
        )

    def get_result_class(self):
        return SheetResult

    def sheet_columns(self):
        """The sheet's column for each field imported, by attribute and by model field name."""
        columns = {field.attribute: field.column_name for field in self.get_import_fields()}
        for model_field in self._meta.model._meta.concrete_fields:
            if model_field.attname in columns:
                columns.setdefault(model_field.name, columns[model_field.attname])
        return columns

    def before_import(self, dataset, **kwargs):
        # Without its key column no row can be matched; the library would say so in
        # English and go on. Without "id" every row is new, as the library has it.
        if self.get_import_id_fields() == ["id"]:
            return
        for name in self.get_import_id_fields():
            column = self.fields[name].column_name
            if column not in (dataset.headers or []):
                raise SheetError(
                    gettext(
                        "The sheet has no column “%(column)s”. It says which entry each row "
                        "is: keep it as the export wrote it."
                    )
                    % {"column": column}
                )

    def handle_import_error(self, result, error, raise_errors=False):
        if not isinstance(error, SheetError):
            logger.error("Spreadsheet could not be imported", exc_info=error)
        super().handle_import_error(result, error, raise_errors)

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            return f"'{value}"
        return value

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        for column, value in row.items():
            if isinstance(value, str) and value[:1] == "'" and value[1:].startswith(FORMULA_START):
                row[column] = value[1:]

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        for error in row_result.errors:
            # The editor is told the line only (SheetResult.refusals); the cause is logged.
            logger.error(
                "Spreadsheet line %s could not be imported", error.number + 1, exc_info=error.error
            )
        return row_result

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # Many-to-many cells are saved after the row: read them now, so that a name
        # matching nothing is reported with the row's other reasons.
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # A cell that still says what the export wrote keeps the stored value: a sheet
        # shows rich text without formatting and times to the second, and must not
        # overwrite what it cannot show.
        if (
            not is_m2m
            and instance.pk is not None
            and field.column_name in row
            and self.shows_stored_value(field, instance, row[field.column_name])
        ):
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    @staticmethod
    def shows_stored_value(field, instance, cell):
        exported = field.export(instance)
        # German Excel saves CSV in Windows-1252 with "?" for each letter it lacks
        # (Arabic, Cyrillic): a cell that reads so is the stored text, not an edit.
        readings = {exported}
        if isinstance(exported, str):
            readings.add(exported.encode("cp1252", errors="replace").decode("cp1252"))
        try:
            value = field.widget.clean(cell)
            return any(value == field.widget.clean(reading) for reading in readings)
        except ValueError:
            return False

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # Spreadsheet programs keep empty rows that were once formatted; leaving them
        # out keeps the line numbers of the others.
        if all(sheet_cells.is_blank(value) for value in row.values()):
            return True
        return super().skip_row(instance, original, row, import_validation_errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # Like a ModelForm: the model's rules and the columns the sheet has; fields
        # it has no column for (derived ones, images) are left to the model.
        columns = self.sheet_columns()
        errors = dict(import_validation_errors or {})
        not_in_sheet = [field.name for field in instance._meta.fields if field.name not in columns]
        try:
            instance.full_clean(exclude=[*errors, *not_in_sheet], validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            # Named by the column the editor sees in the sheet.
            by_column = {}
            for name, reasons in errors.items():
                by_column.setdefault(columns.get(name, name), []).extend(reasons)
            raise ValidationError(by_column)
