"""The members' booking pages: who may see them, booking with the office's rules,
cancelling, and the emails with the calendar file."""

import datetime

import icalendar
import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from bookings.models import Booking
from bookings.views import day_plan

from .factories import in_days, make_booking, make_member_account, make_resource

OVERVIEW = "/de/members-area/bookings/"

pytestmark = pytest.mark.django_db


def booking_form(starts_at, ends_at, purpose="Vorstandssitzung"):
    return {
        "day": starts_at.date().isoformat(),
        "starts": f"{starts_at:%H:%M}",
        "ends": f"{ends_at:%H:%M}",
        "purpose": purpose,
    }


@pytest.fixture
def member(client):
    account = make_member_account()
    client.force_login(account)
    return account


def test_anonymous_visitors_are_sent_to_the_login(client):
    resource = make_resource()
    for path in (OVERVIEW, f"/de/members-area/bookings/{resource.slug}/"):
        response = client.get(path)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_an_account_without_a_member_organisation_gets_not_found(client):
    client.force_login(User.objects.create_user("someone", password="x" * 16))
    assert client.get(OVERVIEW).status_code == 404


def test_an_account_outside_the_members_group_gets_not_found(client):
    account = make_member_account()
    account.groups.clear()
    client.force_login(account)
    assert client.get(OVERVIEW).status_code == 404


def test_the_pages_are_never_stored_by_a_cache(client, member):
    response = client.get(OVERVIEW)
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_the_overview_lists_the_organisations_bookings_and_not_others(client, member):
    resource = make_resource()
    make_booking(resource, member, in_days(2, 9), purpose="Unsere Vorstandssitzung")
    make_booking(resource, make_member_account(), in_days(2, 11), purpose="Fremdes Treffen")
    page = client.get(OVERVIEW).content.decode()
    assert "Unsere Vorstandssitzung" in page
    assert "Fremdes Treffen" not in page


def test_the_week_shows_free_taken_and_own_times_without_saying_who_booked(client, member):
    resource = make_resource(opens="09:00", closes="13:00")
    make_booking(resource, member, in_days(1, 9))
    make_booking(resource, make_member_account(), in_days(1, 11), purpose="Fremdes Treffen")
    day = in_days(1, 9).date()
    response = client.get(f"/en/members-area/bookings/{resource.slug}/?week={day}")
    week = response.context["week"]["days"][day.weekday()]
    spans = [(timezone.localtime(s.starts_at).hour, s.state) for s in week["spans"]]
    assert spans == [(9, "own"), (10, "free"), (11, "taken"), (12, "free")]
    page = response.content.decode()
    assert "booked by your organisation" in page
    assert "Fremdes Treffen" not in page


def test_a_member_books_and_gets_a_confirmation_with_a_calendar_file_in_their_language(
    client, member, mailoutbox
):
    resource = make_resource()
    starts_at, ends_at = in_days(3, 10), in_days(3, 12)
    response = client.post(
        f"/ru/members-area/bookings/{resource.slug}/", booking_form(starts_at, ends_at)
    )
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert (booking.starts_at, booking.ends_at) == (starts_at, ends_at)
    assert (booking.account, booking.organisation) == (member, member.membership.organisation)
    assert booking.language == "ru"
    confirmation = next(mail for mail in mailoutbox if mail.to == [member.email])
    assert "Переговорная" in confirmation.body
    filename, content, mimetype = confirmation.attachments[0]
    event = icalendar.Calendar.from_ical(content).events[0]
    assert (event.start, event.end) == (starts_at, ends_at)
    assert mimetype == "text/calendar"
    assert booking.office_notified


def test_a_time_already_booked_is_refused_with_a_clear_error_and_nothing_saved(client, member):
    resource = make_resource()
    make_booking(resource, make_member_account(), in_days(3, 10), in_days(3, 12))
    response = client.post(
        f"/de/members-area/bookings/{resource.slug}/",
        booking_form(in_days(3, 11), in_days(3, 13), purpose="Mein Treffen"),
    )
    assert response.status_code == 200
    assert "bereits gebucht" in response.content.decode()
    assert response.context["form"]["purpose"].value() == "Mein Treffen"
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "field"),
    [
        (in_days(3, 7), in_days(3, 9), "starts"),  # before opening
        (in_days(3, 9), in_days(3, 19), "ends"),  # longer than eight hours
        (in_days(120, 9), in_days(120, 10), "day"),  # beyond ninety days ahead
        (in_days(3, 12), in_days(3, 10), "ends"),  # ends before it starts
    ],
)
def test_a_booking_against_the_rules_is_refused_at_its_field(
    client, member, starts_at, ends_at, field
):
    resource = make_resource(opens="08:00", closes="20:00")
    response = client.post(
        f"/de/members-area/bookings/{resource.slug}/", booking_form(starts_at, ends_at)
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Booking.objects.exists()


def test_a_start_in_the_past_is_refused(client, member):
    resource = make_resource(opens="00:00", closes="23:30")
    yesterday = in_days(-1, 10)
    response = client.post(
        f"/de/members-area/bookings/{resource.slug}/",
        booking_form(yesterday, yesterday + datetime.timedelta(hours=1)),
    )
    assert "bereits vorbei" in str(response.context["form"].errors["day"])
    assert not Booking.objects.exists()


def test_the_minimum_notice_is_kept(client, member):
    resource = make_resource(opens="00:00", closes="23:30", notice_hours=72)
    response = client.post(
        f"/de/members-area/bookings/{resource.slug}/",
        booking_form(in_days(1, 10), in_days(1, 11)),
    )
    assert "72" in str(response.context["form"].errors["day"])


def test_a_member_cancels_a_booking_of_their_organisation(client, member, mailoutbox):
    booking = make_booking(make_resource(), member, in_days(2, 9), language="uk")
    response = client.post(f"/de/members-area/bookings/{booking.pk}/cancel/")
    booking.refresh_from_db()
    assert response.status_code == 302
    assert booking.is_cancelled
    assert booking.cancelled_by == member
    (mail,) = mailoutbox
    content = mail.attachments[0][1]
    assert icalendar.Calendar.from_ical(content).events[0]["STATUS"] == "CANCELLED"


@pytest.mark.parametrize("path", ["{pk}/cancel/", "{pk}/booking.ics"])
def test_another_organisations_booking_is_not_found(client, member, path):
    booking = make_booking(make_resource(), make_member_account(), in_days(2, 9))
    assert client.get(OVERVIEW + path.format(pk=booking.pk)).status_code == 404
    assert client.post(OVERVIEW + path.format(pk=booking.pk)).status_code in (404, 405)
    booking.refresh_from_db()
    assert not booking.is_cancelled


def test_the_calendar_file_of_a_booking_parses(client, member):
    booking = make_booking(make_resource(), member, in_days(2, 9))
    response = client.get(f"{OVERVIEW}{booking.pk}/booking.ics")
    event = icalendar.Calendar.from_ical(response.content).events[0]
    assert event.start == booking.starts_at


def test_today_the_week_offers_only_what_can_still_be_booked(member):
    resource = make_resource(opens="08:00", closes="20:00", notice_hours=2)
    now = in_days(0, 11, 10)
    spans = day_plan(resource, now.date(), [], member.membership.organisation, now)
    assert [(timezone.localtime(s.starts_at).time(), s.state) for s in spans] == [
        (datetime.time(8), "late"),
        (datetime.time(13, 30), "free"),
    ]
