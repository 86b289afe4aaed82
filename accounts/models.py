"""Which member organisation a person's account belongs to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Membership(models.Model):
    """Links an account to the member organisation it acts for.

    Whether the account sees members-only content is the Members group
    (``core.models.is_member``); this link says for which organisation it may
    edit the entry, propose events and book rooms.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name=_("account"),
    )
    organisation = models.ForeignKey(
        "members.MemberOrganisation",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("member organisation"),
    )
    created_at = models.DateTimeField(_("linked since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation", "user"]

    def __str__(self):
        return f"{self.user} ({self.organisation})"


def organisation_of(user):
    """The member organisation ``user`` acts for, or ``None``."""
    if not user.is_authenticated:
        return None
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None


class AccountRecord(models.Model):
    """Something an account sent or holds: a booking, a proposal, a profile change.

    Found by type (``issubclass``) for the person's data download and account
    deletion (GDPR Art. 15 and 17): deleting the account keeps the record for
    the office with ``account`` empty, after ``anonymise()`` removed what else
    it holds about the person.
    """

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_records",
        verbose_name=_("account"),
    )

    class Meta:
        abstract = True

    def personal_data(self):
        """What this record holds about its account, as a JSON-ready dict for the download."""
        raise NotImplementedError

    def anonymise(self):
        """Remove what identifies the person beyond ``account``, before the account goes."""


# Invitations and the account log (issue 14, items 1 and 7).


class Invitation(models.Model):
    """The office's invitation to a person: the link in its email sets the account's password.

    The link carries ``key`` signed with the site's secret and the time it was sent
    (``accounts.invitations``): it stops working after ``INVITATION_MAX_AGE``, once the
    password is set, and when the office sends the invitation again (a new key).
    """

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="invitation",
        verbose_name=_("account"),
    )
    language = models.CharField(_("language of the invitation"), max_length=10)
    key = models.CharField(max_length=64, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    sent_at = models.DateTimeField(_("sent"))
    accepted_at = models.DateTimeField(_("password set"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at"]

    def __str__(self):
        return str(self.account)


class AccountEvent(AccountRecord):
    """One line of the account log the office reads: sign-ins, failed sign-ins, password
    resets and changes, invitations, and changes to an account's rights.

    ``account`` is the account it is about; ``actor`` whoever did it when that is
    someone else (the office member who invited or changed rights). Lines older
    than ``ACCOUNT_LOG_DAYS`` are deleted (``manage.py prune_account_log``).
    """

    class Kind(models.TextChoices):
        LOGGED_IN = "logged-in", _("signed in")
        LOGIN_FAILED = "login-failed", _("sign-in failed")
        LOGGED_OUT = "logged-out", _("signed out")
        PASSWORD_RESET = "password-reset", _("password reset")
        PASSWORD_CHANGED = "password-changed", _("password changed")
        INVITED = "invited", _("invited")
        INVITATION_ACCEPTED = "invitation-accepted", _("invitation accepted")
        GROUPS_CHANGED = "groups-changed", _("groups changed")
        STAFF_CHANGED = "staff-changed", _("admin access changed")
        TWO_FACTOR_CHANGED = "two-factor-changed", _("two-factor sign-in changed")
        EMAIL_CHANGED = "email-changed", _("email address changed")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("what"), max_length=30, choices=Kind.choices)
    # The address the account signed in with, also when the log outlives the link to it.
    login = models.CharField(_("sign-in name"), max_length=254, blank=True)
    address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )

    class Meta:
        verbose_name = _("account log entry")
        verbose_name_plural = _("account log")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.login}"

    def personal_data(self):
        return {
            "at": self.at.isoformat(),
            "what": self.kind,
            "sign_in_name": self.login,
            "client_address": self.address,
            "detail": self.detail,
        }

    def anonymise(self):
        self.login = ""
        self.address = None
        self.save(update_fields=["login", "address"])
