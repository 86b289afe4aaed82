import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.urls import resolve, reverse
from django.utils import timezone, translation

from events import urls as events_urls
from events.models import Event, Occurrence

from .factories import berlin, make_event

pytestmark = pytest.mark.django_db

EVENT_VIEWS = ("event-detail", "event-ics", "register")


def in_hours(hours):
    return timezone.now() + datetime.timedelta(hours=hours)


def test_event_that_has_ended_is_past():
    event = make_event(starts_at=in_hours(-3), ends_at=in_hours(-1))
    assert event not in Event.objects.upcoming()
    assert event in Event.objects.past()


def test_event_running_now_is_still_upcoming():
    event = make_event(starts_at=in_hours(-1), ends_at=in_hours(1))
    assert event in Event.objects.upcoming()


def test_event_without_end_stays_upcoming_until_midnight():
    event = make_event(starts_at=berlin(2026, 1, 30, 16, 30))
    assert event.finishes_at == berlin(2026, 1, 31)


def test_all_day_event_lasts_until_the_end_of_its_last_day():
    event = make_event(
        starts_at=berlin(2019, 1, 25, 0), ends_at=berlin(2019, 1, 27, 0), all_day=True
    )
    assert event.finishes_at == berlin(2019, 1, 28)
    assert (event.first_day, event.last_day) == (
        datetime.date(2019, 1, 25),
        datetime.date(2019, 1, 27),
    )
    assert event.is_multi_day


def test_moving_an_event_moves_its_end_of_day():
    event = make_event(starts_at=berlin(2026, 12, 4, 18))
    event.starts_at = berlin(2026, 12, 11, 18)
    event.save(update_fields=["starts_at"])
    event.refresh_from_db()
    assert event.finishes_at == berlin(2026, 12, 12)


def test_upcoming_events_come_soonest_first():
    later = make_event(starts_at=in_hours(48))
    sooner = make_event(starts_at=in_hours(24))
    assert list(Event.objects.upcoming()) == [sooner, later]


def test_past_events_come_most_recent_first():
    older = make_event(starts_at=in_hours(-48))
    newer = make_event(starts_at=in_hours(-30))
    assert list(Event.objects.past()) == [newer, older]


def test_unpublished_event_is_not_visible():
    make_event(is_published=False)
    assert not Event.objects.visible_to(AnonymousUser()).exists()


def test_scheduled_event_appears_when_its_publish_time_comes():
    make_event(published_at=in_hours(2))
    assert not Event.objects.visible_to(AnonymousUser()).exists()


def test_next_for_gives_only_the_requested_number_of_events():
    for days in (3, 1, 2, 4):
        make_event(starts_at=in_hours(24 * days))
    next_two = list(Occurrence.objects.next_for(AnonymousUser(), 2))
    assert [event.first_day for event in next_two] == [
        timezone.localdate(in_hours(24)),
        timezone.localdate(in_hours(48)),
    ]


def errors_of(event):
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    return error.value.message_dict


def test_event_cannot_end_before_it_starts():
    event = Event(
        title_de="Plenum",
        slug="plenum",
        starts_at=berlin(2026, 12, 4, 18),
        ends_at=berlin(2026, 12, 4, 17),
    )
    assert "__all__" in errors_of(event)


def test_email_registration_needs_an_address():
    event = Event(
        title_de="Quiz", slug="quiz", starts_at=berlin(2026, 12, 4, 20), registration="email"
    )
    assert "registration_email" in errors_of(event)


def test_online_registration_needs_a_link():
    event = Event(
        title_de="Quiz", slug="quiz", starts_at=berlin(2026, 12, 4, 20), registration="link"
    )
    assert "registration_url" in errors_of(event)


def test_paid_entry_needs_a_price():
    event = Event(
        title_de="Konzert", slug="konzert", starts_at=berlin(2026, 12, 4, 20), is_free=False
    )
    assert "price_de" in errors_of(event)


def slugs_of_fixed_addresses():
    """The first part of each events address that is not an event's own ("past", ...),
    read from the section's URLs: an event with such a slug would be hidden behind it."""
    literal_parts = (str(pattern.pattern).split("<")[0] for pattern in events_urls.urlpatterns)
    return sorted({re.split(r"[/.]", part)[0] for part in literal_parts} - {""})


def event_addresses(slug):
    with translation.override("de"):
        return [
            reverse("events:event-detail", args=[slug]),
            reverse("events:event-ics", args=[slug]),
            reverse("events:register", args=[slug]),
        ]


def test_the_fixed_addresses_are_found():
    assert {"past", "calendar"} <= set(slugs_of_fixed_addresses())


@pytest.mark.parametrize("slug", slugs_of_fixed_addresses())
def test_slug_cannot_take_an_events_page_address(slug):
    # The event's page or calendar file would be another page of the section.
    shadowed = [url for url in event_addresses(slug) if resolve(url).url_name not in EVENT_VIEWS]
    assert shadowed
    event = Event(title_de="Titel", slug=slug, starts_at=berlin(2026, 12, 4, 20))
    assert "slug" in errors_of(event)


def test_an_ordinary_slug_is_accepted():
    assert [resolve(url).url_name for url in event_addresses("mai-fest")] == list(EVENT_VIEWS)
    Event(title_de="Titel", slug="mai-fest", starts_at=berlin(2026, 12, 4, 20)).full_clean()
