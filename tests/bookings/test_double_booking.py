"""No double booking, however many members book at the same moment: the database decides."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

from bookings.models import NO_DOUBLE_BOOKING, Booking, SlotTaken

from .factories import in_days, make_member_account, make_resource

HOUR = datetime.timedelta(hours=1)


def new_booking(resource, account, starts_at, ends_at):
    return Booking(
        resource=resource,
        account=account,
        organisation_id=account.membership.organisation_id,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose="Treffen",
        language="de",
    )


def book_all_at_once(resource, account, spans):
    """Book every span in a thread of its own, all starting together; say for each
    whether it was booked."""
    ready = threading.Barrier(len(spans))

    def book(span):
        booking = new_booking(resource, account, *span)
        ready.wait()
        try:
            booking.book()
        except SlotTaken:
            return False
        finally:
            connection.close()
        return True

    with ThreadPoolExecutor(max_workers=len(spans)) as pool:
        return list(pool.map(book, spans))


def overlap(span, other):
    return span[0] < other[1] and other[0] < span[1]


def test_of_many_overlapping_bookings_sent_at_once_exactly_the_non_overlapping_ones_succeed(
    own_connections,
):
    resource, account = make_resource(), make_member_account()
    hours = [in_days(3, hour) for hour in (9, 10, 11, 12)]
    # Each hour four times, and a span from 9:30 to 10:30 across the first two.
    spans = [(start, start + HOUR) for start in hours for _copy in range(4)]
    spans.append((hours[0] + HOUR / 2, hours[1] + HOUR / 2))

    booked = book_all_at_once(resource, account, spans)

    saved = list(Booking.objects.values_list("starts_at", "ends_at"))
    assert len(saved) == booked.count(True)
    assert not any(overlap(span, other) for span in saved for other in saved if span != other)
    refused = [span for span, was_booked in zip(spans, booked, strict=True) if not was_booked]
    assert all(any(overlap(span, taken) for taken in saved) for span in refused)
    assert saved.count((hours[2], hours[2] + HOUR)) == 1
    assert saved.count((hours[3], hours[3] + HOUR)) == 1


def test_bookings_that_do_not_overlap_all_succeed_at_once(own_connections):
    resource, account = make_resource(), make_member_account()
    spans = [(in_days(4, 8) + n * HOUR / 2, in_days(4, 8) + (n + 1) * HOUR / 2) for n in range(12)]

    assert book_all_at_once(resource, account, spans) == [True] * 12
    assert Booking.objects.count() == 12


def test_a_cancelled_booking_leaves_its_time_free(own_connections):
    resource, account = make_resource(), make_member_account()
    span = (in_days(5, 9), in_days(5, 10))
    first = new_booking(resource, account, *span)
    first.book()
    first.cancel(by=account)

    assert book_all_at_once(resource, account, [span] * 3).count(True) == 1


def test_on_postgresql_the_table_itself_refuses_overlapping_bookings(db):
    """SQLite has no such constraint; there ``Booking.book`` alone keeps the rule."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Booking._meta.db_table)
    assert (NO_DOUBLE_BOOKING in constraints) == (connection.vendor == "postgresql")
