"""Each events page costs the same number of SQL queries with 10 or 1,000 events, and
with one series or many series of hundreds of dates each."""

import datetime

import pytest
from django.utils import timezone

from events.models import MAX_OCCURRENCES, Event
from tests.data_sets import built_once, use_files_of
from tests.members.factories import make_district, make_organisation
from tests.pages.factories import make_site_pages

from .factories import berlin, make_event, make_events, make_venue

# Every page: the association and its opening hours for the footer.
FOOTER = 2


@pytest.fixture(scope="module", params=[10, 1000], ids=["10 events", "1000 events"])
def events_set(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The fixed pages and ``count`` coming and ``count`` past events, built once for this
    module's tests (each size in turn) and rolled back after them; the event to open."""
    count = request.param
    folder = tmp_path_factory.mktemp(f"events-{count}")
    with built_once(django_db_blocker, folder):
        make_site_pages()
        venue = make_venue(district=make_district())
        organisations = [
            make_organisation(name="kargah e.V."),
            make_organisation(name="FAUST e. V."),
        ]
        soon = timezone.now() + datetime.timedelta(days=2)
        make_events(count, organisations, venue=venue, starts_at=soon)
        make_events(count, organisations, venue=venue, starts_at=berlin(2019, 5, 1, 14))
        event = make_event(organisations, venue=venue, slug="the-event", starts_at=soon)
        # Weekly series of the most dates each, half of them over: one per hundred events.
        for number in range(count // 100 + 1):
            make_event(
                organisations,
                venue=venue,
                slug="the-series" if number == 0 else f"series-{number}",
                starts_at=soon - datetime.timedelta(weeks=MAX_OCCURRENCES // 2),
                ends_at=soon - datetime.timedelta(weeks=MAX_OCCURRENCES // 2, hours=-2),
                repeat=Event.Repeat.WEEKLY,
                repeat_count=MAX_OCCURRENCES,
            )
        yield event, folder


@pytest.fixture
def many_events(events_set, db, settings):
    """The data set for one test (what it changes is rolled back after it); the event to open."""
    event, folder = events_set
    use_files_of(folder, settings)
    return event


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # count, events with venue and district
        ("/de/events/", FOOTER + 2),
        ("/de/events/?page=last", FOOTER + 2),
        # the same, the first and last past event, and the years between with events
        ("/de/events/past/2019/", FOOTER + 4),
        # the event with venue and district, its organisations
        ("/de/events/the-event/", FOOTER + 2),
        # the event with its venue (and its dates); no footer in a calendar file
        ("/de/events/the-event.ics", 2),
        ("/de/events/feed.ics", 1),
        # the series with venue and district, its organisations, next and cancelled dates
        ("/de/events/the-series/", FOOTER + 4),
        ("/de/events/the-series.ics", 2),
        # count, the dates of series with their event
        ("/sitemap-event-dates.xml", FOOTER + 2),
        # the page, members count, the finder's districts and languages, the next dates of
        # any event and the latest posts, each as keys and then their cards (with venue
        # and district) not yet shared
        ("/de/", FOOTER + 8),
    ],
)
def test_page_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, many_events, url, queries
):
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200


def test_calendar_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, many_events
):
    day = timezone.localdate(many_events.starts_at)
    url = f"/de/events/calendar/{day.year}/{day.month}/"
    # The month's dates, and the events of the days not shown before.
    with django_assert_max_num_queries(FOOTER + 2):
        first = client.get(url)
    assert first.status_code == 200
    # Once shown, each day's events come from its shared fragment: the dates only.
    with django_assert_max_num_queries(1):
        assert client.get(url).content == first.content


def test_a_date_of_a_series_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, many_events
):
    date = Event.objects.get(slug="the-series").occurrences.upcoming().first()
    # the series, its organisations, the date, the next and the cancelled dates
    with django_assert_max_num_queries(FOOTER + 5):
        assert client.get(date.get_absolute_url()).status_code == 200
