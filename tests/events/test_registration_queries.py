"""The event page with its registration form, and the office's lists, cost the same
number of SQL queries with 2 events of 5 registrations each or 20 of 100."""

import pytest
from django.utils import timezone

from events.models import Registration
from events.registrations import registration_token
from tests.backoffice.factories import make_staff
from tests.pages.factories import make_site_pages

from .factories import make_question, make_registration_event

# Every page: the association and its opening hours for the footer.
FOOTER = 2


@pytest.fixture(params=[(2, 5), (20, 100)], ids=["2 × 5 registrations", "20 × 100 registrations"])
def busy_events(request, db):
    """Events taking registrations, each with two questions and its registrations."""
    count, per_event = request.param
    make_site_pages()
    events = [make_registration_event(capacity=per_event) for _ in range(count)]
    for event in events:
        make_question(event)
        make_question(event, label="Sprache", kind="text")
    Registration.objects.bulk_create(
        Registration(
            event=event,
            occurrence_start=event.starts_at,
            name=f"Person {number}",
            email=f"person{number}@example.org",
            language="de",
            attended=number % 2 == 0,
        )
        for event in events
        for number in range(per_event)
    )
    return events


def test_event_page_with_the_form_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, busy_events
):
    event = busy_events[0]
    # the event with venue and district, its organisations, the places taken, the questions
    with django_assert_max_num_queries(FOOTER + 4):
        response = client.get(f"/de/events/{event.slug}/")
    assert response.status_code == 200
    assert 'name="consent"' in response.content.decode()


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # the events with their counts: one query, however many registrations (each admin
        # page also asks whether the staff member has a second factor)
        ("/admin/events/event/", 20),
        ("/admin/events/registration/", 18),
    ],
)
def test_admin_list_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, busy_events, url, queries
):
    client.force_login(make_staff(groups=["Office"], admin_language="en"))
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


def test_event_admin_list_shows_the_counts(client, busy_events):
    client.force_login(make_staff(groups=["Office"], admin_language="en"))
    html = client.get("/admin/events/event/").content.decode()
    registered = busy_events[0].registrations.count()
    assert f"{registered} / 0 / {(registered + 1) // 2} / {registered}" in html


def test_registration_page_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, busy_events
):
    registration = Registration.objects.filter(event=busy_events[0]).last()
    registration.place = Registration.Place.WAITING
    registration.queued_at = timezone.now()
    registration.save()
    # the registration with event and venue, its date as it takes place, its place on the
    # waiting list
    with django_assert_max_num_queries(FOOTER + 3):
        response = client.get(f"/de/events/registration/{registration_token(registration)}/")
    assert response.status_code == 200
