import datetime

import pytest
from icalendar import Calendar

from .factories import berlin, make_event, make_venue

pytestmark = pytest.mark.django_db


def ics(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def event_ics(client, event, language="de"):
    return ics(client, f"/{language}/events/{event.slug}.ics")


def only_event(body):
    (event,) = Calendar.from_ical(body).events
    return event


@pytest.mark.parametrize(
    ("starts_at", "written", "offset_hours"),
    [
        # After the spring change: summer time, UTC+2.
        (berlin(2026, 3, 29, 10), "DTSTART;TZID=Europe/Berlin:20260329T100000", 2),
        # After the autumn change: winter time, UTC+1.
        (berlin(2026, 10, 25, 10), "DTSTART;TZID=Europe/Berlin:20261025T100000", 1),
    ],
)
def test_times_keep_berlin_wall_clock_across_daylight_saving_changes(
    client, starts_at, written, offset_hours
):
    event = make_event(starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2))
    body = event_ics(client, event)
    assert written.encode() in body
    start = only_event(body).start
    assert (start.hour, start.utcoffset()) == (10, datetime.timedelta(hours=offset_hours))
    assert only_event(body).end.hour == 12


def test_ics_describes_the_berlin_time_zone_with_both_changes(client):
    event = make_event(starts_at=berlin(2026, 3, 29, 10))
    (zone,) = Calendar.from_ical(event_ics(client, event)).timezones
    assert zone.tz_name == "Europe/Berlin"
    body = zone.to_ical().decode()
    assert "TZOFFSETTO:+0200" in body and "TZOFFSETTO:+0100" in body
    assert "DTSTART:20260329T030000" in body and "DTSTART:20261025T030000" in body


def test_ics_round_trips_through_the_icalendar_library(client):
    event = make_event(
        starts_at=berlin(2026, 10, 25, 10),
        venue=make_venue(),
        description_de="<p>Erster Absatz &amp; mehr.</p><p>Zweiter, mit ; und Komma.</p>",
    )
    body = event_ics(client, event)
    assert Calendar.from_ical(body).to_ical() == body


def test_ics_carries_title_place_link_and_plain_text_description(client):
    event = make_event(
        title_en="International May Day festival",
        starts_at=berlin(2027, 5, 1, 14),
        venue=make_venue(),
        description_en="<p>Music &amp; food.</p><p>Everyone is welcome.</p>",
    )
    component = only_event(event_ics(client, event, "en"))
    assert component["SUMMARY"] == "International May Day festival"
    assert component["LOCATION"] == ("Kulturzentrum Faust, Zur Bettfedernfabrik 3, 30451 Hannover")
    assert component["URL"] == f"http://testserver/en/events/{event.slug}/"
    assert component["DESCRIPTION"] == "Music & food.\n\nEveryone is welcome."


def test_all_day_event_is_written_with_dates_and_an_exclusive_end(client):
    event = make_event(starts_at=berlin(2027, 1, 22), ends_at=berlin(2027, 1, 24), all_day=True)
    body = event_ics(client, event)
    assert b"DTSTART;VALUE=DATE:20270122" in body
    assert b"DTEND;VALUE=DATE:20270125" in body


def test_cancelled_event_is_marked_cancelled_in_ics(client):
    event = make_event(is_cancelled=True)
    assert only_event(event_ics(client, event))["STATUS"] == "CANCELLED"


def test_event_ics_is_offered_as_a_download_named_after_the_event(client):
    event = make_event(slug="mai-fest")
    response = client.get("/de/events/mai-fest.ics")
    assert response["Content-Disposition"] == 'attachment; filename="mai-fest.ics"'
    assert only_event(response.content)["UID"] == f"event-{event.pk}@testserver"


def test_same_event_keeps_its_uid_in_every_language(client):
    event = make_event()
    uids = {str(only_event(event_ics(client, event, code))["UID"]) for code in ("de", "ar")}
    assert len(uids) == 1


def test_feed_is_a_named_calendar_in_berlin_time(client):
    body = ics(client, "/en/events/feed.ics")
    calendar = Calendar.from_ical(body)
    assert calendar["X-WR-CALNAME"] == "MiSO-Netzwerk Hannover: events"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Berlin"
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT12H" in body
    assert b"X-PUBLISHED-TTL:PT12H" in body
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/Berlin"]
    assert calendar.to_ical() == body


def test_feed_holds_the_upcoming_events_only(client):
    make_event(title_de="Neujahrsempfang", starts_at=berlin(2019, 1, 19, 15))
    make_event(title_de="Mitgliederversammlung")
    summaries = [
        str(event["SUMMARY"])
        for event in Calendar.from_ical(ics(client, "/de/events/feed.ics")).events
    ]
    assert summaries == ["Mitgliederversammlung"]


def test_feed_keeps_cancelled_events_marked_cancelled(client):
    make_event(is_cancelled=True)
    (event,) = Calendar.from_ical(ics(client, "/de/events/feed.ics")).events
    assert event["STATUS"] == "CANCELLED"


def test_feed_speaks_the_language_of_its_address(client):
    make_event(title_de="Mitgliederversammlung", title_ar="الجمعية العامة")
    (event,) = Calendar.from_ical(ics(client, "/ar/events/feed.ics")).events
    assert event["SUMMARY"] == "الجمعية العامة"
