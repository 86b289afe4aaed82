import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import AccountRecord
from core.fields import RichTextField, URLField
from core.models import MembersOnly, MembersOnlyQuerySet, Submission
from images.models import picture_field
from members.models import MemberOrganisation

# Paths under /events/ that an event's slug must not take.
RESERVED_SLUGS = {"past", "calendar", "feed", "registration"}


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
    "members_only",
    "is_free",
    "price",
    "venue__name",
    "venue__district__name",
]


class EventQuerySet(MembersOnlyQuerySet):
    def upcoming(self):
        """Events not over yet, soonest first; one running now still counts."""
        return self.filter(finishes_at__gt=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        return self.filter(finishes_at__lte=timezone.now()).order_by("-starts_at", "-pk")

    def overlapping(self, start, end):
        """Events that take place at some time between ``start`` and ``end``."""
        return self.filter(starts_at__lt=end, finishes_at__gt=start).order_by("starts_at", "pk")

    def for_calendar(self):
        """Only the columns a calendar cell shows: descriptions are long, in seven languages."""
        return self.only("slug", "title", "starts_at", "finishes_at", "all_day", "is_cancelled")

    def for_cards(self):
        """What an event card (``events/includes/event_card.html``) shows, in one query.

        Descriptions and the other long texts, in seven languages, stay in the database.
        """
        return self.select_related("venue__district").only(*CARD_FIELDS)

    def for_detail(self):
        """What the event's own page shows, in a fixed number of queries."""
        return self.select_related("venue__district", "image").prefetch_related(
            Prefetch("organisations", queryset=MemberOrganisation.objects.active())
        )

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

    def next_for(self, user, count=3):
        """The next ``count`` events ``user`` may see, for the home page."""
        return self.visible_to(user).upcoming().for_cards()[:count]


class Event(MembersOnly):
    """An event by the network or its members, shown in lists, the calendar and iCal."""

    class Registration(models.TextChoices):
        NONE = "none", _("No registration needed")
        EMAIL = "email", _("Register by email")
        LINK = "link", _("Register online")
        SITE = "site", _("Register on this website")

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
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.finishes_at = self.compute_finishes_at()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "finishes_at"}
        super().save(*args, **kwargs)

    def compute_finishes_at(self):
        """When the event is over: its end, or the end of its last day.

        All-day events and events without an end time last until midnight in
        Berlin, so they stay "upcoming" all day long.
        """
        if self.ends_at and not self.all_day:
            return self.ends_at
        last_day = timezone.localdate(self.ends_at or self.starts_at)
        next_midnight = datetime.datetime.combine(
            last_day + datetime.timedelta(days=1), datetime.time.min
        )
        return timezone.make_aware(next_midnight)

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

    @property
    def registration_is_closed(self):
        return bool(self.registration_deadline) and (
            self.registration_deadline < timezone.localdate()
        )

    @property
    def takes_registrations(self):
        """Does this site take the registrations (not an email address or another site)?"""
        return self.registration == self.Registration.SITE

    def has_occurrence(self, start):
        """Is ``start`` the start of one of this event's dates? Registrations are per date."""
        return start == self.starts_at


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
