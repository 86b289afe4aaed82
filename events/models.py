import datetime
import itertools
from dataclasses import dataclass

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import append_lookup_keys

from core.fields import RichTextField, URLField
from core.fragments import SharedCards
from core.models import AccountRecord, DatedQuerySet, MembersOnly, MembersOnlyQuerySet, Submission
from core.translated import ShownLanguagesQuerySet
from images.models import picture_field

# Paths under /events/ that an event's slug must not take.
RESERVED_SLUGS = {"past", "calendar", "feed", "registration"}

# The most dates one series may have: five years of a weekly meeting. Every date is a row
# (see ``Occurrence``), and the office enters a new series rather than an endless one.
MAX_OCCURRENCES = 260

# How far back a subscribed calendar reaches (``OccurrenceQuerySet.for_subscription``).
FEED_KEEPS_PAST = datetime.timedelta(days=183)


def finish_of(starts_at, ends_at, all_day):
    """When something starting at ``starts_at`` is over: its end, or the end of its last day.

    All-day events and events without an end time last until midnight in Berlin,
    so they stay "upcoming" all day long.
    """
    if ends_at and not all_day:
        return ends_at
    last_day = timezone.localdate(ends_at or starts_at)
    next_midnight = datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time.min
    )
    return timezone.make_aware(next_midnight)


class Timed:
    """The days of something with ``starts_at`` and ``finishes_at``: an event, one of its dates."""

    @property
    def first_day(self):
        return timezone.localdate(self.starts_at)

    @property
    def last_day(self):
        return timezone.localdate(self.finishes_at - datetime.timedelta(microseconds=1))

    @property
    def month(self):
        """The first of the month it starts in, to group lists by month."""
        return self.first_day.replace(day=1)

    @property
    def is_multi_day(self):
        return self.last_day > self.first_day

    @property
    def is_over(self):
        return self.finishes_at <= timezone.now()


@dataclass(frozen=True)
class DateSpan(Timed):
    """When one date takes place, read without the rest of its rows: enough to place it on
    the days of a month (``Occurrence...values_list(*DateSpan.FIELDS)``)."""

    FIELDS = ("pk", "starts_at", "finishes_at", "event__all_day")

    pk: int
    starts_at: datetime.datetime
    finishes_at: datetime.datetime
    all_day: bool


class Venue(models.Model):
    """Where events take place."""

    name = models.CharField(_("name"), max_length=200)
    room = models.CharField(
        _("room"),
        max_length=200,
        blank=True,
        help_text=_("Optional: the room or part of the building, for example 'Training rooms'."),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, default="Hannover")
    district = models.ForeignKey(
        "members.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="venues",
        verbose_name=_("district"),
    )
    access_note = models.TextField(
        _("step-free access"),
        blank=True,
        help_text=_(
            "How to get in without steps: entrance, lift, accessible toilet. "
            "Leave empty when you do not know."
        ),
    )

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def address(self):
        """One line, as calendars and maps expect it."""
        locality = " ".join(filter(None, [self.postcode, self.city]))
        return ", ".join(filter(None, [self.name, self.street, locality]))


# The fields ``for_cards()`` loads: what an event card shows.
CARD_FIELDS = [
    "slug",
    "title",
    "starts_at",
    "ends_at",
    "finishes_at",
    "all_day",
    "is_cancelled",
    "repeat",
    "members_only",
    "is_free",
    "price",
    "venue__name",
    "venue__district__name",
]


# The fields a month calendar shows of an event.
CALENDAR_FIELDS = ["slug", "title", "all_day", "is_cancelled", "repeat"]


class TimedQuerySet(DatedQuerySet):
    """Events or their dates, by ``starts_at`` and ``finishes_at``."""

    def upcoming(self):
        """Not over yet, soonest first; one running now still counts."""
        return self.filter(finishes_at__gt=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        return self.filter(finishes_at__lte=timezone.now()).order_by("-starts_at", "-pk")

    def overlapping(self, start, end):
        """What takes place at some time between ``start`` and ``end``."""
        return self.filter(starts_at__lt=end, finishes_at__gt=start).order_by("starts_at", "pk")


class EventQuerySet(MembersOnlyQuerySet, TimedQuerySet):
    def for_cards(self):
        """What an event card (``events/includes/event_card.html``) shows, in one query.

        Descriptions and the other long texts, in seven languages, stay in the database.
        """
        return self.select_related("venue__district").only(*CARD_FIELDS).in_shown_languages()

    def for_detail(self):
        """What the event's own page shows in one query. The organisations presenting it
        are read by the page's shared fragments, when they are rendered anew."""
        return self.select_related("venue__district", "image")

    def with_registration_counts(self):
        """Each event's registrations by place, and those who came, as ``registered``,
        ``waiting`` and ``attended``: one query for a whole list, not one per event."""

        def count(**conditions):
            rows = Registration.objects.filter(event=OuterRef("pk"), **conditions)
            counted = rows.values("event").annotate(count=Count("pk")).values("count")
            return Coalesce(Subquery(counted), 0)

        return self.annotate(
            registered=count(place=Registration.Place.REGISTERED),
            waiting=count(place=Registration.Place.WAITING),
            attended=count(attended=True),
        )


class Event(Timed, MembersOnly):
    """An event by the network or its members, shown in lists, the calendar and iCal.

    A recurring event (a series) is entered once: its first date is ``starts_at`` to
    ``ends_at``, ``repeat`` says how often it comes back, ``repeat_until`` or
    ``repeat_count`` when it stops, and ``changes`` cancel or move single dates.
    """

    class Registration(models.TextChoices):
        NONE = "none", _("No registration needed")
        EMAIL = "email", _("Register by email")
        LINK = "link", _("Register online")
        SITE = "site", _("Register on this website")

    class Repeat(models.TextChoices):
        NEVER = "never", _("Does not repeat")
        WEEKLY = "weekly", _("Every week")
        FORTNIGHTLY = "fortnightly", _("Every second week")
        MONTHLY_WEEKDAY = (
            "monthly-weekday",
            _("Every month on the same weekday (for example the first Tuesday)"),
        )
        MONTHLY_DAY = "monthly-day", _("Every month on the same day of the month")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the page address, the same in every language."),
    )
    description = RichTextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(
        _("ends"), null=True, blank=True, help_text=_("Leave empty when there is no set end.")
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Only the dates count; the times above are ignored."),
    )
    # Derived on save, so lists and the calendar can filter on one indexed column.
    finishes_at = models.DateTimeField(editable=False, db_index=True)
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("venue"),
    )
    organisations = models.ManyToManyField(
        "members.MemberOrganisation",
        blank=True,
        related_name="events",
        verbose_name=_("presented by member organisations"),
    )
    other_presenters = models.CharField(
        _("other presenters"),
        max_length=200,
        blank=True,
        help_text=_("Presenters that are not member organisations, for example 'MiSO e. V.'."),
    )
    is_free = models.BooleanField(_("free entry"), default=True)
    price = models.CharField(
        _("price"),
        max_length=200,
        blank=True,
        help_text=_("When entry is not free, for example '5 €, reduced 3 €'."),
    )
    registration = models.CharField(
        _("registration"),
        max_length=10,
        choices=Registration.choices,
        default=Registration.NONE,
    )
    registration_email = models.EmailField(_("registration email"), blank=True)
    registration_url = URLField(_("registration link"), blank=True)
    registration_deadline = models.DateField(_("register by"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "For registration on this website: how many people can come. When all places "
            "are taken, further registrations join the waiting list. Empty: no limit."
        ),
    )
    registration_members_only = models.BooleanField(
        _("registration for members only"),
        default=False,
        help_text=_("Only logged-in members of a member organisation can register."),
    )
    is_cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("A cancelled event stays listed, clearly marked as cancelled."),
    )
    repeat = models.CharField(
        _("repeats"),
        max_length=20,
        choices=Repeat.choices,
        default=Repeat.NEVER,
        help_text=_(
            "The first date is the start above; the weekday, and for 'the same weekday' "
            "its place in the month (first, second, …, last), are taken from it."
        ),
    )
    repeat_until = models.DateField(
        _("repeat until"),
        null=True,
        blank=True,
        help_text=_("The last possible date. Give either this or the number of dates."),
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("number of dates"),
        null=True,
        blank=True,
        help_text=_("How many times it takes place, the first date included."),
    )
    image = picture_field(_("image"), "events")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="events_event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    def get_ics_url(self):
        return reverse("events:event-ics", kwargs={"slug": self.slug})

    @property
    def is_recurring(self):
        return self.repeat != self.Repeat.NEVER

    @property
    def repeats_weekly(self):
        """Weekly or every second week: on the first date's weekday, which pages name."""
        return self.repeat in (self.Repeat.WEEKLY, self.Repeat.FORTNIGHTLY)

    @property
    def repeat_summary(self):
        """How often the series takes place, in the visitor's words; its dates say the rest."""
        if self.repeat in (self.Repeat.MONTHLY_WEEKDAY, self.Repeat.MONTHLY_DAY):
            return _("Every month")
        return self.get_repeat_display()

    def rule(self):
        """The series' dates as a dateutil rule over Berlin wall-clock times.

        The rule runs on naive local times, so that 18:00 stays 18:00 on both sides of a
        daylight-saving change; ``original_starts()`` makes each one aware.
        """
        first = timezone.make_naive(self.starts_at)
        weekday = rrule.weekday(first.weekday())
        # The fifth Tuesday is not in every month: a fifth one repeats as "the last".
        position = (first.day - 1) // 7 + 1
        if position == 5:
            position = -1
        options = {
            self.Repeat.WEEKLY: {"freq": rrule.WEEKLY},
            self.Repeat.FORTNIGHTLY: {"freq": rrule.WEEKLY, "interval": 2},
            self.Repeat.MONTHLY_WEEKDAY: {"freq": rrule.MONTHLY, "byweekday": weekday(position)},
            self.Repeat.MONTHLY_DAY: {"freq": rrule.MONTHLY, "bymonthday": first.day},
        }[self.repeat]
        if self.repeat_until:
            options["until"] = datetime.datetime.combine(self.repeat_until, datetime.time.max)
        else:
            options["count"] = self.repeat_count
        return rrule.rrule(dtstart=first, **options)

    def original_starts(self, limit=MAX_OCCURRENCES):
        """The start of each date of the series by its rule (before changes), at most ``limit``."""
        return [timezone.make_aware(start) for start in itertools.islice(self.rule(), limit)]

    def planned_starts(self):
        """The original start of each date, cancelled ones included."""
        return self.original_starts() if self.is_recurring else [self.starts_at]

    def occurrence_times(self):
        """(original start, start, end) of every date that takes place, cancelled ones left out.

        Each date lasts as long as the first, in wall-clock time; a moved date has its own
        times. Reads the changes from the database; a single event has its own times, and
        changes left from when it was a series do not apply to it.
        """
        if not self.is_recurring:
            return [(self.starts_at, self.starts_at, self.ends_at)]
        changes = {change.date: change for change in self.changes.all()} if self.pk else {}
        length = None
        if self.ends_at:
            length = timezone.make_naive(self.ends_at) - timezone.make_naive(self.starts_at)
        times = []
        for original in self.original_starts():
            change = changes.get(timezone.localdate(original))
            if change and change.is_cancelled:
                continue
            if change and change.starts_at:
                times.append((original, change.starts_at, change.new_end(length)))
                continue
            end = None
            if length is not None:
                end = timezone.make_aware(timezone.make_naive(original) + length)
            times.append((original, original, end))
        return times

    def has_occurrence(self, start):
        """Does the event take place at ``start``, the original start of one of its dates?

        Registrations are keyed on it: a moved date keeps its original start.
        """
        return self.occurrences.filter(original_start=start).exists()

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is taken by the events pages. Please choose another.")
        if not self.is_free and not self.price_de:
            errors["price_de"] = _("Please give the price, or tick 'free entry'.")
        if self.registration == self.Registration.EMAIL and not self.registration_email:
            errors["registration_email"] = _("Please give the address for registrations.")
        if self.registration == self.Registration.LINK and not self.registration_url:
            errors["registration_url"] = _("Please give the link for registrations.")
        if self.capacity == 0:
            errors["capacity"] = _("Please give at least one place, or leave it empty.")
        errors.update(self.repeat_errors())
        if errors:
            raise ValidationError(errors)

    def repeat_errors(self):
        if not self.is_recurring or not self.starts_at:
            return {}
        if not self.repeat_until and not self.repeat_count:
            return {"repeat_until": _("Please give the last date or the number of dates.")}
        if self.repeat_until and self.repeat_count:
            return {
                "repeat_count": _(
                    "Please give either the last date or the number of dates, not both."
                )
            }
        if self.repeat_count and not 2 <= self.repeat_count <= MAX_OCCURRENCES:
            return {
                "repeat_count": _("A series has between 2 and %(max)d dates.")
                % {"max": MAX_OCCURRENCES}
            }
        if self.repeat_until and self.repeat_until <= timezone.localdate(self.starts_at):
            return {"repeat_until": _("The last date must come after the first.")}
        if len(self.original_starts(MAX_OCCURRENCES + 1)) > MAX_OCCURRENCES:
            return {
                "repeat_until": _(
                    "That makes more than %(max)d dates. Please choose an earlier last date "
                    "and enter the dates after it as a new series."
                )
                % {"max": MAX_OCCURRENCES}
            }
        return {}

    def save(self, *args, **kwargs):
        times = self.occurrence_times()
        self.finishes_at = max(
            (finish_of(start, end, self.all_day) for _original, start, end in times),
            default=self.compute_finishes_at(),
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "finishes_at"}
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.store_occurrences(times)

    def store_occurrences(self, times):
        """Make the stored dates those of ``times``, keeping each row by its original start."""
        stored = {row.original_start: row for row in self.occurrences.all()}
        wanted = {
            original: Occurrence(
                event=self,
                original_start=original,
                starts_at=start,
                ends_at=end,
                finishes_at=finish_of(start, end, self.all_day),
            )
            for original, start, end in times
        }
        gone = [row.pk for original, row in stored.items() if original not in wanted]
        if gone:
            Occurrence.objects.filter(pk__in=gone).delete()
        changed = []
        for original, row in stored.items():
            new = wanted.pop(original, None)
            if new and (row.starts_at, row.ends_at, row.finishes_at) != (
                new.starts_at,
                new.ends_at,
                new.finishes_at,
            ):
                row.starts_at, row.ends_at, row.finishes_at = (
                    new.starts_at,
                    new.ends_at,
                    new.finishes_at,
                )
                changed.append(row)
        if changed:
            Occurrence.objects.bulk_update(changed, ["starts_at", "ends_at", "finishes_at"])
        if wanted:
            Occurrence.objects.bulk_create(wanted.values())

    def compute_finishes_at(self):
        """When the first date is over (for a series, ``save()`` takes the last date)."""
        return finish_of(self.starts_at, self.ends_at, self.all_day)

    @property
    def registration_is_closed(self):
        return bool(self.registration_deadline) and (
            self.registration_deadline < timezone.localdate()
        )

    @property
    def takes_registrations(self):
        """Does this site take the registrations (not an email address or another site)?"""
        return self.registration == self.Registration.SITE


def event_fields(fields):
    """``fields`` of an event, as a date's ``only()`` names them: every language's column of a
    translated field, which modeltranslation adds only on a translated model's own queries."""
    return [f"event__{field}" for field in append_lookup_keys(Event, fields)]


class OccurrenceQuerySet(TimedQuerySet, ShownLanguagesQuerySet):
    def visible_to(self, user):
        """The dates of the events ``user`` may see: the one rule, ``Event.visible_to``."""
        return self.filter(EventQuerySet.is_visible_to(user, "event__"))

    def for_calendar(self):
        return (
            self.select_related("event")
            .only(
                "event_id",
                "original_start",
                "starts_at",
                "finishes_at",
                *event_fields(CALENDAR_FIELDS),
            )
            .in_shown_languages()
        )

    def for_cards(self):
        """What an event card shows, in one query; the long texts stay in the database."""
        return (
            self.select_related("event__venue__district")
            .only(
                "event_id",
                "original_start",
                "starts_at",
                "ends_at",
                "finishes_at",
                *event_fields(CARD_FIELDS),
            )
            .in_shown_languages()
        )

    def as_cards(self):
        """The dates as shared event cards (``core.fragments.SharedCards``)."""
        return SharedCards(
            "event-card",
            self.values_list("pk", "event_id"),
            "events/includes/event_card.html",
            load=lambda pks: Occurrence.objects.for_cards().in_bulk(pks),
            context=lambda occurrence: {"occurrence": occurrence, "event": occurrence.event},
        )

    def for_subscription(self):
        """What a subscribed calendar holds: the coming dates and those of the last six months,
        so that an event stays in subscribers' calendars once it is over."""
        return self.filter(finishes_at__gt=timezone.now() - FEED_KEEPS_PAST).select_related(
            "event__venue"
        )

    def next_of_each_event(self):
        """Of each event only its next date: a weekly series is listed once, not every week."""
        next_date = Occurrence.objects.filter(event=OuterRef("event")).upcoming().values("pk")
        return self.filter(pk=Subquery(next_date[:1]))

    def next_for(self, user, count=3):
        """The next ``count`` dates ``user`` may see, for the home page."""
        return self.visible_to(user).upcoming()[:count]

    def store_single_dates(self, events, batch_size=None):
        """Store the one date of each single event in ``events``, written by ``bulk_create``
        (which skips the ``save()`` that stores an event's dates)."""
        return self.bulk_create(
            (
                Occurrence(
                    event=event,
                    original_start=event.starts_at,
                    starts_at=event.starts_at,
                    ends_at=event.ends_at,
                    finishes_at=event.finishes_at,
                )
                for event in events
            ),
            batch_size=batch_size,
        )


class Occurrence(Timed, models.Model):
    """One date of an event, as lists, the calendar and iCal show it.

    Every event has its dates stored here, one for a single event, so that a list of
    dates is one query and pages by the database, however many series there are.
    ``Event.save()`` writes them; each keeps its row, found by its original start (the
    date by the series' rule), when the series or a single date changes.
    """

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("event")
    )
    original_start = models.DateTimeField(_("original start"))
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    finishes_at = models.DateTimeField(db_index=True)

    # Written by ``Event.save()``: never edited on its own (see ``core.apps``).
    derived_content = True

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"], name="events_occurrence_once_per_start"
            )
        ]

    def __str__(self):
        return f"{self.event} ({timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        if not self.event.is_recurring:
            return self.event.get_absolute_url()
        return reverse(
            "events:occurrence-detail",
            kwargs={"slug": self.event.slug, "date": timezone.localdate(self.original_start)},
        )

    @property
    def all_day(self):
        return self.event.all_day

    @property
    def is_moved(self):
        return self.starts_at != self.original_start


class OccurrenceChange(models.Model):
    """One date of a series cancelled or moved, entered with the series in the admin."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="changes", verbose_name=_("event")
    )
    date = models.DateField(_("date in the series"), help_text=_("The date as the series has it."))
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    starts_at = models.DateTimeField(
        _("new start"), null=True, blank=True, help_text=_("When the date is moved.")
    )
    ends_at = models.DateTimeField(
        _("new end"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep the series' length."),
    )

    class Meta:
        verbose_name = _("cancelled or moved date")
        verbose_name_plural = _("cancelled or moved dates")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["event", "date"], name="events_change_once_per_date")
        ]

    def __str__(self):
        return f"{self.event}: {self.date:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The series' stored dates follow from its changes.
        self.event.save()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.event.save()
        return result

    def new_end(self, length):
        """The moved date's end: its own, or its new start plus the series' ``length``."""
        if self.ends_at or length is None:
            return self.ends_at
        return timezone.make_aware(timezone.make_naive(self.starts_at) + length)

    def clean(self):
        super().clean()
        errors = {}
        if self.is_cancelled == bool(self.starts_at):
            errors["starts_at"] = _("Please either tick 'cancelled' or give the new start.")
        elif self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("An event cannot end before it starts.")
        event = self.event
        if event.starts_at and (
            not event.is_recurring
            or self.date not in {timezone.localdate(start) for start in event.original_starts()}
        ):
            errors["date"] = _("This is not one of the series' dates.")
        if errors:
            raise ValidationError(errors)


class RegistrationQuestion(models.Model):
    """A question the registration form asks for one event (childcare, language, diet)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        YES_NO = "yes_no", _("Yes or no")
        CHOICE = "choice", _("Choice")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="questions", verbose_name=_("event")
    )
    label = models.CharField(_("question"), max_length=200)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("For a choice: one answer per line, in the same order in every language."),
    )
    required = models.BooleanField(_("answer required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.kind == self.Kind.CHOICE and not self.choices_de.strip():
            raise ValidationError({"choices_de": _("Please give the choices, one per line.")})

    def choice_list(self, language="de"):
        """The choices in ``language``: the German ones where it has none, or not as many
        (answers are stored by their place in the German list)."""
        german = lines(self.choices_de)
        translated = lines(getattr(self, f"choices_{language}", ""))
        return translated if len(translated) == len(german) else german


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class RegistrationQuerySet(models.QuerySet):
    def for_occurrence(self, event, start):
        return self.filter(event=event, occurrence_start=start)

    def registered(self):
        return self.filter(place=Registration.Place.REGISTERED)

    def waiting(self):
        """The waiting list, first in line first."""
        return self.filter(place=Registration.Place.WAITING).order_by("queued_at", "pk")


class Registration(Submission, AccountRecord):
    """One person's registration for one date of an event: a place, or one on the waiting list.

    Stored first, like every ``Submission``, so it appears in the office's inbox.
    ``events.registrations`` takes and frees the places; names, addresses and
    answers are deleted a set time after the event (``forget_past_registrants``),
    while the row, its place and attendance stay for the counts.
    """

    class Status(models.TextChoices):
        NEW = Submission.NEW, _("New")
        SEEN = "seen", _("Seen")

    class Place(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    # The start of the date registered for, as first planned: an event that repeats has many.
    occurrence_start = models.DateTimeField(_("date"))
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"), blank=True)
    answers = models.JSONField(_("answers"), default=list, blank=True)
    place = models.CharField(
        _("place"), max_length=20, choices=Place.choices, default=Place.REGISTERED
    )
    # When the person joined the waiting list: the first in line gets the next free place.
    queued_at = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    forgotten_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta(Submission.Meta):
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["event", "occurrence_start", "place"])]

    def __str__(self):
        return self.name or gettext("(deleted)")

    def personal_data(self):
        return {
            "event": self.event.title,
            "date": self.occurrence_start.isoformat(),
            "name": self.name,
            "email": self.email,
            "answers": self.answers,
            "place": self.place,
            "registered_at": self.created_at.isoformat(),
        }

    @cached_property
    def occurrence(self):
        """The date registered for as it now takes place (a moved date at its new time);
        None when that date was cancelled from its series."""
        return self.event.occurrences.filter(original_start=self.occurrence_start).first()

    @property
    def starts_at(self):
        """When the date registered for starts: a moved date at its new time."""
        occurrence = self.occurrence
        return occurrence.starts_at if occurrence else self.occurrence_start

    def anonymise(self):
        self.name = ""
        self.email = ""
        self.answers = []
        self.forgotten_at = timezone.now()


class RegistrantMessage(models.Model):
    """An email from the office to the registrants of an event, such as a change of room.

    Written once with a text per language: each registrant gets the text in the
    language they registered in, the German one where it has none.
    """

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="messages", verbose_name=_("event")
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    date = models.DateField(
        _("only for the date"),
        null=True,
        blank=True,
        help_text=_(
            "For an event that repeats: only the registrants of this date get the email. "
            "Empty: those of every date."
        ),
    )
    to_waiting_list = models.BooleanField(
        _("also to the waiting list"),
        default=False,
        help_text=_("Without this, only people with a place get the email."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, editable=False)
    sent_count = models.PositiveIntegerField(_("emails sent"), default=0, editable=False)

    class Meta:
        verbose_name = _("email to registrants")
        verbose_name_plural = _("emails to registrants")
        ordering = ["-pk"]

    def __str__(self):
        return self.subject

    def clean(self):
        super().clean()
        event = getattr(self, "event", None)
        if self.date and event and event.starts_at:
            days = {timezone.localdate(start) for start in event.planned_starts()}
            if self.date not in days:
                raise ValidationError({"date": _("The event has no date on this day.")})

    def recipients(self):
        """The registrations this message goes to: with a place, the waiting list if chosen,
        of its date if it has one."""
        places = [Registration.Place.REGISTERED]
        if self.to_waiting_list:
            places.append(Registration.Place.WAITING)
        registrations = self.event.registrations.filter(place__in=places).exclude(email="")
        if self.date:
            registrations = registrations.filter(occurrence_start__date=self.date)
        return registrations
