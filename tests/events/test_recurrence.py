"""Recurring events: entered once, each date listed, shown and exported on its own."""

import datetime
import itertools
import re

import pytest
from dateutil.rrule import rruleset, rrulestr
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from events.models import MAX_OCCURRENCES, Event, OccurrenceChange
from tests.members.factories import make_organisation

from .factories import berlin, event_fields, make_event

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate().year + 1


def first_tuesdays(**overrides):
    """The board's meeting: 18:00 to 20:00 on the first Tuesday of March, April and May of
    next year, across the change to summer time at the end of March."""
    fields = {
        "slug": "vorstandssitzung",
        "starts_at": berlin(NEXT_YEAR, 3, 1, 18) + first_tuesday_offset(NEXT_YEAR, 3),
        "repeat": Event.Repeat.MONTHLY_WEEKDAY,
        "repeat_count": 3,
    }
    fields |= overrides
    fields.setdefault("ends_at", fields["starts_at"] + datetime.timedelta(hours=2))
    return make_event(**fields)


def first_tuesday_offset(year, month):
    return datetime.timedelta(days=(1 - datetime.date(year, month, 1).weekday()) % 7)


def expected_starts(event, cancelled=()):
    """The dates as a calendar program expands the rule, with EXDATE for cancelled ones:
    dateutil's own parser, independent of how the site builds its rule."""
    dates = rruleset()
    dates.rrule(
        rrulestr("FREQ=MONTHLY;BYDAY=+1TU;COUNT=3", dtstart=timezone.make_naive(event.starts_at))
    )
    for day in cancelled:
        dates.exdate(timezone.make_naive(event.starts_at).replace(month=day.month, day=day.day))
    return list(dates)


def feed_starts(client, event):
    calendar = Calendar.from_ical(client.get("/de/events/feed.ics").content)
    return [
        component.start.replace(tzinfo=None)
        for component in calendar.events
        if component["URL"].startswith(f"http://testserver/de/events/{event.slug}/")
    ]


def calendar_starts(client, event, months):
    """The dates and local times the month calendar pages show for ``event``."""
    starts = []
    for month in months:
        html = client.get(f"/de/events/calendar/{NEXT_YEAR}/{month}/").content.decode()
        table = html.split('<table class="month-calendar">')[1].split("</table>")[0]
        for day, clock in re.findall(
            rf'href="/de/events/{event.slug}/([0-9-]+)/"><time datetime="[^"]+">(\d\d:\d\d)</time>',
            table,
        ):
            date = datetime.date.fromisoformat(day)
            hour, minute = map(int, clock.split(":"))
            starts.append(datetime.datetime(date.year, date.month, date.day, hour, minute))
    return starts


def test_monthly_series_keeps_its_local_time_across_daylight_saving_in_the_calendar(
    site_pages, client
):
    event = first_tuesdays()
    expected = expected_starts(event)
    assert [start.hour for start in expected] == [18, 18, 18]
    assert calendar_starts(client, event, [3, 4, 5]) == expected


def test_monthly_series_keeps_its_local_time_across_daylight_saving_in_the_feed(client):
    event = first_tuesdays()
    assert sorted(feed_starts(client, event)) == expected_starts(event)


def test_the_summer_dates_are_an_hour_earlier_in_utc(client):
    event = first_tuesdays()
    offsets = [date.starts_at.astimezone(datetime.UTC).hour for date in event.occurrences.all()]
    assert offsets == [17, 16, 16]


def test_a_cancelled_date_is_in_neither_the_calendar_nor_the_feed(site_pages, client):
    event = first_tuesdays()
    april = timezone.localdate(event.occurrences.all()[1].starts_at)
    OccurrenceChange.objects.create(event=event, date=april, is_cancelled=True)
    expected = expected_starts(event, cancelled=[april])
    assert len(expected) == 2
    assert calendar_starts(client, event, [3, 4, 5]) == expected
    assert sorted(feed_starts(client, event)) == expected


def test_a_cancelled_date_is_named_on_the_series_page_and_its_own_page_is_gone(site_pages, client):
    event = first_tuesdays()
    april = timezone.localdate(event.occurrences.all()[1].starts_at)
    OccurrenceChange.objects.create(event=event, date=april, is_cancelled=True)
    html = client.get(f"/de/events/{event.slug}/").content.decode()
    assert f'<li><time datetime="{april.isoformat()}">' in html.split("Abgesagte Termine")[1]
    assert client.get(f"/de/events/{event.slug}/{april.isoformat()}/").status_code == 404


@pytest.mark.parametrize(
    ("repeat", "gap_days"),
    [(Event.Repeat.WEEKLY, 7), (Event.Repeat.FORTNIGHTLY, 14)],
)
def test_weekly_series_keep_their_weekday_and_wall_clock_time_into_winter(repeat, gap_days):
    # Across the change back to winter time on the last Sunday of October.
    event = make_event(starts_at=berlin(NEXT_YEAR, 10, 1, 19, 30), repeat=repeat, repeat_count=6)
    starts = [timezone.localtime(date.starts_at) for date in event.occurrences.all()]
    assert len(starts) == 6
    assert {(start.hour, start.minute) for start in starts} == {(19, 30)}
    days = [start.date() for start in starts]
    assert {later - earlier for earlier, later in itertools.pairwise(days)} == {
        datetime.timedelta(days=gap_days)
    }


def test_monthly_on_the_day_of_the_month_ends_on_the_last_date():
    event = make_event(
        starts_at=berlin(NEXT_YEAR, 1, 15, 10),
        repeat=Event.Repeat.MONTHLY_DAY,
        repeat_until=datetime.date(NEXT_YEAR, 4, 15),
    )
    days = [timezone.localdate(date.starts_at) for date in event.occurrences.all()]
    assert days == [datetime.date(NEXT_YEAR, month, 15) for month in (1, 2, 3, 4)]


def test_a_fifth_weekday_repeats_as_the_last_of_each_month():
    # 29 March 2027 is a fifth Monday; April has none, its last Monday is the 26th.
    event = make_event(
        starts_at=berlin(2027, 3, 29, 10), repeat=Event.Repeat.MONTHLY_WEEKDAY, repeat_count=2
    )
    days = [timezone.localdate(date.starts_at) for date in event.occurrences.all()]
    assert days == [datetime.date(2027, 3, 29), datetime.date(2027, 4, 26)]


def errors_of(event):
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    return error.value.message_dict


def test_a_series_needs_a_last_date_or_a_number_of_dates():
    event = Event(**event_fields(repeat=Event.Repeat.WEEKLY))
    assert "repeat_until" in errors_of(event)


def test_a_series_takes_a_last_date_or_a_number_of_dates_not_both():
    event = Event(
        **event_fields(
            repeat=Event.Repeat.WEEKLY,
            repeat_count=4,
            repeat_until=timezone.localdate() + datetime.timedelta(days=60),
        )
    )
    assert "repeat_count" in errors_of(event)


def test_a_series_cannot_have_more_dates_than_the_cap():
    event = Event(**event_fields(repeat=Event.Repeat.WEEKLY, repeat_count=MAX_OCCURRENCES + 1))
    assert "repeat_count" in errors_of(event)


def test_a_last_date_that_makes_too_many_dates_is_refused():
    event = Event(
        **event_fields(
            repeat=Event.Repeat.WEEKLY,
            repeat_until=timezone.localdate() + datetime.timedelta(days=7 * (MAX_OCCURRENCES + 5)),
        )
    )
    assert str(MAX_OCCURRENCES) in errors_of(event)["repeat_until"][0]


def test_a_change_must_name_a_date_of_the_series():
    event = first_tuesdays()
    change = OccurrenceChange(
        event=event, date=timezone.localdate(event.starts_at) + datetime.timedelta(days=1)
    )
    change.is_cancelled = True
    with pytest.raises(ValidationError) as error:
        change.full_clean()
    assert "date" in error.value.message_dict


def move_second_date(event):
    second = event.occurrences.all()[1]
    new_start = second.starts_at + datetime.timedelta(days=1, hours=1)
    OccurrenceChange.objects.create(
        event=event, date=timezone.localdate(second.original_start), starts_at=new_start
    )
    return second, new_start


def test_a_moved_date_keeps_its_address_and_shows_its_new_time(site_pages, client):
    event = first_tuesdays()
    second, new_start = move_second_date(event)
    html = client.get(second.get_absolute_url()).content.decode()
    assert f'<time datetime="{timezone.localtime(new_start).isoformat()}">' in html
    assert "Dieser Termin wurde verschoben." in html


def test_a_moved_date_keeps_the_length_of_the_series():
    event = first_tuesdays()
    second, new_start = move_second_date(event)
    second.refresh_from_db()
    assert second.ends_at - second.starts_at == datetime.timedelta(hours=2)


def test_a_moved_date_keeps_its_row_and_its_uid_in_the_feed(client):
    event = first_tuesdays()
    before = Calendar.from_ical(client.get("/de/events/feed.ics").content).events
    second, new_start = move_second_date(event)
    after = Calendar.from_ical(client.get("/de/events/feed.ics").content).events
    assert [str(vevent["UID"]) for vevent in after] == [str(vevent["UID"]) for vevent in before]
    assert after[1].start == timezone.localtime(new_start)
    assert event.occurrences.all()[1].pk == second.pk


def test_registrations_are_keyed_on_the_original_start_of_a_moved_date():
    event = first_tuesdays()
    second, new_start = move_second_date(event)
    assert event.has_occurrence(second.original_start)
    assert not event.has_occurrence(new_start)


def test_a_series_made_a_single_event_again_takes_place_on_its_first_date():
    event = first_tuesdays()
    OccurrenceChange.objects.create(
        event=event, date=timezone.localdate(event.starts_at), is_cancelled=True
    )
    event.repeat = Event.Repeat.NEVER
    event.save()
    assert [date.starts_at for date in event.occurrences.all()] == [event.starts_at]


def test_a_single_event_has_only_its_own_start():
    event = make_event()
    assert event.has_occurrence(event.starts_at)
    assert not event.has_occurrence(event.starts_at + datetime.timedelta(days=7))


def test_changing_the_series_time_keeps_the_rows_of_its_dates():
    event = first_tuesdays()
    rows = list(event.occurrences.values_list("pk", flat=True))
    event.ends_at += datetime.timedelta(minutes=30)
    event.save()
    assert list(event.occurrences.values_list("pk", flat=True)) == rows
    assert {date.ends_at.minute for date in event.occurrences.all()} == {30}


def test_a_shorter_series_drops_its_last_dates():
    event = first_tuesdays()
    event.repeat_count = 2
    event.save()
    assert event.occurrences.count() == 2
    assert event.finishes_at == event.occurrences.last().finishes_at


def test_each_date_is_a_card_of_its_own_with_its_own_link(site_pages, client):
    event = make_event(
        starts_at=timezone.now() + datetime.timedelta(days=1),
        repeat=Event.Repeat.WEEKLY,
        repeat_count=3,
    )
    html = client.get("/de/events/").content.decode()
    links = re.findall(r'<h3><a href="([^"]+)"', html)
    assert links == [date.get_absolute_url() for date in event.occurrences.all()]
    assert len(set(links)) == 3


def test_the_list_pages_by_date_not_by_event(site_pages, client):
    make_event(
        starts_at=timezone.now() + datetime.timedelta(days=1),
        repeat=Event.Repeat.WEEKLY,
        repeat_count=25,
    )
    second_page = client.get("/de/events/?page=2").content.decode()
    assert second_page.count('class="card event-card"') == 5


def test_the_series_page_lists_its_next_dates_with_links(site_pages, client):
    event = make_event(
        starts_at=timezone.now() - datetime.timedelta(days=15),
        repeat=Event.Repeat.WEEKLY,
        repeat_count=6,
    )
    html = client.get(event.get_absolute_url()).content.decode()
    dates = html.split('id="series-dates-heading"')[1].split("</section>")[0]
    coming = [date for date in event.occurrences.all() if not date.is_over]
    assert re.findall(r'href="([^"]+)"', dates) == [date.get_absolute_url() for date in coming]
    assert "Jede Woche" in html


def test_a_date_page_gives_the_registration_its_original_start(site_pages, client):
    event = first_tuesdays()
    second, _new_start = move_second_date(event)
    response = client.get(second.get_absolute_url())
    assert response.context["event"] == event
    assert response.context["occurrence_start"] == second.original_start


def test_a_date_that_is_not_in_the_series_is_not_found(site_pages, client):
    event = first_tuesdays()
    day = timezone.localdate(event.starts_at) + datetime.timedelta(days=1)
    assert client.get(f"/de/events/{event.slug}/{day.isoformat()}/").status_code == 404


def test_a_single_event_has_no_date_pages(site_pages, client):
    event = make_event()
    day = timezone.localdate(event.starts_at)
    assert client.get(f"/de/events/{event.slug}/{day.isoformat()}/").status_code == 404


def test_the_home_page_shows_the_next_date_of_a_series(site_pages, client):
    event = make_event(
        starts_at=timezone.now() - datetime.timedelta(days=8),
        repeat=Event.Repeat.WEEKLY,
        repeat_count=4,
    )
    next_date = next(date for date in event.occurrences.all() if not date.is_over)
    assert f'href="{next_date.get_absolute_url()}"' in client.get("/de/").content.decode()


def test_past_dates_of_a_series_are_in_the_past_list(site_pages, client):
    event = make_event(starts_at=berlin(2019, 5, 7, 18), repeat=Event.Repeat.WEEKLY, repeat_count=3)
    html = client.get("/de/events/past/2019/").content.decode()
    for date in event.occurrences.all():
        assert f'href="{date.get_absolute_url()}"' in html


def test_the_sitemap_lists_the_page_of_each_date(client):
    event = first_tuesdays()
    sitemap = client.get("/sitemap-event-dates.xml").content.decode()
    for date in event.occurrences.all():
        assert f"http://testserver{date.get_absolute_url()}" in sitemap


def test_the_ics_of_a_series_holds_all_its_dates(client):
    event = first_tuesdays()
    body = client.get(f"/de/events/{event.slug}.ics").content
    starts = [vevent.start.replace(tzinfo=None) for vevent in Calendar.from_ical(body).events]
    assert starts == expected_starts(event)


@pytest.mark.parametrize(("days_ago", "listed"), [(60, True), (170, True), (200, False)])
def test_the_feed_keeps_events_of_the_last_six_months(client, days_ago, listed):
    event = make_event(starts_at=timezone.now() - datetime.timedelta(days=days_ago))
    assert (event.slug in client.get("/de/events/feed.ics").content.decode()) is listed


def test_the_series_page_says_how_often_on_which_weekday_and_when(site_pages, client):
    first_thursday = datetime.date(NEXT_YEAR, 1, 1) + datetime.timedelta(
        days=(3 - datetime.date(NEXT_YEAR, 1, 1).weekday()) % 7
    )
    event = make_event(
        starts_at=berlin(first_thursday.year, 1, first_thursday.day, 16),
        ends_at=berlin(first_thursday.year, 1, first_thursday.day, 18),
        repeat=Event.Repeat.FORTNIGHTLY,
        repeat_count=4,
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert (
        'Jede zweite Woche<br>Donnerstag, <time datetime="16:00">16:00</time> – '
        '<time datetime="18:00">18:00</time>'
    ) in html


def weekly_series_of(**overrides):
    return make_event(
        starts_at=timezone.now() - datetime.timedelta(days=20),
        repeat=Event.Repeat.WEEKLY,
        repeat_count=10,
        **overrides,
    )


def test_an_organisations_page_names_its_series_by_how_often_it_takes_place(site_pages, client):
    organisation = make_organisation(name="kargah e.V.")
    weekly_series_of(organisations=[organisation])
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Jede Woche" in html.split('id="events-heading"')[1]


def test_a_search_result_names_a_series_by_how_often_it_takes_place(site_pages, client):
    weekly_series_of(title_de="Sprachcafé")
    html = client.get("/de/search/", {"q": "Sprachcafé"}).content.decode()
    assert "Jede Woche" in html.split("search-results")[1]
