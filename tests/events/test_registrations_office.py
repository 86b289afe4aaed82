"""The office's side of registrations: counts, moving people, export, writing to them,
and the daily jobs (reminders, deleting personal data after the event)."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from events.models import Event, RegistrantMessage, Registration
from events.registrations import forget_past_registrants, send_reminders
from tests.backoffice.admin_forms import CSV, XLSX, form_as_shown
from tests.backoffice.factories import make_staff
from tests.backoffice.test_spreadsheets import export

from .factories import berlin, make_event, make_registration, make_registration_event

pytestmark = pytest.mark.django_db

REGISTRATIONS = "admin:events_registration"
REGISTERED, WAITING, CANCELLED = (
    Registration.Place.REGISTERED,
    Registration.Place.WAITING,
    Registration.Place.CANCELLED,
)


@pytest.fixture
def office(client):
    client.force_login(make_staff(groups=["Office"], admin_language="en"))
    return client


def save_event(client, event, **changes):
    """Save ``event``'s admin form as shown, with ``changes`` typed in (its date and time
    fields as the two inputs the admin shows, ``starts_at_0`` and ``starts_at_1``)."""
    url = reverse("admin:events_event_change", args=[event.pk])
    form = form_as_shown(client.get(url)) | {
        "published_at_0": "2024-01-01",
        "published_at_1": "10:00",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        "changes-TOTAL_FORMS": "0",
        "changes-INITIAL_FORMS": "0",
    }
    return client.post(url, form | changes)


def act(client, action, *registrations):
    return client.post(
        reverse(f"{REGISTRATIONS}_changelist"),
        {"action": action, "_selected_action": [r.pk for r in registrations]},
        follow=True,
    )


def place_of(registration):
    registration.refresh_from_db()
    return registration.place


def test_event_list_counts_registered_waiting_attended_and_places(office):
    event = make_registration_event(capacity=3, title_de="Fachtag")
    make_registration(event, attended=True)
    make_registration(event)
    make_registration(event, WAITING)
    make_registration(event, CANCELLED)
    html = office.get(reverse("admin:events_event_changelist")).content.decode()
    assert "2 / 1 / 1 / 3" in html


def test_office_gives_a_waiting_person_a_free_place_and_they_are_emailed(office):
    event = make_registration_event(capacity=2)
    make_registration(event)
    waiting = make_registration(event, WAITING, language="uk")
    act(office, "promote", waiting)
    assert place_of(waiting) == REGISTERED
    assert mail.outbox[-1].to == [waiting.email]
    assert "Для вас є місце" in mail.outbox[-1].subject


def test_office_cannot_give_a_place_beyond_the_places(office):
    event = make_registration_event(capacity=1)
    make_registration(event)
    waiting = make_registration(event, WAITING)
    response = act(office, "promote", waiting)
    assert place_of(waiting) == WAITING
    assert "no place is free: 1" in response.content.decode()


def test_office_moves_a_person_to_the_end_of_the_waiting_list(office):
    event = make_registration_event(capacity=2)
    registered = make_registration(event)
    first_in_line = make_registration(event, WAITING)
    act(office, "move_to_waiting_list", registered)
    registered.refresh_from_db()
    assert registered.place == WAITING
    assert registered.queued_at > first_in_line.queued_at


def test_office_cancelling_moves_the_waiting_list_up(office):
    event = make_registration_event(capacity=1)
    registered = make_registration(event)
    waiting = make_registration(event, WAITING)
    act(office, "cancel", registered)
    assert place_of(registered) == CANCELLED
    assert place_of(waiting) == REGISTERED


def test_more_places_move_the_waiting_list_up_at_once(office):
    event = make_registration_event(capacity=1)
    make_registration(event)
    waiting = make_registration(event, WAITING)
    response = save_event(
        office, event, capacity="2", starts_at_0="2030-05-01", starts_at_1="18:00"
    )
    assert response.status_code == 302
    assert place_of(waiting) == REGISTERED
    assert mail.outbox[-1].to == [waiting.email]


def test_attendance_is_marked_in_the_list(office):
    event = make_registration_event()
    registration = make_registration(event)
    url = reverse(f"{REGISTRATIONS}_changelist")
    office.post(
        url,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": registration.pk,
            "form-0-attended": "on",
            "form-0-status": "seen",
            "_save": "Save",
        },
    )
    registration.refresh_from_db()
    assert registration.attended


def test_registrations_export_with_their_answers(office):
    event = make_registration_event(title_de="Fachtag")
    make_registration(
        event, name="Amina Yusuf", answers=[{"question": "Kinderbetreuung?", "answer": "Ja"}]
    )
    text = export(office, REGISTRATIONS, CSV).getvalue().decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.split(",")[:3] == ["event", "occurrence_start", "name"]
    assert "Fachtag" in row
    assert "Amina Yusuf" in row
    assert "Kinderbetreuung?: Ja" in row


def test_registrations_export_to_xlsx(office):
    make_registration(make_registration_event(), name="Олена Коваль")
    sheet = load_workbook(io.BytesIO(export(office, REGISTRATIONS, XLSX).getvalue())).active
    assert "Олена Коваль" in [cell.value for cell in sheet[2]]


def test_registrations_cannot_be_imported(office):
    assert office.get(reverse(f"{REGISTRATIONS}_import")).status_code == 403


def test_email_to_registrants_goes_out_in_each_ones_language(office):
    event = make_registration_event()
    make_registration(event, language="ar", email="ar@example.org")
    make_registration(event, language="fr", email="fr@example.org")
    make_registration(event, WAITING, email="waiting@example.org")
    make_registration(event, CANCELLED, email="cancelled@example.org")
    office.post(
        reverse("admin:events_registrantmessage_add"),
        {
            "event": event.pk,
            "subject_de": "Raumänderung",
            "body_de": "Wir treffen uns in Raum 2.",
            "subject_ar": "تغيير القاعة",
            "body_ar": "نلتقي في القاعة 2.",
        },
    )
    assert mail.outbox == []
    message = RegistrantMessage.objects.get()
    office.post(
        reverse("admin:events_registrantmessage_changelist"),
        {"action": "send", "_selected_action": [message.pk]},
    )
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"ar@example.org", "fr@example.org"}
    assert sent["ar@example.org"].subject == "تغيير القاعة"
    assert "نلتقي في القاعة 2." in sent["ar@example.org"].body
    assert sent["fr@example.org"].subject == "Raumänderung"
    assert RegistrantMessage.objects.get().sent_count == 2


def test_reminders_go_out_the_day_before_once(settings):
    settings.SITE_URL = "https://www.miso-netzwerk.de"
    tomorrow = make_registration_event(starts_at=berlin(2026, 3, 11, 18))
    later = make_registration_event(starts_at=berlin(2026, 3, 12, 18))
    reminded = make_registration(tomorrow, language="es")
    make_registration(tomorrow, WAITING)
    make_registration(later)
    now = berlin(2026, 3, 10, 7)
    assert send_reminders(now) == 1
    assert send_reminders(now) == 0
    (reminder,) = mail.outbox
    assert reminder.to == [reminded.email]
    assert reminder.subject.startswith("Mañana:")
    assert "https://www.miso-netzwerk.de/es/events/registration/" in reminder.body


def test_personal_data_goes_after_the_set_days_and_the_counts_stay(settings):
    settings.REGISTRATION_DATA_DAYS = 30
    event = make_event(
        registration=Event.Registration.SITE,
        starts_at=berlin(2026, 1, 10, 10),
        ends_at=berlin(2026, 1, 12, 16),
    )
    registration = make_registration(
        event, attended=True, answers=[{"question": "q", "answer": "a"}]
    )
    assert forget_past_registrants(berlin(2026, 2, 11, 12)) == 0
    assert forget_past_registrants(berlin(2026, 2, 12, 17)) == 1
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.answers) == ("", "", [])
    assert registration.attended
    assert Registration.objects.filter(event=event, place=REGISTERED).count() == 1


def test_registrations_of_coming_events_keep_their_data(settings):
    make_registration(make_registration_event())
    assert forget_past_registrants(datetime.datetime.now(datetime.UTC)) == 0


def test_a_sent_email_is_not_sent_again(office):
    event = make_registration_event()
    make_registration(event)
    message = RegistrantMessage.objects.create(event=event, subject_de="Hinweis", body_de="Text")
    for _ in range(2):
        office.post(
            reverse("admin:events_registrantmessage_changelist"),
            {"action": "send", "_selected_action": [message.pk]},
        )
    assert len(mail.outbox) == 1
