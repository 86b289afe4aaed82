"""Organisations, people and events go to and come from the office's spreadsheets."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from reversion.models import Version

from events.models import Event
from members.models import MemberOrganisation
from people.models import Person
from tests.events.factories import make_event
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_organisation

from .admin_forms import CSV, XLSX, confirm, upload
from .factories import make_staff

pytestmark = pytest.mark.django_db

ORGANISATIONS = "admin:members_memberorganisation"


def office_client(client):
    user = make_staff(groups=["Office"], admin_language="en")
    client.force_login(user)
    return user


def export(client, url_name, file_format):
    """Export with every column ticked, as the export page offers by default."""
    form = client.get(reverse(f"{url_name}_export")).context["form"]
    columns = {
        name: "on" for name in form.fields if name not in {"resource", "format", "export_items"}
    }
    return client.post(reverse(f"{url_name}_export"), {"format": file_format, **columns})


def test_an_import_shows_its_changes_before_anything_is_saved(client):
    office_client(client)
    make_organisation(name="kargah e.V.", slug="kargah", email="old@example.org")
    sheet = (
        "slug,name,description_de,description_ar,email\n"
        "kargah,kargah e.V.,<p>Beratung</p>,<p>استشارات</p>,info@kargah.de\n"
        "neu,Neuer Verein,<p>Ein neuer Verein.</p>,,\n"
    )
    response = upload(client, ORGANISATIONS, sheet)
    result = response.context["result"]
    assert (result.totals["update"], result.totals["new"]) == (1, 1)
    html = response.content.decode()
    assert "info@kargah.de" in html and "Neuer Verein" in html and "استشارات" in html
    assert MemberOrganisation.objects.get(slug="kargah").email == "old@example.org"
    assert not MemberOrganisation.objects.filter(slug="neu").exists()


def test_a_confirmed_import_saves_every_language_and_keeps_a_version(client):
    user = office_client(client)
    sheet = "slug,name,description_de,description_uk\nneu,Neuer Verein,<p>Hallo</p>,<p>Привіт</p>\n"
    response = confirm(client, ORGANISATIONS, upload(client, ORGANISATIONS, sheet))
    assert response.status_code == 302
    organisation = MemberOrganisation.objects.get(slug="neu")
    assert (organisation.description_de, organisation.description_uk) == (
        "<p>Hallo</p>",
        "<p>Привіт</p>",
    )
    (version,) = Version.objects.get_for_object(organisation)
    assert version.revision.user == user


def test_failing_rows_are_reported_with_their_line_and_reason_and_nothing_is_saved(client):
    office_client(client)
    sheet = (
        "slug,name,description_de,email\n"
        "gut,Guter Verein,<p>Gut.</p>,info@gut.de\n"
        "schlecht,Schlechter Verein,<p>Schlecht.</p>,not-an-address\n"
        "leer,,,\n"
    )
    response = upload(client, ORGANISATIONS, sheet)
    result = response.context["result"]
    failures = {row.number: row.field_specific_errors for row in result.invalid_rows}
    assert set(failures) == {2, 3}
    assert "email" in failures[2]
    assert {"name", "description_de"} <= set(failures[3])
    html = response.content.decode()
    assert "Rows that cannot be imported" in html
    assert "Enter a valid email address." in html and "This field cannot be blank." in html
    assert "confirm_form" not in response.context
    assert not MemberOrganisation.objects.exists()


def test_script_in_an_imported_description_is_removed(client):
    office_client(client)
    sheet = 'slug,name,description_de\nv,Verein,"<p>Hallo</p><script>alert(1)</script>"\n'
    confirm(client, ORGANISATIONS, upload(client, ORGANISATIONS, sheet))
    assert "<script" not in MemberOrganisation.objects.get().description_de


def test_organisations_export_to_xlsx_with_a_column_per_language(client):
    office_client(client)
    make_organisation(name="kargah e.V.", description_ar="<p>كارغاه</p>")
    response = export(client, ORGANISATIONS, XLSX)
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    header = [cell.value for cell in sheet[1]]
    assert [f"description_{code}" for code in LANGUAGE_CODES] == [
        column for column in header if column.startswith("description_")
    ]
    assert "كارغاه" in [cell.value for cell in sheet[2]]


def test_people_can_be_imported(client):
    office_client(client)
    make_organisation(slug="kargah")
    sheet = "id,first_name,last_name,organisation,email\n,Amina,Yusuf,kargah,amina@example.org\n"
    confirm(client, "admin:people_person", upload(client, "admin:people_person", sheet))
    person = Person.objects.get()
    assert (person.first_name, person.organisation.slug) == ("Amina", "kargah")


def test_events_can_be_imported_with_titles_in_each_language(client):
    office_client(client)
    sheet = (
        "slug,title_de,title_ar,starts_at,is_published\n"
        "sommerfest,Sommerfest,الاحتفال الصيفي,2027-07-01 15:00:00,1\n"
    )
    confirm(client, "admin:events_event", upload(client, "admin:events_event", sheet))
    event = Event.objects.get()
    assert (event.title_de, event.title_ar, event.starts_at.hour) == (
        "Sommerfest",
        "الاحتفال الصيفي",
        13,
    )


def test_events_export_as_csv(client):
    office_client(client)
    make_event(slug="sommerfest", title_de="Sommerfest")
    text = export(client, "admin:events_event", CSV).getvalue().decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert "title_ar" in header.split(",")
    assert row.startswith("sommerfest,Sommerfest,")


def test_a_board_member_cannot_import_organisations(client):
    client.force_login(make_staff(groups=["Board"]))
    assert client.get(reverse(f"{ORGANISATIONS}_import")).status_code == 403
