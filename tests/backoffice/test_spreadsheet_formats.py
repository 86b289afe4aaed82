"""Sheets as office programs write them: German Excel's CSV, XLSX, and the round trip
export → edit → import; refused rows explained by line, column and reason."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from events.models import Event
from members.models import MemberOrganisation
from tests.events.factories import berlin, make_event, make_venue
from tests.languages import LANGUAGE_CODES
from tests.members.factories import (
    make_district,
    make_focus_area,
    make_language,
    make_organisation,
)

from .admin_forms import CSV, XLSX, confirm, upload
from .factories import make_staff
from .test_spreadsheets import ORGANISATIONS, export

pytestmark = pytest.mark.django_db

EVENTS = "admin:events_event"
FORMATTED = (
    "<h2>Angebote</h2><p>Beratung <strong>auf Deutsch</strong> und "
    '<a href="https://kargah.de/">online</a></p><ul><li>Sprachkurse</li><li>Feste</li></ul>'
)


def editor(client, admin_language="en"):
    client.force_login(make_staff(groups=["Office"], admin_language=admin_language))


def refusals(response):
    return list(response.context["result"].refusals())


def totals(response):
    """How many rows of the previewed sheet are new, changed and skipped."""
    counts = response.context["result"].totals
    return counts["new"], counts["update"], counts["skip"]


def workbook(*rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def exported_cell(response, file_format, column):
    """The first data row's cell in ``column`` of an exported CSV or XLSX file."""
    if file_format == CSV:
        text = response.getvalue().decode("utf-8-sig")
        return next(csv.DictReader(io.StringIO(text, newline="")))[column]
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    header = [cell.value for cell in sheet[1]]
    return sheet[2][header.index(column)].value


def test_a_semicolon_csv_from_german_excel_in_windows_1252_imports_every_row(client):
    editor(client)
    make_district(name="Linden-Nord", slug="linden-nord")
    make_district(name="Döhren", slug="doehren")
    sheet = (
        "slug;name;description_de;district;latitude;longitude;member_since;is_active\r\n"
        "bruecke;Brücke für Alle e.V.;Beratung, Eintritt 5 €;linden-nord;52,3759;9,7320;"
        "01.02.2020;WAHR\r\n"
        "strasse;Straßenfest Döhren;Feste im Viertel;doehren;52,3512;9,7702;2019-11-15;FALSCH\r\n"
    ).encode("cp1252")
    confirm(client, ORGANISATIONS, upload(client, ORGANISATIONS, sheet))
    imported = MemberOrganisation.objects.order_by("slug").values_list(
        "slug",
        "name",
        "description_de",
        "district__slug",
        "latitude",
        "longitude",
        "member_since",
        "is_active",
    )
    assert list(imported) == [
        (
            "bruecke",
            "Brücke für Alle e.V.",
            "<p>Beratung, Eintritt 5 €</p>",
            "linden-nord",
            Decimal("52.3759"),
            Decimal("9.7320"),
            datetime.date(2020, 2, 1),
            True,
        ),
        (
            "strasse",
            "Straßenfest Döhren",
            "<p>Feste im Viertel</p>",
            "doehren",
            Decimal("52.3512"),
            Decimal("9.7702"),
            datetime.date(2019, 11, 15),
            False,
        ),
    ]


def test_a_utf8_csv_with_a_byte_order_mark_keeps_its_first_column(client):
    editor(client)
    make_organisation(slug="kargah", name="Kargah")
    sheet = "\ufeffslug;name;description_de\r\nkargah;kargah e.V.;Beratung\r\n".encode()
    preview = upload(client, ORGANISATIONS, sheet)
    assert totals(preview) == (0, 1, 0)
    confirm(client, ORGANISATIONS, preview)
    assert MemberOrganisation.objects.get().name == "kargah e.V."


def test_event_times_in_german_notation_are_local_time(client):
    editor(client)
    sheet = (
        "slug;title_de;starts_at;ends_at\r\nfest;Sommerfest;01.07.2027 18:30;01.07.2027 22:00\r\n"
    )
    confirm(client, EVENTS, upload(client, EVENTS, sheet))
    event = Event.objects.get()
    assert (event.starts_at, event.ends_at) == (berlin(2027, 7, 1, 18, 30), berlin(2027, 7, 1, 22))


def test_xlsx_date_and_number_cells_are_read_as_they_are(client):
    editor(client)
    sheet = workbook(
        ["slug", "name", "description_de", "member_since", "latitude", "longitude"],
        ["kargah", "kargah e.V.", "Beratung", datetime.datetime(2020, 2, 1), 52.3759, 9.732],
    )
    confirm(client, ORGANISATIONS, upload(client, ORGANISATIONS, sheet, "list.xlsx", XLSX))
    organisation = MemberOrganisation.objects.get()
    assert (organisation.member_since, organisation.latitude, organisation.longitude) == (
        datetime.date(2020, 2, 1),
        Decimal("52.3759"),
        Decimal("9.732"),
    )


BROKEN_ROWS = {
    "bad date": ("linden-nord;Text;31.02.2020", "member_since"),
    "unknown district": ("mars;Text;01.02.2020", "district"),
    "missing German text": ("linden-nord;;01.02.2020", "description_de"),
}
REFUSALS = {
    ("en", "bad date"): "Line 2, column “member_since”: “31.02.2020” is not a date. "
    "Write it as 01.02.2020 or 2020-02-01.",
    ("en", "unknown district"): "Line 2, column “district”: Not found: “mars” (looked up by slug).",
    ("en", "missing German text"): "Line 2, column “description_de”: This field cannot be blank.",
    ("de", "bad date"): "Zeile 2, Spalte „member_since“: „31.02.2020“ ist kein Datum. "
    "Schreiben Sie es als 01.02.2020 oder 2020-02-01.",
    ("de", "unknown district"): "Zeile 2, Spalte „district“: Nicht gefunden: „mars“ "
    "(gesucht nach URL-Kürzel).",
    ("de", "missing German text"): "Zeile 2, Spalte „description_de“: "
    "Dieses Feld darf nicht leer sein.",
}


def broken_sheet(case):
    cells, _column = BROKEN_ROWS[case]
    return f"slug;name;district;description_de;member_since\r\nv;Verein;{cells}\r\n"


@pytest.mark.parametrize(("admin_language", "case"), REFUSALS)
def test_a_refused_row_names_line_column_and_reason_in_the_admin_language(
    client, admin_language, case
):
    editor(client, admin_language)
    make_district(name="Linden-Nord", slug="linden-nord")
    response = upload(client, ORGANISATIONS, broken_sheet(case))
    assert refusals(response) == [REFUSALS[admin_language, case]]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_refusals_are_written_in_each_admin_language(client, code):
    editor(client, code)
    make_district(name="Linden-Nord", slug="linden-nord")
    (refusal,) = refusals(upload(client, ORGANISATIONS, broken_sheet("unknown district")))
    assert "2" in refusal and "district" in refusal and "mars" in refusal
    assert ("Line" in refusal or "Not found" in refusal) == (code == "en")


def test_the_preview_page_lists_the_refusals_without_exception_text(client):
    editor(client)
    response = upload(client, ORGANISATIONS, broken_sheet("unknown district"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<li>Line 2, column “district”: Not found: “mars” (looked up by slug).</li>" in html
    assert "matching query does not exist" not in html and "Traceback" not in html


def test_a_rule_across_columns_is_reported_with_its_line(client):
    editor(client)
    sheet = "slug;title_de;starts_at;ends_at\r\nfest;Fest;01.07.2027 18:30;30.06.2027 18:30\r\n"
    assert refusals(upload(client, EVENTS, sheet)) == [
        "Line 2: An event cannot end before it starts."
    ]


def test_a_row_that_fails_for_another_reason_names_its_line_but_not_the_exception(
    client, monkeypatch
):
    editor(client)

    def refuse(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(MemberOrganisation, "save", refuse)
    response = upload(client, ORGANISATIONS, "slug;name;description_de\r\nv;Verein;Text\r\n")
    assert refusals(response) == ["Line 2 could not be imported."]
    assert "duplicate key" not in response.content.decode()


def test_an_unknown_focus_area_is_refused_instead_of_left_out(client):
    editor(client)
    make_focus_area(name="Bildung", slug="bildung")
    sheet = 'slug;name;description_de;focus_areas\r\nv;Verein;Text;"bildung;sport"\r\n'
    assert refusals(upload(client, ORGANISATIONS, sheet)) == [
        "Line 2, column “focus_areas”: Not found: “sport” (looked up by slug)."
    ]


def test_a_word_that_is_neither_yes_nor_no_is_refused(client):
    editor(client)
    sheet = "slug;name;description_de;is_active\r\nv;Verein;Text;vielleicht\r\n"
    assert refusals(upload(client, ORGANISATIONS, sheet)) == [
        "Line 2, column “is_active”: “vielleicht” is neither yes nor no. "
        "Write 1 for yes or 0 for no."
    ]


def test_empty_rows_are_skipped_and_the_lines_after_them_keep_their_numbers(client):
    editor(client)
    sheet = (
        "slug;name;description_de;member_since\r\n"
        "a;Verein A;Text;01.02.2020\r\n"
        ";;;\r\n"
        "b;Verein B;Text;gestern\r\n"
    )
    assert refusals(upload(client, ORGANISATIONS, sheet)) == [
        "Line 4, column “member_since”: “gestern” is not a date. "
        "Write it as 01.02.2020 or 2020-02-01."
    ]


def test_a_sheet_without_its_key_column_is_refused_with_the_reason(client):
    editor(client)
    response = upload(client, ORGANISATIONS, "name;description_de\r\nVerein;Text\r\n")
    assert refusals(response) == [
        "The sheet has no column “slug”. It says which entry each row is: "
        "keep it as the export wrote it."
    ]


UNREADABLE = (
    "This file cannot be read. Save it from your spreadsheet program as CSV or as an Excel "
    "workbook (.xlsx), and choose that format."
)
NO_ROWS = "This file has no rows below its header row."


@pytest.mark.parametrize(
    ("content", "name", "file_format", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "logo.png", CSV, UNREADABLE),
        (b"slug;name\r\nv;Verein\r\n", "list.csv", XLSX, UNREADABLE),
        (b"PK\x03\x04 not really a workbook", "list.xlsx", XLSX, UNREADABLE),
        (b"slug;name;description_de\r\n", "list.csv", CSV, NO_ROWS),
        (workbook(["slug", "name"]), "list.xlsx", XLSX, NO_ROWS),
    ],
    ids=["image as CSV", "CSV as XLSX", "broken XLSX", "CSV header only", "XLSX header only"],
)
def test_a_file_that_cannot_be_read_is_explained_on_the_form(
    client, content, name, file_format, message
):
    editor(client)
    response = upload(client, ORGANISATIONS, content, name, file_format)
    assert response.status_code == 200
    assert response.context["form"].errors["import_file"] == [message]


def test_an_unreadable_file_is_explained_in_the_admin_language(client):
    editor(client, "de")
    response = upload(client, ORGANISATIONS, b"slug;name\r\nv;Verein\r\n", "list.csv", XLSX)
    assert response.context["form"].errors["import_file"] == [
        "Diese Datei lässt sich nicht lesen. Speichern Sie sie in Ihrem Tabellenprogramm als "
        "CSV oder als Excel-Arbeitsmappe (.xlsx) und wählen Sie dieses Format."
    ]


@pytest.mark.parametrize("file_format", [CSV, XLSX], ids=["CSV", "XLSX"])
def test_rich_text_is_exported_as_plain_text_with_paragraphs_on_their_own_lines(
    client, file_format
):
    editor(client)
    make_organisation(description_de="<p>Beratung &amp; Hilfe</p><p>Zweiter</p>")
    response = export(client, ORGANISATIONS, file_format)
    assert exported_cell(response, file_format, "description_de") == "Beratung & Hilfe\nZweiter"


def test_plain_text_in_a_rich_text_column_becomes_escaped_paragraphs(client):
    editor(client)
    sheet = 'slug;name;description_de\r\nv;Verein;"Beratung & Hilfe\r\nZweiter"\r\n'
    confirm(client, ORGANISATIONS, upload(client, ORGANISATIONS, sheet))
    assert (
        MemberOrganisation.objects.get().description_de
        == "<p>Beratung &amp; Hilfe</p><p>Zweiter</p>"
    )


def test_the_csv_export_tells_excel_it_is_utf8(client):
    editor(client)
    make_organisation(name="Brücke e.V.")
    assert export(client, ORGANISATIONS, CSV).getvalue().startswith("\ufeff".encode())


def every_kind_of_organisation_cell():
    """Two organisations, one with a cell of every kind filled; returns how many."""
    district = make_district(name="Linden-Nord", slug="linden-nord")
    make_organisation(
        description_de=FORMATTED,
        description_ar="<p>استشارات</p>",
        district=district,
        latitude=Decimal("52.3759"),
        longitude=Decimal("9.732"),
        member_since=datetime.date(2020, 2, 1),
        focus_areas=[make_focus_area()],
        languages=[make_language()],
    )
    make_organisation(name="Verein ohne Angaben")
    return 2


def every_kind_of_event_cell():
    """One event with every cell filled and times to the microsecond; returns how many."""
    now = timezone.now().replace(microsecond=123456)
    make_event(
        description_de=FORMATTED,
        venue=make_venue(),
        organisations=[make_organisation()],
        ends_at=now + datetime.timedelta(days=8, microseconds=987654),
        starts_at=now + datetime.timedelta(days=7),
        published_at=now,
        registration_deadline=datetime.date(2027, 6, 1),
    )
    return 1


@pytest.mark.parametrize("file_format", [CSV, XLSX], ids=["CSV", "XLSX"])
@pytest.mark.parametrize(
    ("url_name", "make_rows"),
    [(ORGANISATIONS, every_kind_of_organisation_cell), (EVENTS, every_kind_of_event_cell)],
    ids=["organisations", "events"],
)
def test_a_sheet_imported_back_as_exported_changes_no_row(client, file_format, url_name, make_rows):
    editor(client)
    rows = make_rows()
    sheet = export(client, url_name, file_format).getvalue()
    preview = upload(client, url_name, sheet, "list", file_format)
    assert totals(preview) == (0, 0, rows)


def stored(obj):
    """Every column of ``obj`` (each language's own) and its many-to-many links."""
    columns = {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}
    links = {
        field.name: set(getattr(obj, field.name).values_list("pk", flat=True))
        for field in obj._meta.many_to_many
    }
    return columns | links


def saved_by_german_excel(exported, column, value):
    """An exported CSV with the first row's ``column`` changed, saved as German Excel
    saves CSV: semicolons, Windows-1252, "?" for each letter that encoding lacks."""
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"), newline="")))
    rows[1][rows[0].index(column)] = value
    stream = io.StringIO(newline="")
    csv.writer(stream, delimiter=";").writerows(rows)
    return stream.getvalue().encode("cp1252", errors="replace")


def saved_by_excel_as_workbook(exported, column, value):
    """An exported XLSX file with the first row's ``column`` changed."""
    book = load_workbook(io.BytesIO(exported))
    header = [cell.value for cell in book.active[1]]
    book.active.cell(row=2, column=header.index(column) + 1, value=value)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


@pytest.mark.parametrize(
    ("file_format", "saved_by_excel", "latitude"),
    [(CSV, saved_by_german_excel, "52,38"), (XLSX, saved_by_excel_as_workbook, 52.38)],
    ids=["CSV", "XLSX"],
)
def test_editing_one_cell_in_excel_changes_only_that_cell(
    client, file_format, saved_by_excel, latitude
):
    editor(client)
    every_kind_of_organisation_cell()
    before = stored(MemberOrganisation.objects.exclude(district=None).get())
    exported = export(client, ORGANISATIONS, file_format).getvalue()
    sheet = saved_by_excel(exported, "latitude", latitude)
    preview = upload(client, ORGANISATIONS, sheet, "list", file_format)
    assert totals(preview) == (0, 1, 1)
    confirm(client, ORGANISATIONS, preview)
    after = stored(MemberOrganisation.objects.exclude(district=None).get())
    assert {name: after[name] for name in after if after[name] != before[name]} == {
        "latitude": Decimal("52.38")
    }


@pytest.mark.parametrize("file_format", [CSV, XLSX], ids=["CSV", "XLSX"])
def test_a_name_that_looks_like_a_formula_is_exported_as_text(client, file_format):
    """Names come from public forms: a spreadsheet program must not run one."""
    editor(client)
    make_organisation(name='=HYPERLINK("https://evil.example/","Klick")')
    response = export(client, ORGANISATIONS, file_format)
    assert exported_cell(response, file_format, "name") == (
        '\'=HYPERLINK("https://evil.example/","Klick")'
    )


@pytest.mark.parametrize(
    ("file_format", "saved_by_excel"),
    [(CSV, saved_by_german_excel), (XLSX, saved_by_excel_as_workbook)],
    ids=["CSV", "XLSX"],
)
def test_a_name_exported_as_text_imports_back_without_its_apostrophe(
    client, file_format, saved_by_excel
):
    editor(client)
    make_organisation(name="=Verein", short_name="+49 Verein")
    exported = export(client, ORGANISATIONS, file_format).getvalue()
    assert totals(upload(client, ORGANISATIONS, exported, "list", file_format)) == (0, 0, 1)
    sheet = saved_by_excel(exported, "city", "Laatzen")
    confirm(client, ORGANISATIONS, upload(client, ORGANISATIONS, sheet, "list", file_format))
    organisation = MemberOrganisation.objects.get()
    assert (organisation.name, organisation.short_name, organisation.city) == (
        "=Verein",
        "+49 Verein",
        "Laatzen",
    )
