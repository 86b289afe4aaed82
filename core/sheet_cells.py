"""How one spreadsheet cell is read and written, for every column of its type.

``ContentResource`` chooses these by the model field's type, so every resource gets
them without a line of its own. They read what office programs write: German Excel's
dates (01.02.2020), decimal commas, WAHR/FALSCH, and XLSX cells that are already dates
or numbers. A cell that cannot be read raises ``ValueError`` with the reason in the
editor's language; the import reports it with its line and column.
"""

import datetime
import re
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from html import unescape

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext
from import_export import widgets

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME = "%Y-%m-%d %H:%M:%S"
GERMAN_DATE = "%d.%m.%Y"
GERMAN_DATETIMES = ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S")
TRUE_WORDS = {"1", "true", "wahr", "ja", "yes"}
FALSE_WORDS = {"0", "false", "falsch", "nein", "no"}
# Where a reader sees a new line: after a paragraph, heading, quote or list item, at <br>.
LINE_END = re.compile(r"<br\s*/?>|</(?:p|h[1-6]|li|blockquote)\s*>", re.IGNORECASE)
HTML_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.IGNORECASE)


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def parse_number(value):
    """A number as a sheet holds it: a numeric XLSX cell, or text with a decimal comma
    or point. Thousands separators are refused rather than guessed at."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value))
    text = str(value).strip()
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise ValueError(
            gettext(
                "“%(value)s” is not a number. Write it with a decimal comma or point and "
                "without thousands separators, for example 52,3759."
            )
            % {"value": text}
        )
    return number


def plain_lines(rich_text):
    """The lines a reader sees in rich text: one per paragraph, heading, list item or
    line break, without markup."""
    flowing = re.sub(r"\s+", " ", rich_text or "")  # line breaks in HTML source are spaces
    text = unescape(strip_tags(LINE_END.sub("\n", flowing)))
    return [line.strip() for line in text.split("\n") if line.strip()]


def lookup_label(model, path):
    """The name of the field a related object is looked up by, as the admin shows it."""
    try:
        field = model._meta.pk if path == "pk" else model._meta.get_field(path)
    except FieldDoesNotExist:
        return path
    return str(field.verbose_name)


def not_found(value, model, path):
    return gettext("Not found: “%(value)s” (looked up by %(field)s).") % {
        "value": value,
        "field": lookup_label(model, path),
    }


class DateWidget(widgets.DateWidget):
    """01.02.2020 or 2020-02-01, or an XLSX date cell; written as 2020-02-01."""

    def __init__(self, **kwargs):
        super().__init__(format=ISO_DATE, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        # XLSX date cells arrive as date-times at midnight.
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        with suppress(ValueError):
            return parse_date(text) or datetime.datetime.strptime(text, GERMAN_DATE).date()
        raise ValueError(
            gettext("“%(value)s” is not a date. Write it as 01.02.2020 or 2020-02-01.")
            % {"value": text}
        )


class DateTimeWidget(widgets.DateTimeWidget):
    """01.02.2020 18:30 or 2020-02-01 18:30 (seconds optional), or an XLSX date cell,
    in local time; written as 2020-02-01 18:30:00.

    A sheet holds times to the second: what is stored finer is written without it, and
    what Excel adds by keeping times as fractions of a day is rounded off on reading.
    """

    def __init__(self, **kwargs):
        super().__init__(format=ISO_DATETIME, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        moment = value if isinstance(value, datetime.datetime) else self.parse(str(value).strip())
        moment = (moment + datetime.timedelta(microseconds=500_000)).replace(microsecond=0)
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment

    @staticmethod
    def parse(text):
        with suppress(ValueError):
            if moment := parse_datetime(text):
                return moment
        for german in GERMAN_DATETIMES:
            with suppress(ValueError):
                return datetime.datetime.strptime(text, german)
        raise ValueError(
            gettext(
                "“%(value)s” is not a date with a time. "
                "Write it as 01.02.2020 18:30 or 2020-02-01 18:30."
            )
            % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        if isinstance(value, datetime.datetime):
            value = value.replace(microsecond=0)
        return super().render(value, obj, **kwargs)


class DecimalWidget(widgets.DecimalWidget):
    """52,3759 or 52.3759, whatever the editor's admin language."""

    def clean(self, value, row=None, **kwargs):
        return None if is_blank(value) else parse_number(value)


class IntegerWidget(widgets.IntegerWidget):
    # More digits than any database integer holds; it also keeps int() cheap.
    MAX_DIGITS = 19

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        number = parse_number(value)
        if number != number.to_integral_value() or number.adjusted() >= self.MAX_DIGITS:
            raise ValueError(
                gettext("“%(value)s” is not a whole number.") % {"value": str(value).strip()}
            )
        return int(number)


class BooleanWidget(widgets.BooleanWidget):
    """1/0 as exported, TRUE/FALSE or German Excel's WAHR/FALSCH, yes/no or ja/nein.

    Anything else is refused: the library would read it as "no".
    """

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if isinstance(value, int | float) and value in (0, 1):
            word = str(int(value))
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS
        raise ValueError(
            gettext("“%(value)s” is neither yes nor no. Write 1 for yes or 0 for no.")
            % {"value": str(value).strip()}
        )


class RichTextWidget(widgets.Widget):
    """Rich text as readable text: one line per paragraph, heading, list item or break.

    A cell without markup becomes paragraphs, one per line, escaped. A cell with HTML
    is taken as HTML, which the field sanitises when it is saved. A cell still as
    exported keeps the stored text with its formatting (``ContentResource.import_field``),
    so only a cell the editor changed loses bold, links and lists.
    """

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return ""
        text = str(value)
        if HTML_TAG.search(text):
            return text
        return "".join(
            format_html("<p>{}</p>", line.strip()) for line in text.splitlines() if line.strip()
        )

    def render(self, value, obj=None, **kwargs):
        return "\n".join(plain_lines(value))


class ForeignKeyWidget(widgets.ForeignKeyWidget):
    """A related object named by one of its fields (a slug, a German name); a name
    that matches none, or several, is refused with the name."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, str):
            value = value.strip()
        try:
            return super().clean(value, row, **kwargs)
        except self.model.MultipleObjectsReturned:
            raise ValueError(
                gettext("“%(value)s” matches more than one entry (looked up by %(field)s).")
                % {"value": value, "field": lookup_label(self.model, self.field)}
            ) from None
        except (ObjectDoesNotExist, ValueError, ValidationError):
            # ValueError and ValidationError: a text where the key is a number or UUID.
            raise ValueError(not_found(value, self.model, self.field)) from None


class ManyToManyWidget(widgets.ManyToManyWidget):
    """Several related objects named by one of their fields; a name that matches none
    is refused instead of being left out."""

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            names = []
        elif isinstance(value, int | float):
            names = [str(int(value))]
        else:
            names = [name.strip() for name in str(value).split(self.separator) if name.strip()]
        found = self.model.objects.filter(**{f"{self.field}__in": names})
        try:
            known = {str(key) for key in found.values_list(self.field, flat=True)}
        except (ValueError, ValidationError):
            known = set()
        missing = [name for name in names if name not in known]
        if missing:
            raise ValueError(" ".join(not_found(name, self.model, self.field) for name in missing))
        return found
