"""Spreadsheet files as office programs save them, for django-import-export.

German Excel saves CSV with semicolons and in Windows-1252 unless told otherwise
("CSV UTF-8" adds a byte order mark); others use commas and UTF-8. A file that
cannot be read raises ``SheetError`` or its own exception; the admin shows the
editor a sentence, never the exception.
"""

import csv
import io

import tablib
from django.utils.translation import gettext
from import_export.formats import base_formats

from .resources import SheetError

DELIMITERS = ";,"


def unreadable():
    return SheetError(
        gettext(
            "This file cannot be read. Save it from your spreadsheet program as CSV or as "
            "an Excel workbook (.xlsx), and choose that format."
        )
    )


def no_rows():
    return SheetError(gettext("This file has no rows below its header row."))


def decode(data):
    """UTF-8 (with or without a byte order mark) when it is, else Windows-1252."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise unreadable() from None
    if "\x00" in text:  # no text file has these; a workbook or an image does
        raise unreadable()
    return text


def delimiter(text):
    """Semicolon or comma, as the header row shows: its column names contain neither."""
    header = text.partition("\n")[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=DELIMITERS).delimiter
    except csv.Error:  # a single column
        return ","


class CSV(base_formats.CSV):
    """Reads bytes and finds the encoding and delimiter itself; writes UTF-8 with a byte
    order mark, by which Excel recognises UTF-8."""

    def is_binary(self):
        # Bytes in and out: the admin neither decodes the upload nor encodes the export.
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        text = decode(in_stream)
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
        header = [name.strip() for name in next(rows, [])]
        dataset = tablib.Dataset(headers=header)
        for line, cells in enumerate(rows, start=2):
            extra = cells[len(header) :]
            if any(cell.strip() for cell in extra):
                raise SheetError(
                    gettext("Line %(line)s has more cells than line 1 has column names.")
                    % {"line": line}
                )
            # Rows keep their place, even empty ones, so that line numbers stay right.
            dataset.append(cells[: len(header)] + [""] * (len(header) - len(cells)))
        if not dataset:
            raise no_rows()
        return dataset

    def export_data(self, dataset, **kwargs):
        return ("\ufeff" + super().export_data(dataset, **kwargs)).encode()


class XLSX(base_formats.XLSX):
    """The library's XLSX import (date cells arrive as dates), refusing a sheet with
    nothing below its header in the editor's language. Exports use the library's own
    class: it writes dates and numbers as native cells for that exact class only."""

    def create_dataset(self, in_stream):
        dataset = super().create_dataset(in_stream)
        if not dataset:
            raise no_rows()
        return dataset
