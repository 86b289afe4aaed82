"""Registering for one date of a series: places, emails, reminders and data deletion per date."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from icalendar import Calendar

from core.tasks import tick
from events.models import Event, OccurrenceChange, RegistrantMessage, Registration
from events.registrations import forget_past_registrants, registration_token, send_reminders
from tests.backoffice.factories import make_staff

from .factories import berlin, make_registration, make_registration_event, registration_form
from .test_registrations_office import save_event

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate().year + 1


def weekly_series(capacity=1, **overrides):
    """Four Monday evenings next January, 18:00 to 20:00, each with ``capacity`` places."""
    fields = {
        "starts_at": berlin(NEXT_YEAR, 1, 5, 18),
        "ends_at": berlin(NEXT_YEAR, 1, 5, 20),
        "repeat": Event.Repeat.WEEKLY,
        "repeat_count": 4,
    }
    return make_registration_event(capacity=capacity, **(fields | overrides))


def register(client, event, start, email="amina@example.org", language="de", **form):
    return client.post(
        f"/{language}/events/{event.slug}/register/",
        registration_form(event, email=email, start=start, **form),
    )


def place_of(email):
    return Registration.objects.get(email=email).place


def move(occurrence, **delta):
    """Move a date of its series by ``delta``, as the office does in the admin; its new start."""
    new_start = occurrence.starts_at + datetime.timedelta(**delta)
    OccurrenceChange.objects.create(
        event=occurrence.event,
        date=timezone.localdate(occurrence.original_start),
        starts_at=new_start,
    )
    return new_start


def calendar_dates(message):
    """The start of each VEVENT in an email's .ics attachment, in Berlin time."""
    (_filename, content, _mimetype) = message.attachments[0]
    return [
        timezone.localtime(vevent.decoded("DTSTART"))
        for vevent in Calendar.from_ical(content).walk("VEVENT")
    ]


def test_the_second_date_counts_its_places_apart_from_the_first(client):
    event = weekly_series(capacity=1)
    first, second = event.occurrences.all()[:2]
    register(client, event, first.original_start, email="first@example.org")
    assert "Noch ein Platz frei." in client.get(second.get_absolute_url()).content.decode()
    register(client, event, second.original_start, email="second@example.org")
    register(client, event, second.original_start, email="third@example.org")
    assert place_of("first@example.org") == Registration.Place.REGISTERED
    assert place_of("second@example.org") == Registration.Place.REGISTERED
    assert place_of("third@example.org") == Registration.Place.WAITING
    assert Registration.objects.get(email="second@example.org").occurrence_start == (
        second.original_start
    )


def test_the_confirmation_calendar_file_holds_the_date_registered_for(client):
    event = weekly_series()
    second = event.occurrences.all()[1]
    register(client, event, second.original_start)
    confirmation = next(m for m in mail.outbox if m.to == ["amina@example.org"])
    assert calendar_dates(confirmation) == [timezone.localtime(second.starts_at)]
    assert second.get_absolute_url() in confirmation.body


def test_a_moved_date_keeps_its_registrations_and_the_emails_give_its_new_time(client):
    event = weekly_series()
    second = event.occurrences.all()[1]
    new_start = move(second, days=1, hours=1)
    register(client, event, second.original_start)
    registration = Registration.objects.get()
    assert registration.occurrence_start == second.original_start
    confirmation = next(m for m in mail.outbox if m.to == ["amina@example.org"])
    assert calendar_dates(confirmation) == [timezone.localtime(new_start)]
    own_page = client.get(f"/de/events/registration/{registration_token(registration)}/")
    assert f'datetime="{timezone.localtime(new_start).isoformat()}"' in own_page.content.decode()


def test_the_series_page_asks_to_choose_a_date_and_each_date_has_its_form(client):
    event = weekly_series()
    second = event.occurrences.all()[1]
    series_page = client.get(f"/en/events/{event.slug}/").content.decode()
    assert 'name="consent"' not in series_page
    assert "please choose a date below" in series_page
    date_page = client.get(second.get_absolute_url()).content.decode()
    assert f'value="{second.original_start.isoformat()}"' in date_page


def test_a_form_with_errors_comes_back_on_the_page_of_its_date(client):
    event = weekly_series()
    third = event.occurrences.all()[2]
    response = register(client, event, third.original_start, consent="")
    assert response.status_code == 200
    assert response.context["occurrence"] == third
    html = response.content.decode()
    assert f'value="{third.original_start.isoformat()}"' in html
    assert f'<a href="{third.get_absolute_url()}" aria-current="page">' in html
    assert not Registration.objects.exists()


def test_a_date_cancelled_from_the_series_takes_no_registrations(client):
    event = weekly_series()
    second = event.occurrences.all()[1]
    OccurrenceChange.objects.create(
        event=event, date=timezone.localdate(second.original_start), is_cancelled=True
    )
    response = register(client, event, second.original_start, language="en")
    assert "This date is not one of the event" in response.content.decode()
    assert not Registration.objects.exists()


def test_reminders_follow_a_moved_date():
    event = weekly_series()
    second = event.occurrences.all()[1]
    make_registration(event, occurrence_start=second.original_start)
    new_start = move(second, days=2)
    day_before = datetime.timedelta(days=1)
    assert send_reminders(second.original_start - day_before) == 0
    assert send_reminders(new_start - day_before) == 1
    (reminder,) = mail.outbox
    with translation.override("de"):
        assert date_format(timezone.localtime(new_start), "DATETIME_FORMAT") in reminder.body


def test_personal_data_goes_date_by_date(settings):
    settings.REGISTRATION_DATA_DAYS = 30
    event = weekly_series()
    first, second = event.occurrences.all()[:2]
    early = make_registration(event, occurrence_start=first.original_start)
    late = make_registration(event, occurrence_start=second.original_start)
    assert forget_past_registrants(first.finishes_at + datetime.timedelta(days=31)) == 1
    early.refresh_from_db()
    late.refresh_from_db()
    assert early.name == ""
    assert late.name != ""


def test_registrations_of_a_cancelled_date_are_forgotten_after_it_would_have_been(settings):
    settings.REGISTRATION_DATA_DAYS = 30
    event = weekly_series()
    second = event.occurrences.all()[1]
    make_registration(event, occurrence_start=second.original_start)
    OccurrenceChange.objects.create(
        event=event, date=timezone.localdate(second.original_start), is_cancelled=True
    )
    assert forget_past_registrants(second.original_start + datetime.timedelta(days=29)) == 0
    assert forget_past_registrants(second.original_start + datetime.timedelta(days=31)) == 1


def test_the_workers_daily_tick_sends_reminders_and_forgets_past_registrants(settings):
    settings.REGISTRATION_DATA_DAYS = 30
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    coming = make_registration_event(
        starts_at=timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(18)))
    )
    past = make_registration_event(starts_at=timezone.now() - datetime.timedelta(days=40))
    reminded = make_registration(coming)
    forgotten = make_registration(past)
    morning = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(7)))
    tick(morning)
    assert [message.to for message in mail.outbox] == [[reminded.email]]
    forgotten.refresh_from_db()
    assert forgotten.forgotten_at is not None


def test_the_members_only_notice_links_to_the_login_page(client):
    event = make_registration_event(registration_members_only=True)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    with translation.override("en"):
        login = resolve_url(settings.LOGIN_URL)
    assert f'href="{login}?next=%2Fen%2Fevents%2F{event.slug}%2F"' in html


@pytest.fixture
def office(client):
    client.force_login(make_staff(groups=["Office"], admin_language="en"))
    return client


def test_the_office_lists_a_series_registrations_date_by_date(office):
    event = weekly_series(capacity=5)
    first, second = event.occurrences.all()[:2]
    make_registration(event, name="Am ersten Abend", occurrence_start=first.original_start)
    make_registration(event, name="Am zweiten Abend", occurrence_start=second.original_start)
    url = reverse("admin:events_registration_changelist")
    html = office.get(url, {"event__id__exact": event.pk}).content.decode()
    assert "By date" in html
    response = office.get(
        url, {"event__id__exact": event.pk, "date": second.original_start.isoformat()}
    )
    names = [registration.name for registration in response.context["cl"].result_list]
    assert names == ["Am zweiten Abend"]


def test_moving_a_series_in_the_admin_moves_each_registration_to_its_new_date(office):
    event = weekly_series(capacity=5)
    second = event.occurrences.all()[1]
    registration = make_registration(event, occurrence_start=second.original_start)
    # A day later, on the Tuesdays.
    tuesday = f"{NEXT_YEAR}-01-06"
    response = save_event(
        office,
        event,
        starts_at_0=tuesday,
        starts_at_1="18:00",
        ends_at_0=tuesday,
        ends_at_1="20:00",
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.occurrence_start == berlin(NEXT_YEAR, 1, 13, 18)
    assert registration.occurrence is not None


def test_a_date_moved_to_later_takes_registrations_until_its_new_start(client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    first_start = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(18)))
    event = weekly_series(starts_at=first_start, ends_at=None)
    first = event.occurrences.all()[0]
    move(first, days=2)
    register(client, event, first.original_start)
    assert place_of("amina@example.org") == Registration.Place.REGISTERED


def test_a_date_moved_to_earlier_closes_at_its_new_start(client):
    event = weekly_series()
    second = event.occurrences.all()[1]
    move(second, days=-(second.starts_at - timezone.now()).days - 1)
    html = client.get(second.get_absolute_url()).content.decode()
    assert "Die Anmeldung für diesen Termin ist geschlossen." in html
    register(client, event, second.original_start)
    assert not Registration.objects.exists()


def write_to_registrants(office, event, date):
    return office.post(
        reverse("admin:events_registrantmessage_add"),
        {
            "event": event.pk,
            "date": date.isoformat(),
            "subject_de": "Raumänderung",
            "body_de": "Wir treffen uns in Raum 2.",
        },
    )


def test_an_email_to_the_registrants_of_one_date_goes_to_them_only(office):
    event = weekly_series(capacity=5)
    first, second = event.occurrences.all()[:2]
    make_registration(event, email="first@example.org", occurrence_start=first.original_start)
    make_registration(event, email="second@example.org", occurrence_start=second.original_start)
    write_to_registrants(office, event, timezone.localdate(second.original_start))
    office.post(
        reverse("admin:events_registrantmessage_changelist"),
        {"action": "send", "_selected_action": [RegistrantMessage.objects.get().pk]},
    )
    assert [message.to for message in mail.outbox] == [["second@example.org"]]


def test_an_email_for_a_day_without_a_date_is_refused_with_a_message(office):
    event = weekly_series()
    day_off = timezone.localdate(event.starts_at) + datetime.timedelta(days=1)
    response = write_to_registrants(office, event, day_off)
    assert "The event has no date on this day." in response.content.decode()
    assert not RegistrantMessage.objects.exists()
