"""Demo content for the events app: the 2019 calendar from the seeds, a few coming events,
and two series: the board's monthly meeting and the office's open hours every other week."""

import datetime

from django.utils import timezone

from core.demo import illustrated, read_json, translated_fields
from members.models import District, MemberOrganisation

from .models import Event, OccurrenceChange, RegistrantMessage, RegistrationQuestion, Venue

VENUE_FIELDS = ("name", "room", "access_note")
EVENT_FIELDS = ("title", "description", "price")
PLAIN_EVENT_FIELDS = (
    "all_day",
    "other_presenters",
    "registration",
    "registration_email",
    "members_only",
    "is_cancelled",
    "capacity",
    "repeat",
    "repeat_count",
)


def berlin_time(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text)) if text else None


def load():
    created = 0
    venues = {}
    for key, data in read_json(__file__, "venues.json").items():
        plain = {field: data[field] for field in ("street", "postcode", "city") if field in data}
        plain["district"] = District.objects.filter(slug=data.get("district")).first()
        names = translated_fields(data, ["name"])
        venues[key], is_new = Venue.objects.get_or_create(
            name_de=names["name_de"], defaults={**plain, **translated_fields(data, VENUE_FIELDS)}
        )
        created += is_new

    for data in read_json(__file__, "events.json"):
        plain = {field: data[field] for field in PLAIN_EVENT_FIELDS if field in data}
        deadline = data.get("registration_deadline")
        event, is_new = Event.objects.get_or_create(
            slug=data["slug"],
            defaults={
                **plain,
                **translated_fields(data, EVENT_FIELDS),
                "starts_at": berlin_time(data["starts_at"]),
                "ends_at": berlin_time(data.get("ends_at")),
                "registration_deadline": deadline and datetime.date.fromisoformat(deadline),
                "venue": venues[data["venue"]],
                "is_published": True,
                "published_at": berlin_time("2016-01-01T00:00"),
                **illustrated("image", data),
            },
        )
        if is_new:
            # Presenters from the members demo, by slug; any it lacks are left out.
            slugs = data.get("organisations", [])
            event.organisations.set(MemberOrganisation.objects.filter(slug__in=slugs))
            # A series' cancelled dates (each change stores the series' dates again).
            for change in data.get("changes", []):
                OccurrenceChange.objects.create(
                    event=event,
                    date=datetime.date.fromisoformat(change["date"]),
                    is_cancelled=change["is_cancelled"],
                )
            created += 1
            for order, question in enumerate(data.get("questions", [])):
                RegistrationQuestion.objects.create(
                    event=event,
                    kind=question["kind"],
                    order=order,
                    **translated_fields(question, ["label", "choices"]),
                )
            # A draft the office could send to the registrants.
            for message in data.get("messages", []):
                RegistrantMessage.objects.create(
                    event=event, **translated_fields(message, ["subject", "body"])
                )
    return created
