"""iCalendar files: one event's ``.ics`` and the subscribable feed.

Times are written in Europe/Berlin with a VTIMEZONE describing its
daylight-saving changes, so calendar programs show 10:00 as 10:00 whether the
event falls in summer or winter time.
"""

import datetime
import html
import re

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import CLASS, STATUS, Calendar, Timezone, vDuration
from icalendar import Event as CalendarEvent

PRODID = "-//MiSO-Netzwerk Hannover e.V.//Events//EN"
# How often subscribed calendars should fetch the feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=12)

PARAGRAPH_END = re.compile(r"</(?:p|h[1-6]|blockquote|ul|ol)>", re.IGNORECASE)
LINE_END = re.compile(r"<br\s*/?>|</li>", re.IGNORECASE)


def plain_text(rich_text):
    """Rich text as calendar programs show it: no markup, a blank line between paragraphs."""
    text = LINE_END.sub("\n", PARAGRAPH_END.sub("\n\n", rich_text or ""))
    return re.sub(r"\n{3,}", "\n\n", html.unescape(strip_tags(text))).strip()


def event_component(event, request):
    """One ``VEVENT``; ``event`` comes with its venue."""
    if event.all_day:
        # All-day events have dates, and DTEND is the day after the last one.
        start, end = event.first_day, event.last_day + datetime.timedelta(days=1)
    else:
        start = timezone.localtime(event.starts_at)
        end = timezone.localtime(event.ends_at) if event.ends_at else None
    return CalendarEvent.new(
        uid=f"event-{event.pk}@{request.get_host()}",
        # Without METHOD, DTSTAMP is the time the event last changed (RFC 5545, 3.8.7.2).
        stamp=event.updated_at,
        last_modified=event.updated_at,
        summary=event.title,
        description=plain_text(event.description) or None,
        location=event.venue.address if event.venue else None,
        url=request.build_absolute_uri(event.get_absolute_url()),
        start=start,
        end=end,
        status=STATUS.CANCELLED if event.is_cancelled else STATUS.CONFIRMED,
        classification=CLASS.PRIVATE if event.members_only else CLASS.PUBLIC,
    )


def build_calendar(events, request, name=None):
    """A calendar of ``events`` with the Berlin time zone they refer to."""
    events = list(events)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if name:
        calendar.calendar_name = str(name)
        calendar.refresh_interval = REFRESH_INTERVAL
        calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # required by RFC 7986
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    # The time zone covers the whole years of the events, so it stays short.
    today = timezone.localdate()
    first = min((event.first_day for event in events), default=today)
    last = max((event.last_day for event in events), default=today)
    calendar.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE,
            first_date=datetime.date(first.year, 1, 1),
            last_date=datetime.date(last.year + 1, 1, 1),
        )
    )
    for event in events:
        calendar.add_component(event_component(event, request))
    return calendar


def ics_response(calendar, filename=None):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
