"""Each member page costs the same number of SQL queries with 10 or 1,000 events,
documents and proposals: they are never cached, so they must be fast on their own."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from accounts.models import EventProposal
from tests.data_sets import built_once, use_files_of
from tests.documents.factories import make_many_documents
from tests.events.factories import make_events
from tests.members.factories import make_organisation
from tests.pages.factories import make_site_pages
from tests.people.factories import make_person, make_working_group

from .factories import make_change, make_feed, make_member_of

# Every page of a logged-in person: the session, the account, the footer's association
# and opening hours.
LOGGED_IN = 4
# The Members group, the account's organisation.
MEMBER = 3


@pytest.fixture(scope="module", params=[10, 1000], ids=["10 items", "1000 items"])
def member_set(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """``count`` members-only events and documents, and ``count`` proposals of the member."""
    count = request.param
    folder = tmp_path_factory.mktemp(f"member-area-{count}")
    with built_once(django_db_blocker, folder):
        make_site_pages()
        organisation = make_organisation(name="kargah e.V.")
        member = make_member_of(organisation, username="the-member")
        soon = timezone.now() + datetime.timedelta(days=2)
        make_events(count, [organisation], members_only=True, starts_at=soon)
        proposed = make_events(count, [organisation], is_published=False, starts_at=soon)
        EventProposal.objects.bulk_create(
            EventProposal(event=event, organisation=organisation, account=member, language="de")
            for event in proposed
        )
        make_many_documents(count)
        make_change(member)
        make_feed(member)
        for number in range(5):
            group = make_working_group(name=f"Gruppe {number}")
            group.contact = make_person(last_name=f"Person {number}")
            group.save()
        yield folder


@pytest.fixture
def member(member_set, db, settings, client):
    use_files_of(member_set, settings)
    user = User.objects.get(username="the-member")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # members-only events and documents (each asks for the Members group again),
        # working groups with their contacts, the person's proposals with their events,
        # the latest entry change, the calendar feed
        ("/de/members-area/", LOGGED_IN + MEMBER + 2 * 2 + 4),
        # the latest change with its focus areas and languages; the form's choices:
        # focus areas, languages, districts
        ("/de/members-area/our-entry/", LOGGED_IN + MEMBER + 3 + 3),
        # count and page of the proposals with their events
        ("/de/members-area/our-events/", LOGGED_IN + 2),
        ("/de/members-area/our-events/?page=last", LOGGED_IN + 2),
        # the venues to choose from
        ("/de/members-area/our-events/new/", LOGGED_IN + MEMBER + 1),
    ],
)
def test_member_page_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, member, url, queries
):
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200


def test_proposal_page_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, member
):
    proposal = EventProposal.objects.filter(account=member).last()
    # the proposal with its event, venue and organisation
    with django_assert_max_num_queries(LOGGED_IN + 1):
        assert client.get(proposal.get_absolute_url()).status_code == 200


def test_calendar_feed_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, member
):
    url = member.calendar_feed.get_absolute_url()
    client.logout()
    # the feed with its account, the Members group (for the feed and for the events),
    # the events with their venues
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
