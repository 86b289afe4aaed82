"""Registering for an event on the site: the form, the places, the waiting list, the emails."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from events.models import Registration, RegistrationQuestion
from events.registrations import registration_pk, registration_token
from tests.members.factories import make_member

from .factories import (
    make_question,
    make_registration,
    make_registration_event,
    registration_form,
)

pytestmark = pytest.mark.django_db


def register(client, event, language="de", **form):
    return client.post(
        f"/{language}/events/{event.slug}/register/", registration_form(event, **form)
    )


def registration_of(email_address):
    return Registration.objects.get(email=email_address)


def registration_linked_from(text, prefix):
    """The registration whose own page ``text`` links to under ``prefix``.

    Tokens are signed with a timestamp, so one made again a second later differs from the
    link; the link must still open the same registration.
    """
    token = re.search(rf"{re.escape(prefix)}([^/\s]+)/", text)[1]
    return Registration.objects.get(pk=registration_pk(token))


def test_event_page_shows_the_form_with_consent_and_places_left(client):
    event = make_registration_event(capacity=5)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert 'name="email"' in html
    assert 'name="consent"' in html
    assert 'href="/en/privacy/"' in html
    assert "5 places left." in html


def test_registration_is_stored_with_the_visitors_language_and_answers(client):
    event = make_registration_event()
    question = make_question(event, label_en="Do you need childcare?")
    response = register(client, event, "en", **{f"question_{question.pk}": "yes"})
    registration = registration_of("amina@example.org")
    assert response.status_code == 302
    own_page = registration_linked_from(response["Location"], "/en/events/registration/")
    assert own_page == registration
    assert registration.place == Registration.Place.REGISTERED
    assert registration.language == "en"
    assert registration.answers == [{"question": "Brauchen Sie Kinderbetreuung?", "answer": "Ja"}]


def test_confirmation_is_in_the_registrants_language_with_a_calendar_file(client):
    event = make_registration_event(title_ru="Праздник соседей")
    register(client, event, "ru")
    confirmation = next(m for m in mail.outbox if m.to == ["amina@example.org"])
    assert "Праздник соседей" in confirmation.subject
    assert "Здравствуйте" in confirmation.body
    link_prefix = "http://testserver/ru/events/registration/"
    assert registration_linked_from(confirmation.body, link_prefix) == registration_of(
        "amina@example.org"
    )
    filename, content, mimetype = confirmation.attachments[0]
    assert mimetype == "text/calendar"
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Праздник соседей"


def test_office_is_told_of_each_registration(client, settings):
    event = make_registration_event()
    register(client, event)
    assert any(m.to == [settings.OFFICE_EMAIL] for m in mail.outbox)
    assert registration_of("amina@example.org").office_notified


def test_missing_consent_shows_a_translated_error_and_stores_nothing(client):
    event = make_registration_event()
    form = registration_form(event)
    del form["consent"]
    response = client.post(f"/ar/events/{event.slug}/register/", form)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html
    assert 'value="Amina Yusuf"' in html
    assert not Registration.objects.exists()


def test_required_question_must_be_answered(client):
    event = make_registration_event()
    make_question(event, required=True)
    register(client, event)
    assert not Registration.objects.exists()


def test_full_event_puts_the_next_person_on_the_waiting_list(client):
    event = make_registration_event(capacity=1)
    make_registration(event)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "Join the waiting list" in html
    response = register(client, event, "en")
    assert registration_of("amina@example.org").place == Registration.Place.WAITING
    page = client.get(response["Location"]).content.decode()
    assert "number 1 on the waiting list" in page
    assert "Waiting list" in mail.outbox[-1].subject


def test_cancelling_through_the_link_promotes_the_first_in_line(client):
    event = make_registration_event(capacity=1)
    first = make_registration(event)
    make_registration(event, Registration.Place.WAITING, email="second@example.org")
    make_registration(event, Registration.Place.WAITING, email="third@example.org")
    url = f"/fr/events/registration/{registration_token(first)}/"
    assert "Annuler mon inscription" in client.get(url).content.decode()
    client.post(url)
    first.refresh_from_db()
    assert first.place == Registration.Place.CANCELLED
    assert registration_of("second@example.org").place == Registration.Place.REGISTERED
    assert registration_of("third@example.org").place == Registration.Place.WAITING
    assert [m.to for m in mail.outbox] == [[first.email], ["second@example.org"]]


def test_a_forged_link_finds_nothing(client):
    event = make_registration_event()
    token = registration_token(make_registration(event))
    assert client.get(f"/de/events/registration/{token}x/").status_code == 404


def test_registration_page_is_never_cached(client):
    token = registration_token(make_registration(make_registration_event()))
    response = client.get(f"/de/events/registration/{token}/")
    assert "no-store" in response["Cache-Control"]


def test_members_only_registration_needs_a_member(client):
    event = make_registration_event(registration_members_only=True)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert 'name="email"' not in html
    register(client, event)
    assert not Registration.objects.exists()


def test_member_finds_name_and_address_filled_in_and_the_registration_linked(
    client, django_user_model
):
    member = make_member(django_user_model)
    member.first_name, member.last_name, member.email = "Amina", "Yusuf", "amina@example.org"
    member.save()
    client.force_login(member)
    event = make_registration_event(registration_members_only=True)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert 'value="Amina Yusuf"' in html
    assert 'value="amina@example.org"' in html
    register(client, event)
    assert registration_of("amina@example.org").account == member


def test_no_registration_after_the_deadline(client):
    event = make_registration_event(
        registration_deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "Registration for this date is closed." in html
    register(client, event)
    assert not Registration.objects.exists()


def test_a_date_the_event_does_not_have_is_refused(client):
    event = make_registration_event()
    form = registration_form(event)
    form["occurrence"] = (event.starts_at + datetime.timedelta(days=7)).isoformat()
    response = client.post(f"/en/events/{event.slug}/register/", form)
    assert "This date is not one of the event&#x27;s dates." in response.content.decode()
    assert not Registration.objects.exists()


def test_a_choice_is_stored_in_german_whatever_the_visitors_language(client):
    event = make_registration_event()
    question = make_question(
        event,
        label="Verdolmetschung in",
        label_uk="Переклад на",
        kind=RegistrationQuestion.Kind.CHOICE,
        choices_de="Nicht nötig\nArabisch\nUkrainisch",
        choices_uk="Не потрібен\nарабську\nукраїнську",
    )
    html = client.get(f"/uk/events/{event.slug}/").content.decode()
    assert "українську" in html
    register(client, event, "uk", **{f"question_{question.pk}": "2"})
    answers = registration_of("amina@example.org").answers
    assert answers == [{"question": "Verdolmetschung in", "answer": "Ukrainisch"}]


def test_a_bot_filling_the_hidden_field_registers_nobody(client):
    event = make_registration_event()
    register(client, event, website="http://spam.example")
    assert not Registration.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "closed",
    [{"is_cancelled": True}, {"starts_at": timezone.now() - datetime.timedelta(hours=1)}],
    ids=["cancelled", "begun"],
)
def test_no_registration_for_a_cancelled_or_begun_event(client, closed):
    event = make_registration_event(**closed)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert 'name="consent"' not in html
    register(client, event)
    assert not Registration.objects.exists()


def test_registration_holds_the_persons_data_for_their_download_until_anonymised():
    registration = make_registration(make_registration_event(), name="Amina Yusuf")
    assert registration.personal_data()["name"] == "Amina Yusuf"
    registration.anonymise()
    registration.save()
    registration.refresh_from_db()
    assert (registration.name, registration.email) == ("", "")
    assert registration.forgotten_at is not None
