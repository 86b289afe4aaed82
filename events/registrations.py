"""Registrations: taking and freeing places, the waiting list, and the emails that say so.

No overbooking: places are counted and taken in one transaction that first locks the
event's row (SELECT ... FOR UPDATE on PostgreSQL; on SQLite every transaction takes the
database's write lock when it begins, see the settings), so of two people asking for the
last place at the same moment one gets it and the other joins the waiting list.

Each email is sent after the transaction, in the registrant's language, with a signed
link to the registration's own page, where it can be cancelled.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.mail import send_email_in

from .ical import build_calendar
from .models import Event, Occurrence, Registration

TOKEN_SALT = "events.registration"

# What each email says, by the news it brings: (subject, template, with the .ics file).
EMAILS = {
    "registered": (_("Your registration: %(event)s"), "events/email/registered.txt", True),
    "waiting": (_("Waiting list: %(event)s"), "events/email/waiting.txt", False),
    "promoted": (_("A place for you: %(event)s"), "events/email/promoted.txt", True),
    "cancelled": (_("Registration cancelled: %(event)s"), "events/email/cancelled.txt", False),
    "reminder": (_("Tomorrow: %(event)s"), "events/email/reminder.txt", False),
}


def registration_token(registration):
    return signing.dumps(registration.pk, salt=TOKEN_SALT)


def registration_pk(token):
    """The registration a token was made for; ``signing.BadSignature`` if it was altered."""
    return signing.loads(token, salt=TOKEN_SALT)


def _lock(event):
    """The event's row, locked until the transaction ends: one change of places at a time."""
    return Event.objects.select_for_update().only("capacity").get(pk=event.pk)


def places_left(event, start):
    """Free places at the date starting at ``start``; None when there is no limit."""
    if event.capacity is None:
        return None
    taken = Registration.objects.for_occurrence(event, start).registered().count()
    return max(event.capacity - taken, 0)


def register(registration):
    """Save a new registration with a place if one is free, else on the waiting list."""
    with transaction.atomic():
        event = _lock(registration.event)
        if places_left(event, registration.occurrence_start) == 0:
            registration.place = Registration.Place.WAITING
            registration.queued_at = timezone.now()
        else:
            registration.place = Registration.Place.REGISTERED
        registration.save()
    return registration


def _fill(event, start):
    """Give free places to the first in line; call it holding the lock. Returns them."""
    waiting = Registration.objects.for_occurrence(event, start).waiting()
    free = places_left(event, start)
    promoted = list(waiting if free is None else waiting[:free])
    for registration in promoted:
        registration.place = Registration.Place.REGISTERED
        registration.save(update_fields=["place"])
    return promoted


def fill_free_places(event, start, request=None):
    """Promote people from the waiting list while places are free (after more places
    were added); each gets an email. Returns the promoted registrations."""
    with transaction.atomic():
        promoted = _fill(_lock(event), start)
    for registration in promoted:
        notify(registration, "promoted", request)
    return promoted


def cancel(registration, request=None):
    """Cancel a registration; a place it held goes to the first on the waiting list.

    Returns False if it was cancelled already. Both people get an email.
    """
    with transaction.atomic():
        event = _lock(registration.event)
        registration.refresh_from_db(fields=["place"])
        if registration.place == Registration.Place.CANCELLED:
            return False
        registration.place = Registration.Place.CANCELLED
        registration.save(update_fields=["place"])
        promoted = _fill(event, registration.occurrence_start)
    notify(registration, "cancelled", request)
    for other in promoted:
        notify(other, "promoted", request)
    return True


def promote(registration, request=None):
    """The office gives a waiting or cancelled registration a place, if one is free."""
    with transaction.atomic():
        event = _lock(registration.event)
        registration.refresh_from_db(fields=["place"])
        if registration.place == Registration.Place.REGISTERED:
            return False
        if places_left(event, registration.occurrence_start) == 0:
            return False
        registration.place = Registration.Place.REGISTERED
        registration.save(update_fields=["place"])
    notify(registration, "promoted", request)
    return True


def move_to_waiting_list(registration, request=None):
    """The office moves a registration to the end of the waiting list.

    The place it frees stays free until the office or a cancellation fills it.
    """
    with transaction.atomic():
        _lock(registration.event)
        registration.refresh_from_db(fields=["place"])
        if registration.place == Registration.Place.WAITING:
            return False
        registration.place = Registration.Place.WAITING
        registration.queued_at = timezone.now()
        registration.save(update_fields=["place", "queued_at"])
    notify(registration, "waiting", request)
    return True


def absolute_url(path, request=None):
    """A link for an email: on the host the request came to, else on ``SITE_URL``."""
    return request.build_absolute_uri(path) if request else settings.SITE_URL + path


def notify(registration, news, request=None):
    """Queue an email to the registrant with ``news`` (a key of ``EMAILS``, which include
    the places' values, "registered" and "waiting") in their language; return it, or None
    for a registration without an address. It gives the date as it now takes place (a
    moved date at its new time); the confirmations carry that date's ``.ics`` file when
    there is a request to name the site's address by."""
    if not registration.email:
        return None
    subject, template, with_calendar = EMAILS[news]
    event = registration.event
    occurrence = registration.occurrence
    with translation.override(registration.language):
        subject = subject % {"event": event.title}
        link = reverse("events:registration", kwargs={"token": registration_token(registration)})
        attachments = []
        if with_calendar and request is not None and occurrence is not None:
            calendar = build_calendar([occurrence], request).to_ical()
            attachments.append((f"{event.slug}.ics", calendar, "text/calendar"))
        event_url = absolute_url((occurrence or event).get_absolute_url(), request)
    context = {
        "registration": registration,
        "event": event,
        "event_url": event_url,
        "registration_url": absolute_url(link, request),
    }
    return send_email_in(
        registration.language,
        [registration.email],
        subject,
        template,
        context,
        attachments=attachments,
    )


def send_reminders(now=None):
    """Remind everyone with a place at a date that starts tomorrow, moved dates at their new
    time (a daily job, see ``apps``).

    Each registration is reminded once, even if the job runs twice. Returns the number of
    emails queued.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    # Midnight to midnight in Berlin: 23 or 25 hours on the days the clocks change.
    begins = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    ends = begins + datetime.timedelta(days=1)
    due = (
        Registration.objects.registered()
        .filter(
            reminded_at__isnull=True,
            event__is_cancelled=False,
            # One join: the date registered for, which has one row per original start.
            event__occurrences__original_start=F("occurrence_start"),
            event__occurrences__starts_at__gte=begins,
            event__occurrences__starts_at__lt=ends,
        )
        .exclude(email="")
        .select_related("event__venue")
    )
    sent = 0
    for registration in due:
        if notify(registration, "reminder"):
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            sent += 1
    return sent


def forget_past_registrants(now=None):
    """Delete the names, addresses, answers and account links of registrations for
    dates over more than ``REGISTRATION_DATA_DAYS`` days ago (a daily job, see ``apps``).

    The rows stay, with their place and attendance, so the counts stay for reports.
    A date is over when its ``Occurrence`` finishes (a moved one at its new time); a date
    cancelled from its series, when it would have started. Returns the number of
    registrations forgotten.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.REGISTRATION_DATA_DAYS)
    dates = Occurrence.objects.filter(
        event=OuterRef("event"), original_start=OuterRef("occurrence_start")
    )
    over = Exists(dates.filter(finishes_at__lt=cutoff)) | (
        ~Exists(dates) & Q(occurrence_start__lt=cutoff)
    )
    past = Registration.objects.filter(over, forgotten_at__isnull=True).values_list("pk", flat=True)
    return Registration.objects.filter(pk__in=list(past)).update(
        name="", email="", answers=[], account=None, forgotten_at=now
    )


def send_registrant_message(message, request=None):
    """Queue the office's ``RegistrantMessage`` to each registrant in their language
    (German where it has no text in it); return how many emails were queued."""
    recipients = message.recipients().select_related("event")
    sent = 0
    for registration in recipients:
        language = registration.language
        subject = getattr(message, f"subject_{language}", "") or message.subject_de
        body = getattr(message, f"body_{language}", "") or message.body_de
        token = registration_token(registration)
        with translation.override(language):
            link = reverse("events:registration", kwargs={"token": token})
        send_email_in(
            language,
            [registration.email],
            subject,
            "events/email/registrant_message.txt",
            {"body": body, "registration_url": absolute_url(link, request)},
        )
        sent += 1
    message.sent_at = timezone.now()
    message.sent_count = sent
    message.save(update_fields=["sent_at", "sent_count"])
    return sent


def follow_new_schedule(before, event):
    """After the office changed when ``event`` takes place (``before``: as it was), move its
    registrations to the dates that took the place of theirs: the first date's to the new
    first date, the second's to the second, and so on."""
    # A longer or shorter series: the dates beyond the shorter list have no counterpart.
    pairs = zip(before.planned_starts(), event.planned_starts(), strict=False)
    moves = {old: new for old, new in pairs if old != new}
    if not moves:
        return 0
    # One UPDATE: moving one date at a time could move a registration twice.
    return Registration.objects.filter(event=event, occurrence_start__in=moves).update(
        occurrence_start=Case(
            *(When(occurrence_start=old, then=Value(new)) for old, new in moves.items())
        )
    )
