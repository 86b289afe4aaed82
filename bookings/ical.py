"""A booking as an iCalendar file, attached to its confirmation and cancellation emails."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import STATUS, Calendar, Timezone
from icalendar import Event as CalendarEvent

from pages.context_processors import cached_association

PRODID = "-//MiSO-Netzwerk Hannover e.V.//Bookings//EN"


def booking_calendar(booking, host):
    """``booking`` as a calendar; a cancelled one cancels the entry it replaces."""
    start, end = timezone.localtime(booking.starts_at), timezone.localtime(booking.ends_at)
    association = cached_association()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE,
            first_date=datetime.date(start.year, 1, 1),
            last_date=datetime.date(start.year + 1, 1, 1),
        )
    )
    calendar.add_component(
        CalendarEvent.new(
            uid=f"booking-{booking.pk}@{host}",
            stamp=booking.cancelled_at or booking.created_at,
            # A calendar program replaces its entry by a higher sequence: the cancellation.
            sequence=1 if booking.is_cancelled else 0,
            summary=str(booking.resource),
            description=booking.purpose,
            location=f"{association.street}, {association.postcode} {association.city}"
            if association
            else None,
            start=start,
            end=end,
            status=STATUS.CANCELLED if booking.is_cancelled else STATUS.CONFIRMED,
        )
    )
    return calendar
