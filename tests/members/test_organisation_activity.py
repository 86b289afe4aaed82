"""An organisation's page shows the events it presents and the news that names it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.events.factories import make_event, make_events, make_member
from tests.members.factories import make_organisation
from tests.news.factories import make_job_posting, make_post


@pytest.fixture
def organisation(db):
    return make_organisation("Kulturverein Linden", slug="kulturverein")


def page_of(client, organisation):
    return client.get(organisation.get_absolute_url()).content.decode()


def test_the_page_lists_the_coming_events_the_organisation_presents(
    client, site_pages, organisation
):
    make_event([organisation], title_de="Sommerfest im Hof")
    make_event([make_organisation()], title_de="Fest eines anderen Vereins")
    make_event(title_de="Fest ohne Verein")
    html = page_of(client, organisation)
    assert 'id="events-heading"' in html
    assert "Sommerfest im Hof" in html
    assert "Fest eines anderen Vereins" not in html
    assert "Fest ohne Verein" not in html


def test_past_unpublished_and_members_only_events_stay_off_the_page(
    client, site_pages, organisation
):
    now = timezone.now()
    make_event([organisation], title_de="Vergangenes Fest", starts_at=now - datetime.timedelta(7))
    make_event([organisation], title_de="Entwurf", is_published=False)
    make_event([organisation], title_de="Nur für Mitglieder", members_only=True)
    html = page_of(client, organisation)
    for title in ["Vergangenes Fest", "Entwurf", "Nur für Mitglieder"]:
        assert title not in html
    assert 'id="events-heading"' not in html


def test_members_see_the_members_only_events_too(
    client, site_pages, organisation, django_user_model
):
    make_event([organisation], title_de="Nur für Mitglieder", members_only=True)
    client.force_login(make_member(django_user_model))
    assert "Nur für Mitglieder" in page_of(client, organisation)


def test_the_soonest_events_come_first(client, site_pages, organisation):
    now = timezone.now()
    make_event([organisation], title_de="Später", starts_at=now + datetime.timedelta(days=20))
    make_event([organisation], title_de="Bald", starts_at=now + datetime.timedelta(days=2))
    html = page_of(client, organisation)
    assert html.index("Bald") < html.index("Später")


def test_the_page_lists_the_posts_that_name_the_organisation(client, site_pages, organisation):
    post = make_post(title_de="Kulturverein feiert zehn Jahre")
    post.organisations.add(organisation)
    make_post(title_de="Meldung über andere")
    hidden = make_post(title_de="Unveröffentlichter Entwurf", is_published=False)
    hidden.organisations.add(organisation)
    expired = make_job_posting(timezone.localdate() - datetime.timedelta(days=1))
    expired.organisations.add(organisation)
    html = page_of(client, organisation)
    assert 'id="news-heading"' in html
    assert "Kulturverein feiert zehn Jahre" in html
    assert "Meldung über andere" not in html
    assert "Unveröffentlichter Entwurf" not in html
    assert expired.title_de not in html


def test_without_events_or_posts_the_sections_are_left_out(client, site_pages, organisation):
    html = page_of(client, organisation)
    assert 'id="events-heading"' not in html
    assert 'id="news-heading"' not in html


def queries_for(client, organisation):
    client.get(organisation.get_absolute_url())  # the footer's data is cached after this one
    with CaptureQueriesContext(connection) as queries:
        assert client.get(organisation.get_absolute_url()).status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_with_1_and_20_events_and_posts(
    client, site_pages, organisation
):
    other = make_organisation()
    make_events(1, [organisation, other])
    make_post().organisations.add(organisation)
    with_one = queries_for(client, organisation)
    make_events(19, [organisation, other])
    for _number in range(19):
        make_post().organisations.add(organisation)
    with_twenty = queries_for(client, organisation)
    assert with_one == with_twenty
    html = page_of(client, organisation)
    assert html.count('class="card event-card"') == 6
    assert html.count('class="card post-card"') == 3
