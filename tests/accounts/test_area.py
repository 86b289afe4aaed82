"""The member area's home page: what is for members, and for nobody else."""

import datetime

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import timezone

from events.models import Event
from tests.documents.factories import make_document
from tests.events.factories import make_event
from tests.people.factories import make_person, make_working_group

from .factories import make_member_of

pytestmark = pytest.mark.django_db

AREA = "/de/members-area/"


@pytest.fixture
def members_content():
    make_event(title_de="Klausur des Vorstands", members_only=True)
    make_event(title_de="Sommerfest")
    make_document(title_de="Protokoll der Mitgliederversammlung", members_only=True)


def test_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(AREA)
    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL))


def test_member_sees_members_only_event_and_document(client, members_content):
    client.force_login(make_member_of())
    html = client.get(AREA).content.decode()
    assert "Klausur des Vorstands" in html
    assert "Protokoll der Mitgliederversammlung" in html
    # The area lists what is for members; public events are in the calendar.
    assert "Sommerfest" not in html


def test_a_weekly_series_is_listed_once_at_its_next_date(client):
    series = make_event(
        title_de="Wöchentliche Sprechstunde",
        members_only=True,
        starts_at=timezone.now() + datetime.timedelta(days=1),
        repeat=Event.Repeat.WEEKLY,
        repeat_count=8,
    )
    make_event(title_de="Klausur des Vorstands", members_only=True)
    client.force_login(make_member_of())
    dates = client.get(AREA).context["occurrences"]
    assert [date.event.title_de for date in dates].count("Wöchentliche Sprechstunde") == 1
    assert series.occurrences.order_by("starts_at").first() in dates
    assert "Klausur des Vorstands" in [date.event.title_de for date in dates]


def test_account_without_members_group_sees_no_members_only_content(client, members_content):
    user = make_member_of()
    user.groups.clear()
    client.force_login(user)
    html = client.get(AREA).content.decode()
    assert "Klausur des Vorstands" not in html
    assert "Protokoll der Mitgliederversammlung" not in html
    assert "nicht mehr zu einer Mitgliedsorganisation" in html


def test_working_group_says_whom_to_ask(client):
    contact = make_person(first_name="Leyla", last_name="Demir", email="leyla@example.org")
    group = make_working_group()
    group.contact = contact
    group.how_to_join_de = "Wir treffen uns jeden ersten Montag."
    group.save()
    client.force_login(make_member_of())
    html = client.get(AREA).content.decode()
    assert "Leyla Demir" in html
    assert "Wir treffen uns jeden ersten Montag." in html


def test_area_is_marked_never_to_be_cached(client):
    client.force_login(make_member_of())
    cache_control = client.get(AREA)["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_area_opens_in_every_language(client, language):
    client.force_login(make_member_of())
    response = client.get(f"/{language}/members-area/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
