import calendar
import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from events import demo
from events.models import Event, Venue
from members import demo as members_demo
from tests.languages import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


def test_demo_events_load_once():
    assert demo.load() > 0
    counts = (Event.objects.count(), Venue.objects.count())
    assert demo.load() == 0
    assert (Event.objects.count(), Venue.objects.count()) == counts


def test_demo_events_speak_every_language_in_its_own_words():
    demo.load()
    for event in Event.objects.all():
        for field in ("title", "description"):
            texts = [getattr(event, f"{field}_{code}") for code in LANGUAGE_CODES]
            assert all(texts), (event.slug, field)
            assert len(set(texts)) == len(LANGUAGE_CODES), (event.slug, field)


def test_demo_has_the_2019_calendar_and_coming_events():
    demo.load()
    anonymous = AnonymousUser()
    assert Event.objects.visible_to(anonymous).upcoming().exists()
    assert Event.objects.visible_to(anonymous).past().filter(starts_at__year=2019).count() == 4
    members_meeting = Event.objects.get(slug="ag-partizipation-2019-01")
    assert members_meeting.members_only
    assert members_meeting.venue.street == "Zur Bettfedernfabrik 1"


def test_demo_keeps_what_the_office_edited():
    demo.load()
    Event.objects.filter(slug="winterfest-2026").update(title_de="Winterfest (geändert)")
    demo.load()
    assert Event.objects.get(slug="winterfest-2026").title_de == "Winterfest (geändert)"


def test_demo_events_link_the_member_organisations_and_districts_of_the_members_demo():
    members_demo.load()
    demo.load()
    festival = Event.objects.get(slug="internationales-mai-fest-2019")
    assert [organisation.slug for organisation in festival.organisations.all()] == ["faust"]
    assert festival.venue.district.slug == "linden-nord"


def test_demo_board_meeting_is_a_monthly_series_with_a_summer_break():
    demo.load()
    meeting = Event.objects.get(slug="vorstandssitzung")
    days = [timezone.localdate(date.starts_at) for date in meeting.occurrences.all()]
    assert len(days) == 11
    assert {day.weekday() for day in days} == {calendar.TUESDAY}
    assert {(day.day - 1) // 7 for day in days} == {1}
    assert 8 not in {day.month for day in days}


def test_demo_open_office_hours_are_a_public_series_every_other_thursday():
    demo.load()
    office_hours = Event.objects.visible_to(AnonymousUser()).get(slug="offene-sprechstunde")
    days = [timezone.localdate(date.starts_at) for date in office_hours.occurrences.all()]
    assert len(days) == 25
    assert {day.weekday() for day in days} == {calendar.THURSDAY}
    assert datetime.date(2026, 12, 31) not in days
