"""Abstract models shared by the content apps."""

from django.conf import settings
from django.db import models
from django.db.models import Case, Max, Min, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MEMBERS_GROUP = "Members"


def is_member(user):
    """May ``user`` see members-only content?

    Members are logged-in people of a member organisation: the office gives
    their accounts the "Members" group. Staff see everything they edit.
    """
    if not user.is_authenticated:
        return False
    return user.is_staff or user.groups.filter(name=MEMBERS_GROUP).exists()


class PublishableQuerySet(models.QuerySet):
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
    """For content with a ``members_only`` flag."""

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


class EditorPreference(models.Model):
    """A staff member's own language for the admin interface (not for content)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editor_preference",
        verbose_name=_("user"),
    )
    language = models.CharField(_("admin language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("editor preference")
        verbose_name_plural = _("editor preferences")

    def __str__(self):
        return f"{self.user}: {self.get_language_display()}"
