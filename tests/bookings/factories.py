import datetime
import itertools

from django.contrib.auth.models import User
from django.utils import timezone

from accounts.models import Membership
from bookings.models import Booking, BookingHours, Resource
from tests.members.factories import make_member, make_organisation

_numbers = itertools.count(1)


def make_resource(opens="08:00", closes="20:00", **overrides):
    """A resource open every day from ``opens`` to ``closes``, so tests do not depend on
    the weekday they run on."""
    number = next(_numbers)
    fields = {
        "kind": Resource.Kind.ROOM,
        "slug": f"raum-{number}",
        "name_de": f"Sitzungsraum {number}",
        "name_en": f"Meeting room {number}",
        "name_ru": f"Переговорная {number}",
    }
    resource = Resource.objects.create(**(fields | overrides))
    BookingHours.objects.bulk_create(
        BookingHours(
            resource=resource,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
        for weekday in range(7)
    )
    return resource


def make_member_account(organisation=None, username=None):
    """A member's account, in the Members group and linked to ``organisation``."""
    username = username or f"member{next(_numbers)}"
    user = make_member(User, username=username)
    user.email = f"{username}@example.org"
    user.save(update_fields=["email"])
    Membership.objects.create(user=user, organisation=organisation or make_organisation())
    return user


def in_days(days, hour, minute=0):
    """An aware time ``days`` from today, at ``hour``:``minute`` in Hannover."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def make_booking(resource, account, starts_at, ends_at=None, **overrides):
    fields = {
        "resource": resource,
        "account": account,
        "organisation": account.membership.organisation,
        "starts_at": starts_at,
        "ends_at": ends_at or starts_at + datetime.timedelta(hours=1),
        "purpose": "Vorstandssitzung",
        "language": "de",
    }
    return Booking.objects.create(**(fields | overrides))


def make_many_bookings(resource, account, count):
    """``count`` one-hour bookings one after another, from tomorrow at 8:00, eight a day."""
    start = in_days(1, 8)
    return Booking.objects.bulk_create(
        Booking(
            resource=resource,
            account=account,
            organisation=account.membership.organisation,
            starts_at=start + datetime.timedelta(days=n // 8, hours=n % 8),
            ends_at=start + datetime.timedelta(days=n // 8, hours=n % 8 + 1),
            purpose=f"Treffen {n}",
            language="de",
        )
        for n in range(count)
    )
