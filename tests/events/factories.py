import datetime
import itertools

from django.utils import timezone

from events.models import Event, Occurrence, Registration, RegistrationQuestion, Venue

# A member's account is the members app's; tests/search/test_search.py still imports it from here.
from tests.members.factories import make_member  # noqa: F401

_numbers = itertools.count(1)


def berlin(*args):
    """An aware datetime given as Berlin wall-clock time: ``berlin(2026, 3, 29, 10)``."""
    return timezone.make_aware(datetime.datetime(*args))


def make_venue(**overrides):
    fields = {
        "name": "Kulturzentrum Faust",
        "street": "Zur Bettfedernfabrik 3",
        "postcode": "30451",
        "city": "Hannover",
        "access_note_de": "Ebenerdiger Eingang, barrierefreies WC im Erdgeschoss.",
        "access_note_en": "Level entrance, accessible toilet on the ground floor.",
    }
    return Venue.objects.create(**(fields | overrides))


def event_fields(**overrides):
    number = next(_numbers)
    fields = {
        "title_de": f"Veranstaltung {number}",
        "title_en": f"Event {number}",
        "title_ar": f"فعالية {number}",
        "slug": f"event-{number}",
        "starts_at": timezone.now() + datetime.timedelta(days=7),
        "is_published": True,
        "published_at": timezone.now() - datetime.timedelta(days=1),
    }
    return fields | overrides


def make_event(organisations=(), **overrides):
    event = Event.objects.create(**event_fields(**overrides))
    event.organisations.set(organisations)
    return event


def make_events(count, organisations=(), **overrides):
    """``count`` single events with their dates in a few queries, each presented by
    ``organisations``."""
    events = [Event(**event_fields(**overrides)) for _ in range(count)]
    for event in events:
        event.finishes_at = event.compute_finishes_at()
    events = Event.objects.bulk_create(events)
    Occurrence.objects.store_single_dates(events)
    Event.organisations.through.objects.bulk_create(
        Event.organisations.through(event=event, memberorganisation=organisation)
        for event in events
        for organisation in organisations
    )
    return events


def make_registration_event(capacity=2, **overrides):
    """An event that takes registrations on this site, with ``capacity`` places."""
    fields = {"registration": Event.Registration.SITE, "capacity": capacity}
    return make_event(**(fields | overrides))


def make_question(event, label="Brauchen Sie Kinderbetreuung?", **overrides):
    fields = {"event": event, "label_de": label, "kind": RegistrationQuestion.Kind.YES_NO}
    return RegistrationQuestion.objects.create(**(fields | overrides))


def registration_form(event, name="Amina Yusuf", email="amina@example.org", start=None, **answers):
    """What a visitor sends with the registration form of ``event``'s date that first
    started at ``start`` (its first date unless given)."""
    return {
        "occurrence": (start or event.starts_at).isoformat(),
        "name": name,
        "email": email,
        "consent": "on",
        **answers,
    }


def make_registration(event, place=Registration.Place.REGISTERED, **overrides):
    number = next(_numbers)
    fields = {
        "event": event,
        "occurrence_start": event.starts_at,
        "name": f"Person {number}",
        "email": f"person{number}@example.org",
        "language": "de",
        "place": place,
    }
    if place == Registration.Place.WAITING:
        fields["queued_at"] = timezone.now()
    return Registration.objects.create(**(fields | overrides))
