"""Members-only events reach members and nobody else, in every output."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from events.models import Occurrence
from tests.backoffice.factories import make_staff
from tests.members.factories import make_member

from .factories import make_event

pytestmark = pytest.mark.django_db

SECRET = "Arbeitsgruppe Partizipation"


@pytest.fixture
def members_event():
    return make_event(title_de=SECRET, slug="ag-partizipation", members_only=True)


def calendar_url(event):
    day = timezone.localdate(event.starts_at)
    return f"/de/events/calendar/{day.year}/{day.month}/"


LIST_OUTPUTS = {
    "upcoming page": lambda event: "/de/events/",
    "calendar": calendar_url,
    "feed": lambda event: "/de/events/feed.ics",
}


@pytest.mark.parametrize("output", LIST_OUTPUTS)
def test_anonymous_visitor_does_not_find_members_only_event(client, members_event, output):
    response = client.get(LIST_OUTPUTS[output](members_event))
    assert response.status_code == 200
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("output", LIST_OUTPUTS)
def test_member_finds_members_only_event(client, django_user_model, members_event, output):
    client.force_login(make_member(django_user_model))
    assert SECRET in client.get(LIST_OUTPUTS[output](members_event)).content.decode()


def test_past_members_only_event_is_hidden_from_anonymous_visitors(client):
    event = make_event(
        title_de=SECRET,
        members_only=True,
        starts_at=timezone.now() - datetime.timedelta(days=400),
    )
    year = timezone.localdate(event.starts_at).year
    make_event(title_de="Neujahrsempfang", starts_at=event.starts_at)
    html = client.get(f"/de/events/past/{year}/").content.decode()
    assert "Neujahrsempfang" in html
    assert SECRET not in html


@pytest.mark.parametrize("suffix", ["/", ".ics"])
def test_anonymous_visitor_gets_not_found_for_members_only_event(client, members_event, suffix):
    assert client.get(f"/de/events/ag-partizipation{suffix}").status_code == 404


@pytest.mark.parametrize("suffix", ["/", ".ics"])
def test_member_opens_members_only_event(client, django_user_model, members_event, suffix):
    client.force_login(make_member(django_user_model))
    response = client.get(f"/de/events/ag-partizipation{suffix}")
    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_logged_in_user_outside_the_members_group_is_not_a_member(
    client, django_user_model, members_event
):
    client.force_login(django_user_model.objects.create_user("neighbour", password="x" * 16))
    assert client.get("/de/events/ag-partizipation/").status_code == 404
    assert SECRET not in client.get("/de/events/").content.decode()


def test_staff_see_members_only_events(client, members_event):
    client.force_login(make_staff())
    assert client.get("/de/events/ag-partizipation/").status_code == 200


def test_members_only_event_is_marked_for_members(client, django_user_model, members_event):
    client.force_login(make_member(django_user_model))
    html = client.get("/en/events/ag-partizipation/").content.decode()
    assert "Members only" in html


def test_members_only_event_ics_is_private(client, django_user_model, members_event):
    client.force_login(make_member(django_user_model))
    assert b"CLASS:PRIVATE" in client.get("/de/events/ag-partizipation.ics").content


def test_sitemap_leaves_out_members_only_events_even_for_members(
    client, django_user_model, members_event
):
    public = make_event(slug="mai-fest")
    client.force_login(make_member(django_user_model))
    sitemap = client.get("/sitemap-events.xml").content.decode()
    assert f"/de/events/{public.slug}/" in sitemap
    assert "ag-partizipation" not in sitemap


def test_home_page_helper_leaves_out_members_only_events(members_event):
    public = make_event()
    assert [date.event for date in Occurrence.objects.next_for(AnonymousUser(), 5)] == [public]


def test_site_search_does_not_find_members_only_event_for_anonymous_visitors(client, members_event):
    html = client.get("/de/search/", {"q": "Partizipation"}).content.decode()
    assert SECRET not in html


def test_site_search_finds_members_only_event_for_members(client, django_user_model, members_event):
    client.force_login(make_member(django_user_model))
    html = client.get("/de/search/", {"q": "Partizipation"}).content.decode()
    assert SECRET in html
