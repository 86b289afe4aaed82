"""The booking pages cost a fixed number of queries, however many bookings there are."""

import pytest

from tests.backoffice.factories import make_staff

from .factories import in_days, make_many_bookings, make_member_account, make_resource

# Session, account, membership, organisation, group and the footer's association; then the
# overview's resources, bookings and their count, or the week's resource, hours and bookings.
MEMBER_PAGE_QUERIES = 9
# Session, account, admin language, the association and the session saved (in a savepoint),
# then the calendar's bookings and resources.
CALENDAR_QUERIES = 10


@pytest.fixture(params=[10, 1000], ids=["10 bookings", "1000 bookings"])
def booked(request, db):
    resource = make_resource(days_ahead=400)
    account = make_member_account()
    make_many_bookings(resource, account, request.param)
    return resource, account


def test_the_overview_costs_a_fixed_number_of_queries(
    client, booked, django_assert_max_num_queries
):
    client.force_login(booked[1])
    with django_assert_max_num_queries(MEMBER_PAGE_QUERIES):
        assert client.get("/de/members-area/bookings/").status_code == 200


def test_a_resources_week_costs_a_fixed_number_of_queries(
    client, booked, django_assert_max_num_queries
):
    resource, account = booked
    client.force_login(account)
    week = in_days(2, 8).date()
    with django_assert_max_num_queries(MEMBER_PAGE_QUERIES):
        response = client.get(f"/de/members-area/bookings/{resource.slug}/?week={week}")
    assert response.status_code == 200
    assert any(
        span.state == "own" for day in response.context["week"]["days"] for span in day["spans"]
    )


@pytest.mark.parametrize("view", ["?week={day}", "month/?month={day:%Y-%m}"])
def test_the_admin_calendar_costs_a_fixed_number_of_queries(
    client, booked, django_assert_max_num_queries, view
):
    client.force_login(make_staff(superuser=True))
    query = view.format(day=in_days(2, 8).date())
    with django_assert_max_num_queries(CALENDAR_QUERIES):
        response = client.get(f"/admin/bookings/booking/calendar/{query}")
    assert response.status_code == 200
