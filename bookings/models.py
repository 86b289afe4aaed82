"""What members may book (the meeting room, the co-working space, equipment) and their bookings.

No double booking is the database's rule, not the form's: ``Booking.book`` checks and
inserts in one transaction that holds a lock (SQLite's write lock, PostgreSQL's lock on the
resource's row), and on PostgreSQL an exclusion constraint (added by migration 0002 only
there) refuses any booking that overlaps another of its resource, however it was saved.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import AccountRecord, Submission
from pages.models import OpeningHours

# Bookings start and end on these steps: the form offers them, the week view shows them.
STEP = datetime.timedelta(minutes=30)
# The exclusion constraint's name (migrations/0002_no_double_booking.py).
NO_DOUBLE_BOOKING = "bookings_booking_no_double_booking"

Weekday = OpeningHours.Weekday


class SlotTaken(Exception):
    """The time asked for overlaps a confirmed booking of the same resource."""


class Resource(models.Model):
    """The meeting room, the co-working space or a piece of equipment, with the office's rules."""

    class Kind(models.TextChoices):
        ROOM = "room", _("Meeting room")
        COWORKING = "coworking", _("Co-working space")
        EQUIPMENT = "equipment", _("Equipment")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in the address"), unique=True)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(
        _("can be booked"),
        default=True,
        help_text=_("Members see and book only what can be booked."),
    )
    longest_booking_hours = models.PositiveSmallIntegerField(
        _("longest booking (hours)"), default=8
    )
    days_ahead = models.PositiveSmallIntegerField(
        _("bookable days ahead"),
        default=90,
        help_text=_("How many days ahead members may book."),
    )
    notice_hours = models.PositiveSmallIntegerField(
        _("minimum notice (hours)"),
        default=0,
        help_text=_("How many hours before its start a booking must be made at the latest."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("bookable resource")
        verbose_name_plural = _("bookable resources")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("bookings:resource", args=[self.slug])

    def rule_errors(self, starts_at, ends_at, now=None):
        """What the office's rules say against booking from ``starts_at`` to ``ends_at``.

        Reads ``opening_hours`` through ``all()``, so a prefetched resource costs no query.
        """
        now = now or timezone.now()
        errors = []
        if not self.is_active:
            errors.append(ValidationError(_("This can no longer be booked."), code="inactive"))
        if ends_at <= starts_at:
            errors.append(ValidationError(_("The end must be after the start."), code="order"))
            return errors
        if starts_at < now + datetime.timedelta(hours=self.notice_hours):
            message = (
                self.notice_rule() if self.notice_hours else _("The start has already passed.")
            )
            errors.append(ValidationError(message, code="notice"))
        last_day = timezone.localdate(now) + datetime.timedelta(days=self.days_ahead)
        if timezone.localdate(starts_at) > last_day:
            errors.append(ValidationError(self.days_ahead_rule(), code="ahead"))
        if ends_at - starts_at > datetime.timedelta(hours=self.longest_booking_hours):
            errors.append(ValidationError(self.longest_booking_rule(), code="longest"))
        if not self.is_open(starts_at, ends_at):
            errors.append(
                ValidationError(
                    _("Please choose a time within the opening hours."), code="opening-hours"
                )
            )
        return errors

    def longest_booking_rule(self):
        hours = self.longest_booking_hours
        return ngettext(
            "A booking may last at most %(hours)d hour.",
            "A booking may last at most %(hours)d hours.",
            hours,
        ) % {"hours": hours}

    def days_ahead_rule(self):
        days = self.days_ahead
        return ngettext(
            "You can book at most %(days)d day ahead.",
            "You can book at most %(days)d days ahead.",
            days,
        ) % {"days": days}

    def notice_rule(self):
        hours = self.notice_hours
        return ngettext(
            "Please book at least %(hours)d hour before the start.",
            "Please book at least %(hours)d hours before the start.",
            hours,
        ) % {"hours": hours}

    def rules(self):
        """The office's rules, as members read them."""
        rules = [self.longest_booking_rule(), self.days_ahead_rule()]
        return [*rules, self.notice_rule()] if self.notice_hours else rules

    def hours_on(self, day):
        """The opening hours on ``day`` (a date), earliest first."""
        return [hours for hours in self.opening_hours.all() if hours.weekday == day.weekday()]

    def is_open(self, starts_at, ends_at):
        """Does the span fit into one of the day's opening hours?"""
        start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
        if start.date() != end.date():
            return False
        return any(
            hours.opens <= start.time() and end.time() <= hours.closes
            for hours in self.hours_on(start.date())
        )


class BookingHours(models.Model):
    """When a resource can be used (or equipment picked up and brought back) on one weekday."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="bookings_hours_close_after_opening"
            )
        ]

    def __str__(self):
        return (
            f"{self.get_weekday_display()} "
            f"{time_format(self.opens, 'TIME_FORMAT')}–{time_format(self.closes, 'TIME_FORMAT')}"
        )


class BookingQuerySet(models.QuerySet):
    def active(self):
        """Bookings that hold their time: every one not cancelled."""
        return self.exclude(status=Booking.Status.CANCELLED)

    def overlapping(self, starts_at, ends_at):
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class Booking(Submission, AccountRecord):
    """A member organisation's booking of a resource for a time span.

    A booking is confirmed when it is saved; ``NEW`` tells the office's inbox that
    nobody in the office has looked at it yet.
    """

    class Status(models.TextChoices):
        NEW = Submission.NEW, _("Confirmed, not yet seen")
        CONFIRMED = "confirmed", _("Confirmed")
        CANCELLED = "cancelled", _("Cancelled")

    resource = models.ForeignKey(
        Resource,
        on_delete=models.PROTECT,
        related_name="bookings",
        verbose_name=_("bookable resource"),
    )
    organisation = models.ForeignKey(
        "members.MemberOrganisation",
        on_delete=models.SET_NULL,
        null=True,
        related_name="bookings",
        verbose_name=_("member organisation"),
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    purpose = models.CharField(_("purpose"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta(Submission.Meta):
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["resource", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="bookings_booking_ends_after_start"
            )
        ]

    def __str__(self):
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{self.resource} {start:%Y-%m-%d %H:%M}–{end:%H:%M}"

    def get_absolute_url(self):
        return f"{reverse('bookings:overview')}#booking-{self.pk}"

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def can_be_cancelled_by_member(self):
        return not self.is_cancelled and self.starts_at > timezone.now()

    def book(self):
        """Save this new booking, or raise ``SlotTaken`` if its time is no longer free."""
        try:
            with transaction.atomic():
                # Bookings of one resource take turns from here: writing to its row takes
                # SQLite's write lock at once (BEGIN IMMEDIATE's effect), and PostgreSQL's lock
                # on the row, so overlapping inserts never meet in the exclusion constraint,
                # where they would deadlock.
                Resource.objects.filter(pk=self.resource_id).update(order=F("order"))
                taken = Booking.objects.active().filter(resource=self.resource_id)
                if taken.overlapping(self.starts_at, self.ends_at).exists():
                    raise SlotTaken
                self.save()
        except IntegrityError as error:
            # PostgreSQL's constraint, for a booking saved by any other way meanwhile.
            if NO_DOUBLE_BOOKING not in str(error):
                raise
            raise SlotTaken from error

    def cancel(self, by, reason=""):
        """Cancel the booking and free its time; return False if it was cancelled already."""
        now = timezone.now()
        changed = (
            Booking.objects.filter(pk=self.pk)
            .active()
            .update(
                status=self.Status.CANCELLED,
                cancel_reason=reason,
                cancelled_by=by,
                cancelled_at=now,
            )
        )
        if changed:
            self.status, self.cancel_reason = self.Status.CANCELLED, reason
            self.cancelled_by, self.cancelled_at = by, now
        return bool(changed)

    def personal_data(self):
        return {
            "resource": str(self.resource),
            "organisation": str(self.organisation) if self.organisation else None,
            "starts_at": self.starts_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "purpose": self.purpose,
            "status": self.status,
            "cancel_reason": self.cancel_reason,
        }
