"""Abstract models shared by the content apps: what visitors see and what they send."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.db.models import Case, Max, Min, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .translated import ShownLanguagesQuerySet

MEMBERS_GROUP = "Members"


def is_member(user):
    """May ``user`` see members-only content?

    Members are logged-in people of a member organisation: the office gives
    their accounts the "Members" group. Staff see everything they edit.
    """
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    # Asked several times for one request's user (the page, its lists, its forms): the
    # database is asked once.
    if not hasattr(user, "in_members_group"):
        user.in_members_group = user.groups.filter(name=MEMBERS_GROUP).exists()
    return user.in_members_group


class DatedQuerySet(models.QuerySet):
    """Rows with a date and time, listed by year."""

    def years(self, field):
        """The years (in the site's time zone) of ``field``, a date and time, newest first.

        ``datetimes(field, "year")`` says the same, but SQLite converts every row's
        time in Python for it. Comparing with the start of each year between the
        first and the last row is plain SQL that an index on ``field`` answers.
        """
        span = self.aggregate(first=Min(field), last=Max(field))
        if span["first"] is None:
            return []
        first, last = (timezone.localtime(span[end]).year for end in ("first", "last"))
        year = Case(
            *(
                When(**{f"{field}__year__gte": year}, then=Value(year))
                for year in range(last, first, -1)
            ),
            default=Value(first),
        )
        return list(
            self.annotate(year=year).values_list("year", flat=True).distinct().order_by("-year")
        )


class PublishableQuerySet(DatedQuerySet, ShownLanguagesQuerySet):
    @staticmethod
    def is_published(path=""):
        """What visitors may see, as a condition: published, and its publish time has come.

        ``path`` (``"event__"``) puts the condition on a related row, which the database
        joins: a plan that an ``IN (subquery)`` of every visible row would not get.
        """
        return Q(**{f"{path}is_published": True, f"{path}published_at__lte": timezone.now()})

    def published(self):
        return self.filter(self.is_published())


class MembersOnlyQuerySet(PublishableQuerySet):
    """For ``MembersOnly`` content."""

    @classmethod
    def is_visible_to(cls, user, path=""):
        """The one rule for every output, as a condition (``path`` as in ``is_published``):
        published, and members-only only for members."""
        condition = cls.is_published(path)
        if not is_member(user):
            condition &= Q(**{f"{path}members_only": False})
        return condition

    def visible_to(self, user):
        return self.filter(self.is_visible_to(user))


class Publishable(models.Model):
    """Content with a draft state and a publish time.

    Nothing needs to run when the time comes: ``published()`` compares with
    the clock on every query, so a scheduled item appears on its own.
    """

    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published items are shown to visitors."),
    )
    published_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        db_index=True,
        help_text=_("A time in the future schedules the item; it appears on its own then."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_visible(self):
        return self.is_published and self.published_at <= timezone.now()


class MembersOnly(Publishable):
    """Publishable content that can be kept for members: its flag and the rule that reads it."""

    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Shown only to logged-in members of a member organisation."),
    )

    objects = MembersOnlyQuerySet.as_manager()

    class Meta:
        abstract = True


class Submission(models.Model):
    """Whatever a visitor sends: stored first, then announced to the office.

    ``StoredSubmissionView`` saves it with the visitor's language and records
    that the office's email is queued (``core.mail``); the admin's inbox counts the
    new ones, and the emails that wait or failed. A subclass gives ``status`` its own choices,
    starting with ``NEW``. Submissions are never content: saving one clears no
    page from the cache.
    """

    NEW = "new"

    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=20, default=NEW)
    office_notified = models.BooleanField(_("office notice queued"), default=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class OutgoingEmailQuerySet(models.QuerySet):
    def due(self, now=None):
        """Queued emails whose next attempt has come."""
        return self.filter(
            status=OutgoingEmail.Status.QUEUED, next_attempt_at__lte=now or timezone.now()
        )


class OutgoingEmail(models.Model):
    """An email as the site means to send it: stored by ``core.mail``, sent by a task.

    Stored before anybody asks a mail server, so a server that is down or hangs costs
    a retry, never the email; the office sees what waits and what failed in its inbox.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.JSONField(_("recipients"))
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return self.subject

    def message(self):
        """The email as Django sends it, attachments included."""
        message = EmailMessage(self.subject, self.body, None, self.to, reply_to=self.reply_to)
        for attachment in self.attachments.all():
            message.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
        return message


class OutgoingAttachment(models.Model):
    email = models.ForeignKey(
        OutgoingEmail,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("email"),
    )
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"))
    mimetype = models.CharField(_("type"), max_length=255)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.filename


class DailyJobRun(models.Model):
    """A registered daily job's run on one day: the row exists once, whoever starts it.

    The unique constraint is what lets every worker offer to start the day's jobs.
    """

    name = models.CharField(_("job"), max_length=200)
    day = models.DateField(_("day"))
    enqueued_at = models.DateTimeField(_("enqueued"), auto_now_add=True)

    class Meta:
        verbose_name = _("daily job run")
        verbose_name_plural = _("daily job runs")
        ordering = ["-day", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "day"], name="one_daily_job_run_per_day")
        ]

    def __str__(self):
        return f"{self.name} {self.day}"


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
