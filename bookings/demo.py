"""Demo content for the bookings app: what the association lends its members (seeds: a
meeting room, a free co-working space, equipment), bookable in the office's opening hours."""

import datetime

from core.demo import read_json, translated_fields

from .models import BookingHours, Resource

# The office's opening hours (seeds): Monday to Thursday 9:00–17:00, Friday 9:00–14:00.
OPENING_HOURS = [(weekday, "09:00", "17:00") for weekday in range(4)] + [(4, "09:00", "14:00")]
RULES = ("kind", "order", "longest_booking_hours", "days_ahead", "notice_hours")


def load():
    created = 0
    for data in read_json(__file__, "resources.json"):
        resource, is_new = Resource.objects.get_or_create(
            slug=data["slug"],
            defaults={
                **{field: data[field] for field in RULES},
                **translated_fields(data, ("name", "description")),
            },
        )
        if is_new:
            BookingHours.objects.bulk_create(
                BookingHours(
                    resource=resource,
                    weekday=weekday,
                    opens=datetime.time.fromisoformat(opens),
                    closes=datetime.time.fromisoformat(closes),
                )
                for weekday, opens, closes in OPENING_HOURS
            )
            created += 1
    return created
