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


def event_component(occurrence, request):
    """One ``VEVENT`` for one date; ``occurrence`` comes with its event and the event's venue.

    Each date of a series is a VEVENT of its own rather than one with a rule: calendar
    programs then show exactly the dates the site shows, moved and cancelled ones included,
    without interpreting a rule their own way. The UID names the date by its original start,
    so a moved date updates in subscribers' calendars instead of appearing twice.
    """
    event = occurrence.event
    if event.all_day:
        # All-day events have dates, and DTEND is the day after the last one.
        start, end = occurrence.first_day, occurrence.last_day + datetime.timedelta(days=1)
    else:
        start = timezone.localtime(occurrence.starts_at)
        end = timezone.localtime(occurrence.ends_at) if occurrence.ends_at else None
    uid = f"event-{event.pk}"
    if event.is_recurring:
        uid += f"-{timezone.localtime(occurrence.original_start):%Y%m%dT%H%M}"
    return CalendarEvent.new(
        uid=f"{uid}@{request.get_host()}",
        # Without METHOD, DTSTAMP is the time the event last changed (RFC 5545, 3.8.7.2).
        stamp=event.updated_at,
        last_modified=event.updated_at,
        summary=event.title,
        description=plain_text(event.description) or None,
        location=event.venue.address if event.venue else None,
        url=request.build_absolute_uri(occurrence.get_absolute_url()),
        start=start,
        end=end,
        status=STATUS.CANCELLED if event.is_cancelled else STATUS.CONFIRMED,
        classification=CLASS.PRIVATE if event.members_only else CLASS.PUBLIC,
    )


def build_calendar(occurrences, request, name=None):
    """A calendar of ``occurrences`` (dates of events) with the Berlin time zone they refer to."""
    occurrences = list(occurrences)
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
    first = min((occurrence.first_day for occurrence in occurrences), default=today)
    last = max((occurrence.last_day for occurrence in occurrences), default=today)
    calendar.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE,
            first_date=datetime.date(first.year, 1, 1),
            last_date=datetime.date(last.year + 1, 1, 1),
        )
    )
    for occurrence in occurrences:
        calendar.add_component(event_component(occurrence, request))
    return calendar


def ics_response(calendar, filename=None):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
