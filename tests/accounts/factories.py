import itertools

from django.contrib.auth.models import Group, User

from accounts.models import CalendarFeed, EventProposal, Membership, OrganisationChange
from core.models import MEMBERS_GROUP
from tests.events.factories import make_event
from tests.members.factories import make_organisation

_numbers = itertools.count(1)


def make_member_of(organisation=None, username=None):
    """A person of a member organisation, as the office sets one up: in the Members group
    and linked to the organisation."""
    username = username or f"person{next(_numbers)}"
    user = User.objects.create_user(
        username=username, email=f"{username}@example.org", password="x" * 16
    )
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    Membership.objects.create(user=user, organisation=organisation or make_organisation())
    return user


def make_feed(user, language="de"):
    return CalendarFeed.objects.create(user=user, language=language)


def make_change(user, language="de", **overrides):
    """A waiting change to ``user``'s organisation's entry."""
    organisation = user.membership.organisation
    fields = {
        "organisation": organisation,
        "account": user,
        "language": language,
        "descriptions": {"de": f"{organisation.name} berät Familien."},
        "city": "Hannover",
    }
    return OrganisationChange.objects.create(**(fields | overrides))


def make_event_proposal(user, language="de", **event_fields):
    organisation = user.membership.organisation
    event = make_event(organisations=[organisation], is_published=False, **event_fields)
    return EventProposal.objects.create(
        event=event, organisation=organisation, account=user, language=language
    )
