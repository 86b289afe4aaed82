"""Member pages and personal feeds never come from, nor go into, the page cache."""

import pytest

from events.models import Event
from members.models import MemberOrganisation
from tests.accounts.factories import make_feed, make_member_of
from tests.events.factories import make_event

pytestmark = pytest.mark.django_db

AREA = "/de/members-area/"


@pytest.fixture
def member():
    make_event(title_de="Klausur", members_only=True)
    return make_member_of()


def test_member_area_is_rendered_fresh_on_every_visit(client, member, page_cache):
    client.force_login(member)
    client.get(AREA)
    # Changed without a signal: only a page rendered anew shows it. (The event cards on the
    # page are shared fragments, renewed by a save's signal like any cached content.)
    MemberOrganisation.objects.update(name="Verein Neu")
    assert "Verein Neu" in client.get(AREA).content.decode()


def test_member_area_is_never_served_to_a_visitor(client, member, page_cache):
    client.force_login(member)
    client.get(AREA)
    client.logout()
    response = client.get(AREA)
    assert response.status_code == 302
    assert "Klausur" not in response.content.decode()


def test_personal_feed_is_rendered_fresh_on_every_request(client, member, page_cache):
    url = make_feed(member).get_absolute_url()
    client.get(url)
    Event.objects.update(title_de="Klausur, verschoben")
    assert b"Klausur\\, verschoben" in client.get(url).content


def test_members_only_event_stays_out_of_the_cached_public_list(client, member, page_cache):
    client.force_login(member)
    assert "Klausur" in client.get("/de/events/").content.decode()
    client.logout()
    assert "Klausur" not in client.get("/de/events/").content.decode()
