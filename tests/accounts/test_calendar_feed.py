"""The personal calendar feed: secret, revocable, and only for members."""

import pytest
from icalendar import Calendar

from accounts.models import CalendarFeed
from tests.events.factories import make_event

from .factories import make_feed, make_member_of

pytestmark = pytest.mark.django_db

SECRET = "Klausur des Vorstands"


@pytest.fixture
def members_event():
    return make_event(title_de=SECRET, title_uk="Засідання правління", members_only=True)


def summaries(response):
    calendar = Calendar.from_ical(response.content)
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def test_member_makes_a_feed_that_holds_members_only_events(client, members_event):
    user = make_member_of()
    client.force_login(user)
    client.post("/de/members-area/calendar/new/")
    feed = CalendarFeed.objects.get(user=user)
    client.logout()
    response = client.get(feed.get_absolute_url())
    assert response["Content-Type"].startswith("text/calendar")
    assert SECRET in summaries(response)


def test_feed_titles_are_in_the_language_it_was_made_in(client, members_event):
    user = make_member_of()
    client.force_login(user)
    client.post("/uk/members-area/calendar/new/")
    response = client.get(CalendarFeed.objects.get(user=user).get_absolute_url())
    assert summaries(response) == ["Засідання правління"]


def test_area_shows_the_feed_address(client):
    user = make_member_of()
    feed = make_feed(user)
    client.force_login(user)
    html = client.get("/de/members-area/").content.decode()
    assert feed.token in html
    assert f"webcal://testserver/calendar/{feed.token}.ics" in html


def test_new_address_makes_the_old_one_not_found(client, members_event):
    user = make_member_of()
    old = make_feed(user).get_absolute_url()
    client.force_login(user)
    client.post("/de/members-area/calendar/new/")
    new = CalendarFeed.objects.get(user=user).get_absolute_url()
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_feed_of_a_person_who_lost_the_members_group_is_not_found(client, members_event):
    user = make_member_of()
    feed = make_feed(user)
    user.groups.clear()
    assert client.get(feed.get_absolute_url()).status_code == 404


def test_feed_of_a_deactivated_account_is_not_found(client, members_event):
    user = make_member_of()
    feed = make_feed(user)
    user.is_active = False
    user.save()
    assert client.get(feed.get_absolute_url()).status_code == 404


def test_made_up_token_is_not_found(client, members_event):
    make_feed(make_member_of())
    assert client.get("/calendar/not-the-token.ics").status_code == 404


def test_making_a_feed_leaves_other_peoples_feeds_alone(client):
    owner = make_member_of()
    feed = make_feed(owner)
    client.force_login(make_member_of())
    client.post("/de/members-area/calendar/new/")
    feed.refresh_from_db()
    assert client.get(feed.get_absolute_url()).status_code == 200
    assert CalendarFeed.objects.count() == 2


def test_anonymous_visitor_cannot_make_a_feed(client):
    response = client.post("/de/members-area/calendar/new/")
    assert response.status_code == 404
    assert not CalendarFeed.objects.exists()


def test_making_a_feed_needs_a_post(client):
    client.force_login(make_member_of())
    assert client.get("/de/members-area/calendar/new/").status_code == 405


def test_public_feed_still_hides_members_only_events(client, members_event):
    make_feed(make_member_of())
    assert SECRET not in summaries(client.get("/de/events/feed.ics"))


def test_feed_is_not_stored_by_caches(client, members_event):
    feed = make_feed(make_member_of())
    assert "no-store" in client.get(feed.get_absolute_url())["Cache-Control"]
