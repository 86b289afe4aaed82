"""Abstract models shared by the content apps: what visitors see and what they send."""

from django.db import models
from django.db.models import Case, Max, Min, Value, When
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
    return user.is_staff or user.groups.filter(name=MEMBERS_GROUP).exists()


class PublishableQuerySet(ShownLanguagesQuerySet):
    def published(self):
        """What visitors may see: published, and its publish time has come."""
        return self.filter(is_published=True, published_at__lte=timezone.now())

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


class MembersOnlyQuerySet(PublishableQuerySet):
    """For ``MembersOnly`` content."""

    def visible_to(self, user):
        """The one rule for every output: published, and members-only only for members."""
        visible = self.published()
        if not is_member(user):
            visible = visible.filter(members_only=False)
        return visible


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
    whether the office's email went out; the admin's inbox counts the new ones
    and those whose email failed. A subclass gives ``status`` its own choices,
    starting with ``NEW``. Submissions are never content: saving one clears no
    page from the cache.
    """

    NEW = "new"

    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=20, default=NEW)
    office_notified = models.BooleanField(_("office emailed"), default=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]
