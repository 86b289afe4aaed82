"""The members' booking pages: what can be booked, when it is free, and their organisation's
bookings. Only for logged-in members whose account acts for a member organisation."""

import datetime
import math
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, TemplateView

from accounts.models import organisation_of
from core.models import is_member
from events.ical import ics_response

from . import notices
from .forms import BookingForm
from .ical import booking_calendar
from .models import STEP, Booking, Resource, SlotTaken

BOOKINGS_PER_PAGE = 20


class MemberMixin(LoginRequiredMixin):
    """Logged-in members of a member organisation; never stored by any cache."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisation = organisation_of(request.user)
            if self.organisation is None or not is_member(request.user):
                raise Http404
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def organisation_bookings(self):
        return Booking.objects.filter(organisation=self.organisation).select_related("resource")


class OverviewView(MemberMixin, TemplateView):
    template_name = "bookings/overview.html"

    def get_context_data(self, **kwargs):
        upcoming = self.organisation_bookings().filter(ends_at__gte=timezone.now())
        return super().get_context_data(
            organisation=self.organisation,
            resources=Resource.objects.filter(is_active=True),
            bookings=Paginator(upcoming, BOOKINGS_PER_PAGE).get_page(self.request.GET.get("page")),
            **kwargs,
        )


@dataclass
class Span:
    """A stretch of one day's opening hours: free, taken, taken by the reader's organisation,
    or too late to book."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    state: str


def first_bookable(resource, now):
    """The earliest start the rules allow: the notice from now, on the next step."""
    earliest = timezone.localtime(now + datetime.timedelta(hours=resource.notice_hours))
    midnight = earliest.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + math.ceil((earliest - midnight) / STEP) * STEP


def day_plan(resource, day, bookings, organisation, now):
    """The spans of ``day``'s opening hours; ``bookings`` are the active ones, by start.

    A free span that starts before ``first_bookable`` is cut there: the part before it
    can no longer be booked.
    """
    earliest = first_bookable(resource, now)
    spans = []
    for hours in resource.hours_on(day):
        opens = timezone.make_aware(datetime.datetime.combine(day, hours.opens))
        closes = timezone.make_aware(datetime.datetime.combine(day, hours.closes))
        free_from = opens
        for booking in bookings:
            start, end = max(booking.starts_at, opens), min(booking.ends_at, closes)
            if start >= end:
                continue
            if start > free_from:
                spans.extend(free_spans(free_from, start, earliest))
            own = booking.organisation_id == organisation.pk
            spans.append(Span(start, end, "own" if own else "taken"))
            free_from = max(free_from, end)
        if free_from < closes:
            spans.extend(free_spans(free_from, closes, earliest))
    return spans


def free_spans(start, end, earliest):
    if end <= earliest:
        return [Span(start, end, "late")]
    if start < earliest:
        return [Span(start, earliest, "late"), Span(earliest, end, "free")]
    return [Span(start, end, "free")]


def monday_of(text, today):
    """The Monday of the week that the ISO date ``text`` falls into; this week's if invalid."""
    try:
        day = datetime.date.fromisoformat(text or "")
    except ValueError:
        day = today
    return day - datetime.timedelta(days=day.weekday())


class ResourceView(MemberMixin, FormView):
    """One resource's week, free and taken times, and the form to book it."""

    template_name = "bookings/resource.html"
    form_class = BookingForm

    @cached_property
    def resource(self):
        resources = Resource.objects.filter(is_active=True).prefetch_related("opening_hours")
        return get_object_or_404(resources, slug=self.kwargs["slug"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "resource": self.resource}

    def get_initial(self):
        return {name: self.request.GET.get(name) for name in ("day", "starts")}

    def week(self):
        now = timezone.now()
        today = timezone.localdate(now)
        this_monday = monday_of(None, today)
        monday = max(monday_of(self.request.GET.get("week"), today), this_monday)
        last_day = today + datetime.timedelta(days=self.resource.days_ahead)
        monday = min(monday, monday_of(None, last_day))
        days = [monday + datetime.timedelta(days=n) for n in range(7)]
        start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
        end = start + datetime.timedelta(days=7)
        bookings = list(
            Booking.objects.active()
            .filter(resource=self.resource)
            .overlapping(start, end)
            .only("starts_at", "ends_at", "organisation_id")
        )
        url = self.resource.get_absolute_url()
        previous_monday = monday - datetime.timedelta(days=7)
        next_monday = monday + datetime.timedelta(days=7)
        return {
            "days": [
                {
                    "day": day,
                    "spans": day_plan(self.resource, day, bookings, self.organisation, now),
                    "bookable": today <= day <= last_day,
                }
                for day in days
            ],
            "first": days[0],
            "last": days[-1],
            "previous_url": f"{url}?week={previous_monday}" if monday > this_monday else None,
            "next_url": f"{url}?week={next_monday}" if next_monday <= last_day else None,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(resource=self.resource, week=self.week(), **kwargs)

    def form_valid(self, form):
        booking = form.booking(
            organisation=self.organisation, account=self.request.user, language=get_language()
        )
        try:
            booking.book()
        except SlotTaken:
            form.add_error(
                None,
                _("Sorry, this time is already booked. Please choose another time."),
            )
            return self.form_invalid(form)
        notices.booked(booking, self.request)
        messages.success(
            self.request,
            _("Booked. We have sent you a confirmation by email, with an entry for your calendar."),
        )
        return redirect(booking.get_absolute_url())


class OrganisationBookingMixin(MemberMixin):
    """One booking of the reader's organisation; any other is not found."""

    def get_queryset(self):
        return self.organisation_bookings()


class CancelView(OrganisationBookingMixin, DetailView):
    """Asks first; the booking is cancelled by the form this page holds."""

    template_name = "bookings/cancel.html"
    context_object_name = "booking"

    def post(self, request, *args, **kwargs):
        booking = self.get_object()
        if booking.can_be_cancelled_by_member and booking.cancel(by=request.user):
            notices.cancelled(booking, request)
            messages.success(request, _("The booking is cancelled."))
        else:
            messages.error(request, _("This booking can no longer be cancelled."))
        return redirect(reverse("bookings:overview"))


class CalendarFileView(OrganisationBookingMixin, DetailView):
    def render_to_response(self, context):
        calendar = booking_calendar(self.object, self.request.get_host())
        return ics_response(calendar, f"booking-{self.object.pk}.ics")
