"""The office enters a series once in the admin and cancels or moves single dates inline."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event
from tests.backoffice.admin_forms import confirm, upload
from tests.backoffice.factories import make_staff
from tests.backoffice.test_conflicts import Editor, change_url

from .factories import berlin, make_event

pytestmark = pytest.mark.django_db

# The inline's rows: the management form and the first row.
NO_CHANGES = {"changes-TOTAL_FORMS": "0", "changes-INITIAL_FORMS": "0"}


def a_change(date, **fields):
    row = {"changes-TOTAL_FORMS": "1", "changes-INITIAL_FORMS": "0", "changes-0-date": str(date)}
    return row | {f"changes-0-{name}": value for name, value in fields.items()}


@pytest.fixture
def event():
    # First Tuesday of March 2030, 18:00.
    return make_event(slug="vorstand", starts_at=berlin(2030, 3, 5, 18))


@pytest.fixture
def office_editor():
    return Editor("lea")


def save_series(editor, event, **fields):
    editor.open(change_url(event))
    return editor.save(repeat=Event.Repeat.MONTHLY_WEEKDAY, **fields)


def save_three_dates_with_a_change(editor, event, date, **change):
    """The event as a series of three dates, with one change typed into the inline."""
    return save_series(editor, event, repeat_count="3", **a_change(date, **change))


def test_the_office_enters_a_series_and_cancels_one_date_in_one_save(office_editor, event):
    response = save_three_dates_with_a_change(
        office_editor, event, datetime.date(2030, 4, 2), is_cancelled="on"
    )
    assert response.status_code == 302
    days = [timezone.localdate(date.starts_at) for date in event.occurrences.all()]
    assert days == [datetime.date(2030, 3, 5), datetime.date(2030, 5, 7)]


def test_a_moved_date_is_saved_with_its_new_time(office_editor, event):
    response = save_three_dates_with_a_change(
        office_editor,
        event,
        datetime.date(2030, 4, 2),
        starts_at_0="2030-04-03",
        starts_at_1="19:00:00",
    )
    assert response.status_code == 302
    moved = event.occurrences.all()[1]
    assert timezone.localtime(moved.starts_at) == berlin(2030, 4, 3, 19)
    assert timezone.localtime(moved.original_start) == berlin(2030, 4, 2, 18)


def test_a_change_on_a_day_outside_the_series_is_refused_and_nothing_is_lost(office_editor, event):
    response = save_three_dates_with_a_change(
        office_editor, event, datetime.date(2030, 4, 3), is_cancelled="on"
    )
    assert response.status_code == 200
    assert "This is not one of the series&#x27; dates." in response.content.decode()
    event.refresh_from_db()
    assert event.repeat == Event.Repeat.NEVER
    assert event.occurrences.count() == 1


def test_a_series_without_an_end_is_refused_with_a_message(office_editor, event):
    response = save_series(office_editor, event, **NO_CHANGES)
    assert response.status_code == 200
    assert "Please give the last date or the number of dates." in response.content.decode()


def test_a_series_imported_from_a_spreadsheet_gets_its_dates(client):
    client.force_login(make_staff(groups=["Office"], admin_language="en"))
    sheet = (
        "slug;title_de;starts_at;repeat;repeat_count\r\n"
        "sprachcafe;Sprachcafé;07.01.2027 17:00;weekly;4\r\n"
    )
    confirm(client, "admin:events_event", upload(client, "admin:events_event", sheet))
    dates = Event.objects.get(slug="sprachcafe").occurrences.all()
    assert [timezone.localtime(date.starts_at).day for date in dates] == [7, 14, 21, 28]


def test_a_series_without_an_end_is_refused_in_a_spreadsheet(client):
    client.force_login(make_staff(groups=["Office"], admin_language="en"))
    sheet = "slug;title_de;starts_at;repeat\r\nsprachcafe;Sprachcafé;07.01.2027 17:00;weekly\r\n"
    preview = upload(client, "admin:events_event", sheet)
    assert list(preview.context["result"].refusals()) == [
        "Line 2, column “repeat_until”: Please give the last date or the number of dates."
    ]
