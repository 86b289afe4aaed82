import calendar
import datetime
import functools
from collections import defaultdict

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from core.cache import generation, reads_query_parameters
from core.fragments import cached_fragments
from core.mail import announce_submission
from core.models import is_member
from core.preview import PreviewableMixin
from core.proxies import client_address
from core.structured_data import (
    EVENT_CANCELLED,
    EVENT_SCHEDULED,
    OFFLINE_EVENT,
    berlin_time,
    image_url,
    plain_text,
    postal_address,
)

from . import registrations
from .forms import RegistrationForm
from .ical import build_calendar, ics_response
from .models import DateSpan, Event, Occurrence, Registration

EVENTS_PER_PAGE = 20
# How many coming dates a series' page lists.
NEXT_DATES = 10
# How far back the calendar feed reaches, so subscribers keep the events they went to.


def local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@reads_query_parameters("page")
class UpcomingView(ListView):
    """The coming dates: each date of a series is listed on its own."""

    template_name = "events/upcoming.html"
    context_object_name = "occurrences"
    paginate_by = EVENTS_PER_PAGE

    def get_queryset(self):
        return Occurrence.objects.visible_to(self.request.user).upcoming().for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feed_url = self.request.build_absolute_uri(reverse("events:feed"))
        context["feed_url"] = feed_url
        # webcal:// asks the visitor's calendar program to subscribe, not to download once.
        context["subscribe_url"] = "webcal://" + feed_url.split("://", 1)[1]
        return context


def past_index(request):
    """The most recent year with past events (or this year, when there are none)."""
    latest = Occurrence.objects.visible_to(request.user).past().values_list("starts_at", flat=True)
    latest = latest.first()
    year = timezone.localtime(latest).year if latest else timezone.localdate().year
    return redirect("events:past-year", year=year)


@reads_query_parameters("page")
class PastYearView(ListView):
    template_name = "events/past.html"
    context_object_name = "occurrences"
    paginate_by = EVENTS_PER_PAGE

    def get_queryset(self):
        return (
            Occurrence.objects.visible_to(self.request.user)
            .past()
            .filter(starts_at__year=self.kwargs["year"])
            .for_cards()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["year"]
        years = Occurrence.objects.visible_to(self.request.user).past().years("starts_at")
        if year not in years and year != timezone.localdate().year:
            raise Http404(_("There are no past events in this year."))
        context["year"] = year
        context["years"] = years
        return context


def calendar_index(request):
    today = timezone.localdate()
    return redirect("events:calendar-month", year=today.year, month=today.month)


class CalendarMonthView(TemplateView):
    """A month as a table, Monday first, with each day's events as links (and as an agenda)."""

    template_name = "events/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, month = self.kwargs["year"], self.kwargs["month"]
        # Keep one month of room on each side for the previous/next links.
        if not (1 <= month <= 12 and datetime.MINYEAR < year < datetime.MAXYEAR):
            raise Http404(_("There is no such month."))
        weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
        first_shown, last_shown = weeks[0][0], weeks[-1][-1]
        # The dates only, first: which events fall on which day is all a day's shared
        # fragment is keyed on. The events are read for the days that have to be rendered.
        spans = [
            DateSpan(*row)
            for row in Occurrence.objects.visible_to(self.request.user)
            .overlapping(
                local_midnight(first_shown), local_midnight(last_shown + datetime.timedelta(days=1))
            )
            .values_list(*DateSpan.FIELDS)
        ]
        events_by_day = defaultdict(list)
        for span in spans:
            first_day, last_day = span.first_day, min(span.last_day, last_shown)
            day = max(first_day, first_shown)
            while day <= last_day:
                # The start time goes on the first day only, and never with an all-day event.
                events_by_day[day].append((span.pk, day == first_day and not span.all_day))
                day += datetime.timedelta(days=1)

        # A day's list of events is shown twice, in its table cell and in the agenda, and
        # rendered once for both; the same list looks the same to everyone who sees it.
        day_events = get_template("events/includes/day_events.html")

        def render_days(days):
            wanted = {pk for day in days for pk, _shows_time in events_by_day[day]}
            occurrences = Occurrence.objects.filter(pk__in=wanted).for_calendar().in_bulk()
            return {
                day: day_events.render(
                    {"events": [(occurrences[pk], shows) for pk, shows in events_by_day[day]]}
                )
                for day in days
            }

        shown = cached_fragments("calendar-day", events_by_day, render_days, generation())
        today = timezone.localdate()
        first_of_month = datetime.date(year, month, 1)
        weeks = [
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "is_today": day == today,
                    "events": shown.get(day, ""),
                }
                for day in week
            ]
            for week in weeks
        ]
        context.update(
            {
                "month": first_of_month,
                "previous_month": (first_of_month - datetime.timedelta(days=1)).replace(day=1),
                "next_month": (first_of_month + datetime.timedelta(days=31)).replace(day=1),
                "weekdays": [WEEKDAYS[number] for number in range(7)],
                "weeks": weeks,
                # The agenda that phones show instead of the table.
                "event_days": [
                    day for week in weeks for day in week if day["in_month"] and day["events"]
                ],
            }
        )
        return context


class EventDetailView(PreviewableMixin, DetailView):
    """An event's page; a series' page lists its next dates, each with a page of its own.

    Staff who may edit events also see drafts (``PreviewableMixin``).
    """

    model = Event
    template_name = "events/event_detail.html"
    context_object_name = "event"
    # The date of a series this page is for (``OccurrenceDetailView``).
    occurrence = None

    def get_queryset(self):
        events = super().get_queryset().for_detail()
        if self.previewing:
            # A preview compares the languages (outdated_translation_notice): it needs them all.
            return events
        return events.visible_to(self.request.user).in_shown_languages()

    def get_context_data(self, registration_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        if event.is_recurring:
            context["next_occurrences"] = event.occurrences.upcoming()[:NEXT_DATES]
            context["cancelled_dates"] = event.changes.filter(
                is_cancelled=True, date__gte=timezone.localdate()
            )
        when = self.occurrence or event
        context["occurrence"] = self.occurrence
        # What the registration form is keyed on: the date's original start. A series' own
        # page is for none of its dates: each has a page of its own.
        context["occurrence_start"] = start = self.occurrence_start()
        # Called by the template in its shared fragments, only when one is rendered anew; the
        # organisations are read once for both.
        context["presenters"] = presenters = functools.cache(
            lambda: list(event.organisations.active())
        )
        context["structured_data"] = lambda: event_structured_data(
            event, when, self.request, presenters()
        )
        context["registration"] = registration_context(
            self.request, event, start, when.starts_at, registration_form
        )
        return context

    def occurrence_start(self):
        """The original start of the date this page is for (a single event's own start)."""
        if self.occurrence is not None:
            return self.occurrence.original_start
        return None if self.object.is_recurring else self.object.starts_at


class OccurrenceDetailView(EventDetailView):
    """One date of a series, at the address of its original date (which a move keeps)."""

    def get_object(self, queryset=None):
        event = super().get_object(queryset)
        day = self.kwargs["date"]
        self.occurrence = event.occurrences.filter(
            original_start__gte=local_midnight(day),
            original_start__lt=local_midnight(day + datetime.timedelta(days=1)),
        ).first()
        if not event.is_recurring or self.occurrence is None:
            raise Http404(_("The event does not take place on this date."))
        return event


def registration_state(request, event, starts_at):
    """ "open", "closed" or "members-only", for the date of ``event`` that starts at
    ``starts_at`` (a moved date at its new time)."""
    if event.is_cancelled or starts_at <= timezone.now() or event.registration_is_closed:
        return "closed"
    if event.registration_members_only and not is_member(request.user):
        return "members-only"
    return "open"


def registration_context(request, event, start, starts_at, form=None):
    """What ``events/includes/registration.html`` shows for the date of ``event`` first
    planned for ``start`` and now starting at ``starts_at``: whether registering is open, the
    places left and the form (a logged-in member's name and address filled in). On a series'
    own page (``start`` None) it asks to choose a date. None when the event takes no
    registrations on this site."""
    if not event.takes_registrations:
        return None
    if start is None:
        return {"state": "choose-date", "form": form}
    state = registration_state(request, event, starts_at)
    if state == "open" and form is None:
        user = request.user
        initial = {}
        if user.is_authenticated:
            initial = {"name": user.get_full_name(), "email": user.email}
        initial["occurrence"] = start.isoformat()
        form = RegistrationForm(initial=initial, event=event, questions=event.questions.all())
    return {
        "state": state,
        "form": form if state == "open" else None,
        "places_left": registrations.places_left(event, start),
        "login_url": f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.path})}",
    }


class RegisterView(EventDetailView):
    """Takes the registration form of an event's date; shows the event page again on errors."""

    def get_queryset(self):
        return Event.objects.visible_to(self.request.user).for_detail()

    def get(self, request, *args, **kwargs):
        return redirect("events:event-detail", slug=kwargs["slug"])

    def post(self, request, *args, **kwargs):
        self.object = event = self.get_object()
        if not event.takes_registrations:
            return redirect(event)
        form = RegistrationForm(
            request.POST,
            event=event,
            questions=event.questions.all(),
            client_address=client_address(request),
        )
        valid = form.is_valid()
        start = form.occurrence_start
        if start is not None and event.is_recurring:
            # The page of the date registered for, which the form came from.
            self.occurrence = event.occurrences.get(original_start=start)
        if not valid:
            return self.render_to_response(self.get_context_data(registration_form=form))
        when = self.occurrence or event
        if form.is_from_bot or registration_state(request, event, when.starts_at) != "open":
            return redirect(when)
        registration = form.save(commit=False)
        registration.event = event
        registration.occurrence_start = start
        registration.language = translation.get_language()
        registration.answers = form.answers()
        if request.user.is_authenticated:
            registration.account = request.user
        registrations.register(registration)
        announce_submission(
            registration,
            _("New registration for an event"),
            "events/email/office_registration.txt",
        )
        registrations.notify(registration, registration.place, request)
        token = registrations.registration_token(registration)
        return redirect("events:registration", token=token)


@never_cache
def registration_page(request, token):
    """A registration's own page, reached by the signed link in its emails: where it
    stands (a place, or its position on the waiting list), and a button to cancel it."""
    try:
        pk = registrations.registration_pk(token)
    except signing.BadSignature:
        raise Http404 from None
    registration = get_object_or_404(Registration.objects.select_related("event__venue"), pk=pk)
    event = registration.event
    occurrence = registration.occurrence
    takes_place = occurrence is not None and not event.is_cancelled
    can_cancel = (
        registration.place != Registration.Place.CANCELLED
        and takes_place
        and occurrence.starts_at > timezone.now()
    )
    if request.method == "POST" and can_cancel:
        registrations.cancel(registration, request)
        return redirect("events:registration", token=token)
    position = None
    if registration.place == Registration.Place.WAITING:
        ahead = Registration.objects.for_occurrence(event, registration.occurrence_start)
        position = ahead.waiting().filter(queued_at__lt=registration.queued_at).count() + 1
    context = {
        "registration": registration,
        "event": event,
        "occurrence": occurrence,
        "takes_place": takes_place,
        "position": position,
        "can_cancel": can_cancel,
    }
    return render(request, "events/registration.html", context)


def event_structured_data(event, when, request, organisations):
    """The event (at ``when``: itself or one of its dates), presented by ``organisations``
    (the active ones of its own), as schema.org describes one,
    for search results and shared links.

    Times are Berlin wall-clock times with their offset; an all-day event gives dates only.
    """
    if event.all_day:
        start, end = when.first_day.isoformat(), when.last_day.isoformat()
    else:
        start = berlin_time(when.starts_at)
        end = berlin_time(when.ends_at) if when.ends_at else None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": request.build_absolute_uri(when.get_absolute_url()),
        "startDate": start,
        "endDate": end,
        "eventStatus": EVENT_CANCELLED if event.is_cancelled else EVENT_SCHEDULED,
        "eventAttendanceMode": OFFLINE_EVENT,
        "description": plain_text(event.description, 300),
        "image": image_url(request, event.image),
        "isAccessibleForFree": event.is_free,
        "inLanguage": request.LANGUAGE_CODE,
    }
    if venue := event.venue:
        data["location"] = {
            "@type": "Place",
            "name": venue.name,
            "address": postal_address(venue.street, venue.postcode, venue.city),
        }
    organizers = [
        {
            "@type": "Organization",
            "name": organisation.name,
            "url": request.build_absolute_uri(organisation.get_absolute_url()),
        }
        for organisation in organisations
    ]
    if event.other_presenters:
        organizers.append({"@type": "Organization", "name": event.other_presenters})
    if organizers:
        data["organizer"] = organizers
    return {key: value for key, value in data.items() if value not in (None, "")}


def event_ics(request, slug):
    """The event's dates, all of a series', as a file to import once."""
    event = get_object_or_404(
        Event.objects.visible_to(request.user).select_related("venue"), slug=slug
    )
    calendar = build_calendar(event.occurrences.all(), request)
    return ics_response(calendar, filename=f"{event.slug}.ics")


def feed_ics(request):
    """The calendar to subscribe to (``OccurrenceQuerySet.for_subscription``)."""
    occurrences = Occurrence.objects.visible_to(request.user).for_subscription()
    return ics_response(
        build_calendar(occurrences, request, name=_("MiSO-Netzwerk Hannover: events"))
    )
