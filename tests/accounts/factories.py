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

from accounts.models import Membership
from core.models import MEMBERS_GROUP
from tests.members.factories import make_organisation

PASSWORD = "Several-words-make-a-strong-passphrase-42"


def give_second_factor(user):
    """An authenticator app for ``user``; returns its secret, for ``totp_code``."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret):
    """The code the authenticator app shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


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
        code = {"code": totp_code(secret_of(user))}
        response = client.post(reverse("mfa_authenticate"), code, REMOTE_ADDR=address)
    return response


def is_logged_in(client):
    return "_auth_user_id" in client.session
