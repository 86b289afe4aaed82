"""Which member organisation a person's account belongs to."""

import secrets

import reversion
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from backoffice.history import history_note
from core.fields import URLField
from core.mail import send_email_in
from core.models import AccountRecord, Submission
from events.ical import plain_text
from images.models import picture_field


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


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret calendar address: upcoming events with the members-only ones.

    Calendar apps cannot log in, so the token in the address is the key; making a
    new one (``renew``) locks out every copy of the old address.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("account"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the event titles in the calendar."),
    )
    created_at = models.DateTimeField(_("made"), auto_now=True)

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")
        ordering = ["user"]

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("calendar-feed", kwargs={"token": self.token})

    def renew(self, language):
        self.token = new_feed_token()
        self.language = language
        self.save()


class Review(models.TextChoices):
    """Where a member's proposal stands with the office."""

    NEW = Submission.NEW, _("Waiting for the office")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned with a comment")


class Proposal(AccountRecord, Submission):
    """What a member sends for their organisation, for the office to publish or return."""

    organisation = models.ForeignKey(
        "members.MemberOrganisation",
        on_delete=models.CASCADE,
        related_name="%(class)ss",
        verbose_name=_("member organisation"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Review.choices, default=Review.NEW
    )
    office_comment = models.TextField(
        _("comment from the office"),
        blank=True,
        help_text=_("Sent to the member with the decision, in the email and on their page."),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta(Submission.Meta):
        abstract = True

    @property
    def is_pending(self):
        return self.status == Review.NEW

    def claim(self, status):
        """Mark the proposal decided, once: False if someone decided it meanwhile."""
        self.decided_at = timezone.now()
        claimed = (
            type(self)
            .objects.filter(pk=self.pk, status=Review.NEW)
            .update(status=status, decided_at=self.decided_at, office_comment=self.office_comment)
        )
        if claimed:
            self.status = status
        return bool(claimed)

    def tell_member(self, subject, template_name):
        """Email the decision to the person who proposed it, in the language they wrote in."""
        if self.account is not None and self.account.email:
            send_email_in(
                self.language, [self.account.email], subject, template_name, {"proposal": self}
            )

    def anonymise(self):
        """Nothing beyond ``account`` names the person: the texts are the organisation's."""

    def personal_data(self):
        return {
            "kind": str(self._meta.verbose_name),
            "organisation": str(self.organisation),
            "sent": self.created_at.isoformat(),
            "status": self.get_status_display(),
            "office_comment": self.office_comment,
        }


# The public entry's fields a member may propose changes to, in the order the office reads them.
ENTRY_FIELDS = ["district", "street", "postcode", "city", "website", "email", "phone"]


class OrganisationChange(Proposal):
    """A member's proposed change to their organisation's directory entry.

    Descriptions are plain text per language (``{"uk": "..."}``): members write no
    HTML, and only the languages whose text differs from the live entry are applied,
    so the office's formatting of the others stays. An empty box changes nothing:
    German, every visitor's fallback, must never be emptied by a member.
    """

    descriptions = models.JSONField(_("descriptions"), default=dict, blank=True)
    focus_areas = models.ManyToManyField(
        "members.FocusArea", blank=True, related_name="+", verbose_name=_("focus areas")
    )
    languages = models.ManyToManyField(
        "members.Language", blank=True, related_name="+", verbose_name=_("languages")
    )
    district = models.ForeignKey(
        "members.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    logo = picture_field(_("new logo"), "+")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta(Proposal.Meta):
        verbose_name = _("entry change")
        verbose_name_plural = _("entry changes")
        constraints = [
            # The member's later edits go into the waiting change instead of beside it.
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status=Submission.NEW),
                name="accounts_one_waiting_change_per_organisation",
            )
        ]

    def __str__(self):
        return gettext("Change to %(organisation)s") % {"organisation": self.organisation}

    def get_absolute_url(self):
        return reverse("accounts:entry")

    def personal_data(self):
        return super().personal_data() | {"descriptions": self.descriptions}

    @classmethod
    def initial_from(cls, organisation):
        """The entry form's values from the live entry."""
        initial = {
            f"description_{code}": plain_text(
                getattr(organisation, build_localized_fieldname("description", code))
            )
            for code, _name in settings.LANGUAGES
        }
        initial["focus_areas"] = list(organisation.focus_areas.all())
        initial["languages"] = list(organisation.languages.all())
        return initial | {name: getattr(organisation, name) for name in ENTRY_FIELDS}

    def as_form_initial(self):
        """The entry form's values from this change, to start again from a returned one."""
        initial = {
            f"description_{code}": self.descriptions.get(code, "")
            for code, _name in settings.LANGUAGES
        }
        initial["focus_areas"] = list(self.focus_areas.all())
        initial["languages"] = list(self.languages.all())
        return initial | {name: getattr(self, name) for name in ENTRY_FIELDS}

    def join(self, waiting):
        """Become the organisation's one waiting change before saving: the ``waiting`` one
        (a colleague's, or this one still), or a new one when the office decided this one
        while the member was typing. Either way the member's text is saved."""
        if waiting is not None:
            self.pk, self.created_at = waiting.pk, waiting.created_at
            self._state.adding = False
            return
        if self.pk is not None:
            self.pk = None
            self._state.adding = True
        self.status, self.office_comment, self.decided_at = Review.NEW, "", None

    def differences(self):
        """``(label, live, proposed)`` for every field the change would alter, as text."""
        live = self.organisation
        rows = []
        for code, name in settings.LANGUAGES:
            proposed = self.descriptions.get(code, "")
            current = plain_text(getattr(live, build_localized_fieldname("description", code)))
            if proposed and proposed != current:
                label = gettext("Description (%(language)s)") % {"language": name}
                rows.append((label, current, proposed))
        for name in ("focus_areas", "languages"):
            current = sorted(str(item) for item in getattr(live, name).all())
            proposed = sorted(str(item) for item in getattr(self, name).all())
            if current != proposed:
                label = capfirst(self._meta.get_field(name).verbose_name)
                rows.append((label, ", ".join(current), ", ".join(proposed)))
        for name in ENTRY_FIELDS:
            current, proposed = getattr(live, name), getattr(self, name)
            if current != proposed:
                label = capfirst(self._meta.get_field(name).verbose_name)
                rows.append((label, str(current or ""), str(proposed or "")))
        if self.logo_id and self.logo_id != live.logo_id:
            rows.append((capfirst(_("logo")), str(live.logo or ""), str(self.logo)))
        return rows

    def publish(self, user):
        """Apply the change to the live entry, with a history entry; False if already decided."""
        with transaction.atomic(), reversion.create_revision():
            if not self.claim(Review.PUBLISHED):
                return False
            organisation = self.organisation
            for code, _name in settings.LANGUAGES:
                column = build_localized_fieldname("description", code)
                proposed = self.descriptions.get(code, "")
                if proposed and proposed != plain_text(getattr(organisation, column)):
                    setattr(organisation, column, linebreaks(proposed, autoescape=True))
            for name in ENTRY_FIELDS:
                setattr(organisation, name, getattr(self, name))
            if self.logo_id:
                organisation.logo_id = self.logo_id
            organisation.save()
            organisation.focus_areas.set(self.focus_areas.all())
            organisation.languages.set(self.languages.all())
            reversion.set_user(user)
            reversion.set_comment(
                history_note(
                    gettext_noop("Published the change %(number)s proposed by a member"),
                    number=self.pk,
                )
            )
        self.tell_member(_("Your change is published"), "accounts/email/change_published.txt")
        return True

    def return_to_member(self):
        """Send the change back with the office's comment; False if already decided."""
        if not self.claim(Review.RETURNED):
            return False
        self.tell_member(_("Your change was returned"), "accounts/email/change_returned.txt")
        return True


class EventProposal(Proposal):
    """A member's proposal of an event of their organisation: the event is stored
    unpublished at once, and the office edits and publishes it in the event admin."""

    event = models.OneToOneField(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("event"),
    )
    place = models.TextField(
        _("place, if not in the list"),
        blank=True,
        help_text=_("Name and address of the place, so that the office can add it."),
    )

    class Meta(Proposal.Meta):
        verbose_name = _("event proposal")
        verbose_name_plural = _("event proposals")

    def __str__(self):
        return (
            str(self.event)
            if self.event
            else gettext("Event proposal %(number)s") % {"number": self.pk}
        )

    def get_absolute_url(self):
        return reverse("accounts:event-proposal", kwargs={"pk": self.pk})

    def personal_data(self):
        return super().personal_data() | {"event": str(self.event or ""), "place": self.place}

    def event_published(self):
        """The office published the event: tell the member, once."""
        if self.claim(Review.PUBLISHED):
            self.tell_member(_("Your event is published"), "accounts/email/event_published.txt")

    def decline(self):
        if not self.claim(Review.RETURNED):
            return False
        self.tell_member(_("Your event was declined"), "accounts/email/event_declined.txt")
        return True


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
