"""Invitations: the office invites a person, who sets a password from a signed link.

The link holds the invitation's random key, signed with the site's secret key and
the time of signing (``django.core.signing``). It works until ``INVITATION_MAX_AGE``
has passed, the password is set, or the office sends the invitation again, which
draws a new key and so ends every earlier link.
"""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.mail import send_email_in
from core.models import MEMBERS_GROUP

from . import account_log
from .models import AccountEvent, Invitation, Membership

SALT = "accounts.invitation"


class InvalidInvitation(Exception):
    """The link is unknown, expired, already used or replaced by a newer one."""


def token_for(invitation):
    return signing.dumps(invitation.key, salt=SALT)


def invitation_for(token):
    """The open invitation ``token`` stands for; ``InvalidInvitation`` otherwise."""
    try:
        key = signing.loads(token, salt=SALT, max_age=settings.INVITATION_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is one too
        raise InvalidInvitation from error
    invitation = (
        Invitation.objects.select_related("account").filter(key=key, accepted_at=None).first()
    )
    if invitation is None or invitation.account.has_usable_password():
        raise InvalidInvitation
    return invitation


@transaction.atomic
def invite(request, *, email, first_name, last_name, organisation, language):
    """Create the account (no password yet), link it to ``organisation``, put it in the
    Members group, and send the invitation."""
    account = get_user_model()(
        username=email[:150], email=email, first_name=first_name, last_name=last_name
    )
    account.set_unusable_password()
    account.save()
    account.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    Membership.objects.create(user=account, organisation=organisation)
    invitation = Invitation(account=account, language=language)
    send(request, invitation)
    return invitation


def send(request, invitation):
    """(Re-)send ``invitation`` with a new link; earlier links stop working."""
    invitation.key = secrets.token_urlsafe(32)
    invitation.sent_at = timezone.now()
    invitation.invited_by = request.user
    invitation.save()
    account = invitation.account
    with translation.override(invitation.language):
        path = reverse("accounts:invitation", args=[token_for(invitation)])
    context = {
        "account": account,
        "link": request.build_absolute_uri(path),
        "days": settings.INVITATION_MAX_AGE // (24 * 60 * 60),
    }
    account_log.log(AccountEvent.Kind.INVITED, account, request=request, actor=request.user)
    # Last: if the mail server fails, the invitation is stored and the office sends it again.
    send_email_in(
        invitation.language,
        [account.email],
        _("Your invitation to the MiSO network's member area"),
        "accounts/email/invitation.txt",
        context,
    )


def accept(request, invitation):
    """The person has set a password: the invitation is used, and since it reached the
    address, that is the account's verified, primary one."""
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    account = invitation.account
    EmailAddress.objects.update_or_create(
        user=account, email=account.email, defaults={"verified": True, "primary": True}
    )
    account_log.log(AccountEvent.Kind.INVITATION_ACCEPTED, account, request=request)
