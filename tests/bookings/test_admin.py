"""The office's side: every booking in a calendar, cancelling with a reason, the rules."""

import pytest
from django.urls import reverse

from bookings.models import Booking
from tests.backoffice.factories import make_staff

from .factories import in_days, make_booking, make_member_account, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client):
    def log_in(language="en"):
        client.force_login(make_staff(superuser=True, admin_language=language))
        return client

    return log_in


@pytest.mark.parametrize(
    ("language", "title", "room"),
    [("en", "Booking calendar", "Meeting room"), ("ar", "تقويم الحجوزات", "قاعة الاجتماعات")],
)
def test_the_calendar_shows_every_resources_bookings_of_the_week(office, language, title, room):
    resource = make_resource(name_en="Meeting room", name_ar="قاعة الاجتماعات")
    booking = make_booking(resource, make_member_account(), in_days(1, 9))
    week = booking.starts_at.date()
    html = office(language).get(f"/admin/bookings/booking/calendar/?week={week}").content.decode()
    assert title in html
    assert str(booking.organisation) in html
    assert reverse("admin:bookings_booking_change", args=[booking.pk]) in html
    assert room in html


def test_the_arabic_calendar_is_right_to_left(office):
    html = office("ar").get("/admin/bookings/booking/calendar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_a_cancelled_booking_leaves_the_calendar(office):
    booking = make_booking(make_resource(), make_member_account(), in_days(1, 9))
    booking.cancel(by=None, reason="Wasserschaden")
    html = office().get(f"/admin/bookings/booking/calendar/?week={in_days(1, 9).date()}")
    assert reverse("admin:bookings_booking_change", args=[booking.pk]) not in html.content.decode()


def test_the_office_cancels_with_a_reason_and_the_member_is_told_in_their_language(
    office, mailoutbox
):
    member = make_member_account()
    booking = make_booking(make_resource(), member, in_days(2, 9), language="ru")
    client = office()
    response = client.post(
        f"/admin/bookings/booking/{booking.pk}/cancel/", {"reason": "Ремонт в помещении"}
    )
    booking.refresh_from_db()
    assert response.status_code == 302
    assert booking.is_cancelled
    assert booking.cancel_reason == "Ремонт в помещении"
    (mail,) = mailoutbox
    assert mail.to == [member.email]
    assert "Ремонт в помещении" in mail.body
    assert "Офис отменил" in mail.body


def test_cancelling_without_a_reason_is_refused_and_changes_nothing(office, mailoutbox):
    booking = make_booking(make_resource(), make_member_account(), in_days(2, 9))
    response = office().post(f"/admin/bookings/booking/{booking.pk}/cancel/", {"reason": ""})
    booking.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert not booking.is_cancelled
    assert not mailoutbox


def test_a_staff_member_without_permission_on_bookings_cannot_cancel(client):
    booking = make_booking(make_resource(), make_member_account(), in_days(2, 9))
    client.force_login(make_staff())
    response = client.post(f"/admin/bookings/booking/{booking.pk}/cancel/", {"reason": "x"})
    booking.refresh_from_db()
    assert response.status_code == 403
    assert not booking.is_cancelled


def test_new_bookings_are_in_the_inbox_until_marked_as_seen(office):
    booking = make_booking(make_resource(), make_member_account(), in_days(2, 9))
    client = office()
    inbox = {entry["model"]: entry for entry in client.get("/admin/").context["inbox"]}
    assert inbox["bookings.booking"]["new"] == 1
    client.post(
        "/admin/bookings/booking/",
        {"action": "mark_seen", "_selected_action": [booking.pk]},
    )
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_the_bookings_list_filters_by_resource(office):
    room, projector = make_resource(), make_resource()
    account = make_member_account()
    make_booking(room, account, in_days(2, 9), purpose="Raum")
    make_booking(projector, account, in_days(2, 9), purpose="Beamer")
    response = office().get(f"/admin/bookings/booking/?resource__id__exact={projector.pk}")
    assert [b.purpose for b in response.context["cl"].result_list] == ["Beamer"]


def test_a_bookings_page_in_the_admin_links_to_cancelling_it(office):
    booking = make_booking(make_resource(), make_member_account(), in_days(2, 9))
    html = office().get(f"/admin/bookings/booking/{booking.pk}/change/").content.decode()
    assert reverse("admin:bookings_booking_cancel", args=[booking.pk]) in html


def test_the_office_edits_a_resources_rules_and_opening_hours(office):
    resource = make_resource()
    html = office().get(f"/admin/bookings/resource/{resource.pk}/change/").content.decode()
    for field in ("longest_booking_hours", "days_ahead", "notice_hours", "opening_hours-0-opens"):
        assert f'name="{field}"' in html


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_month_shows_each_resources_bookings_on_their_day(office, language):
    room, projector = make_resource(), make_resource()
    booking = make_booking(projector, make_member_account(), in_days(1, 9))
    month = f"{booking.starts_at:%Y-%m}"
    response = office(language).get(f"/admin/bookings/booking/calendar/month/?month={month}")
    months = {entry["resource"]: entry for entry in response.context["months"]}
    days = [cell for week in months[projector]["weeks"] for cell in week if cell["bookings"]]
    assert [(cell["day"], cell["bookings"]) for cell in days] == [
        (booking.starts_at.date(), [booking])
    ]
    assert not any(cell["bookings"] for week in months[room]["weeks"] for cell in week)
    assert reverse("admin:bookings_booking_change", args=[booking.pk]) in response.content.decode()
