import calendar
import datetime
from collections import defaultdict

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from core.cache import reads_query_parameters
from core.mail import notify_office
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
from .models import Event, Registration

EVENTS_PER_PAGE = 20


def local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@reads_query_parameters("page")
class UpcomingView(ListView):
    template_name = "events/upcoming.html"
    context_object_name = "events"
    paginate_by = EVENTS_PER_PAGE

    def get_queryset(self):
        return Event.objects.visible_to(self.request.user).upcoming().for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feed_url = self.request.build_absolute_uri(reverse("events:feed"))
        context["feed_url"] = feed_url
        # webcal:// asks the visitor's calendar program to subscribe, not to download once.
        context["subscribe_url"] = "webcal://" + feed_url.split("://", 1)[1]
        return context


def past_index(request):
    """The most recent year with past events (or this year, when there are none)."""
    latest = Event.objects.visible_to(request.user).past().values_list("starts_at", flat=True)
    latest = latest.first()
    year = timezone.localtime(latest).year if latest else timezone.localdate().year
    return redirect("events:past-year", year=year)


@reads_query_parameters("page")
class PastYearView(ListView):
    template_name = "events/past.html"
    context_object_name = "events"
    paginate_by = EVENTS_PER_PAGE

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .past()
            .filter(starts_at__year=self.kwargs["year"])
            .for_cards()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["year"]
        years = Event.objects.visible_to(self.request.user).past().years("starts_at")
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
        events = (
            Event.objects.visible_to(self.request.user)
            .overlapping(
                local_midnight(first_shown), local_midnight(last_shown + datetime.timedelta(days=1))
            )
            .for_calendar()
        )
        events_by_day = defaultdict(list)
        for event in events:
            first_day, last_day = event.first_day, min(event.last_day, last_shown)
            day = max(first_day, first_shown)
            while day <= last_day:
                # The start time goes on the first day only, and never with an all-day event.
                events_by_day[day].append((event, day == first_day and not event.all_day))
                day += datetime.timedelta(days=1)

        today = timezone.localdate()
        first_of_month = datetime.date(year, month, 1)
        weeks = [
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "is_today": day == today,
                    "events": events_by_day[day],
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
    """An event's page. Staff who may edit events also see drafts (``PreviewableMixin``)."""

    model = Event
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        events = super().get_queryset()
        if not self.previewing:
            events = events.visible_to(self.request.user)
        return events.for_detail()

    def get_context_data(self, registration_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = event_structured_data(self.object, self.request)
        event = self.object
        context["registration"] = registration_context(
            self.request, event, event.starts_at, registration_form
        )
        return context


def registration_state(request, event, start):
    """ "open", "closed" or "members-only", for the date of ``event`` that starts at ``start``."""
    if event.is_cancelled or start <= timezone.now() or event.registration_is_closed:
        return "closed"
    if event.registration_members_only and not is_member(request.user):
        return "members-only"
    return "open"


def registration_context(request, event, start, form=None):
    """What ``events/includes/registration.html`` shows for the date of ``event`` that
    starts at ``start``: whether registering is open, the places left and the form
    (a logged-in member's name and address filled in). None when the event takes no
    registrations on this site."""
    if not event.takes_registrations:
        return None
    state = registration_state(request, event, start)
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
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(registration_form=form))
        start = form.occurrence_start
        if form.is_from_bot or registration_state(request, event, start) != "open":
            return redirect(event)
        registration = form.save(commit=False)
        registration.event = event
        registration.occurrence_start = start
        registration.language = translation.get_language()
        registration.answers = form.answers()
        if request.user.is_authenticated:
            registration.account = request.user
        registrations.register(registration)
        registration.office_notified = notify_office(
            _("New registration for an event"),
            "events/email/office_registration.txt",
            {"registration": registration},
        )
        registration.save(update_fields=["office_notified"])
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
    can_cancel = (
        registration.place != Registration.Place.CANCELLED
        and registration.occurrence_start > timezone.now()
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
        "position": position,
        "can_cancel": can_cancel,
    }
    return render(request, "events/registration.html", context)


def event_structured_data(event, request):
    """The event as schema.org describes one, for search results and shared links.

    Times are Berlin wall-clock times with their offset; an all-day event gives dates only.
    """
    if event.all_day:
        start, end = event.first_day.isoformat(), event.last_day.isoformat()
    else:
        start = berlin_time(event.starts_at)
        end = berlin_time(event.ends_at) if event.ends_at else None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": request.build_absolute_uri(event.get_absolute_url()),
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
        for organisation in event.organisations.all()
    ]
    if event.other_presenters:
        organizers.append({"@type": "Organization", "name": event.other_presenters})
    if organizers:
        data["organizer"] = organizers
    return {key: value for key, value in data.items() if value not in (None, "")}


def event_ics(request, slug):
    event = get_object_or_404(
        Event.objects.visible_to(request.user).select_related("venue"), slug=slug
    )
    return ics_response(build_calendar([event], request), filename=f"{event.slug}.ics")


def feed_ics(request):
    events = Event.objects.visible_to(request.user).upcoming().select_related("venue")
    return ics_response(build_calendar(events, request, name=_("MiSO-Netzwerk Hannover: events")))
