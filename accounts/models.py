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
