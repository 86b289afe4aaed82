import itertools
import time

from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib.auth.models import Group, User
from django.urls import reverse

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


PASSWORD = "Several-words-make-a-strong-passphrase-42"


def give_second_factor(user):
    """An authenticator app for ``user``; returns its secret, for ``totp_code``."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret, period=0):
    """The code the authenticator app shows now (or ``period`` periods of 30 s from now)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + period))


_used_codes = set()


def unused_code(secret):
    """A code the site takes and that was not used before: the site takes each code once,
    and also the app's previous and next one (``MFA_TOTP_TOLERANCE``)."""
    while True:
        for period in (0, 1, -1):
            code = totp_code(secret, period)
            if (secret, code) not in _used_codes:
                _used_codes.add((secret, code))
                return code
        time.sleep(1)


def make_member(email="ayse@example.org", organisation=None, password=PASSWORD):
    """A person of a member organisation, in the Members group, who has set a password."""
    user = User.objects.create_user(
        username=email, email=email, password=password, first_name="Ayşe", last_name="Demir"
    )
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    Membership.objects.create(user=user, organisation=organisation or make_organisation())
    return user


def secret_of(user):
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return get_adapter().decrypt(authenticator.data["secret"])


def log_in(client, email, password=PASSWORD, *, address="198.51.100.7", next_url=""):
    """Through the site's sign-in form, and its second step (the code of the account's
    authenticator app) when the password was right and the account has one."""
    data = {"login": email, "password": password}
    if next_url:
        data["next"] = next_url
    response = client.post(reverse("account_login"), data, REMOTE_ADDR=address)
    if response.status_code == 302 and response.url == reverse("mfa_authenticate"):
        user = User.objects.get(email__iexact=email)
        code = {"code": unused_code(secret_of(user))}
        response = client.post(reverse("mfa_authenticate"), code, REMOTE_ADDR=address)
    return response


def is_logged_in(client):
    return "_auth_user_id" in client.session
