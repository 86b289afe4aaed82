"""The registration journey of issue 15, in Arabic: a place, the confirmation with its
calendar file, a full event, the waiting list, a cancellation by the emailed link, and
the promotion of the next person."""

import re

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from events.models import Registration, RegistrationQuestion
from events.registrations import registration_token
from tests.browser.test_layout import BOXES, FIND_OFFENDERS, WIDTHS
from tests.events.factories import make_question, make_registration, make_registration_event
from tests.languages import LANGUAGE_CODES

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def register(page, event, name, email):
    page.goto(f"/ar/events/{event.slug}/")
    page.get_by_label("اسمكم").fill(name)
    page.get_by_label("عنوان بريدكم الإلكتروني").fill(email)
    page.locator("#id_consent").check()
    page.locator("#registration button[type=submit]").click()
    page.wait_for_load_state()


def email_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_arabic_visitor_registers_cancels_and_the_waiting_list_moves_up(page):
    page.set_viewport_size(PHONE)
    event = make_registration_event(capacity=1, title_ar="لقاء الجيران")

    register(page, event, "أمينة يوسف", "amina@example.org")
    expect(page.locator("h1")).to_have_text("تسجيلكم")
    expect(page.locator("main")).to_contain_text("لديكم مكان.")
    (confirmation,) = email_to("amina@example.org")
    assert confirmation.subject == "تسجيلكم: لقاء الجيران"
    assert "شكرًا لتسجيلكم في «لقاء الجيران»" in confirmation.body
    filename, content, mimetype = confirmation.attachments[0]
    assert (filename, mimetype) == (f"{event.slug}.ics", "text/calendar")
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "لقاء الجيران"
    assert vevent.decoded("DTSTART") == event.starts_at.replace(microsecond=0)

    page.goto(f"/ar/events/{event.slug}/")
    expect(page.locator("#registration button[type=submit]")).to_have_text(
        "الانضمام إلى قائمة الانتظار"
    )
    register(page, event, "Олена Коваль", "olena@example.org")
    expect(page.locator("main")).to_contain_text("أنتم رقم 1 في قائمة الانتظار")
    (waiting,) = email_to("olena@example.org")
    assert waiting.subject == "قائمة الانتظار: لقاء الجيران"

    cancel_link = re.search(r"https?://\S+/ar/events/registration/\S+/", confirmation.body)
    page.goto(cancel_link.group())
    page.get_by_role("button", name="إلغاء تسجيلي").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("أُلغي هذا التسجيل.")

    promoted = Registration.objects.get(email="olena@example.org")
    assert promoted.place == Registration.Place.REGISTERED
    promotion = email_to("olena@example.org")[-1]
    assert promotion.subject == "مكان لكم: لقاء الجيران"
    assert promotion.attachments
    own_link = re.search(r"https?://\S+/ar/events/registration/\S+/", promotion.body).group()
    assert own_link != cancel_link.group()
    page.goto(own_link)
    expect(page.locator("main")).to_contain_text("لديكم مكان.")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_registration_form_and_its_errors_pass_axe(page, axe, language):
    event = make_registration_event(capacity=5)
    page.goto(f"/{language}/events/{event.slug}/")
    assert axe() == []
    page.locator("#registration button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe() == []


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_registration_form_and_page_fit_every_screen_width(page, language):
    event = make_registration_event(capacity=1)
    make_question(event)
    make_question(
        event,
        label="Verdolmetschung in",
        kind=RegistrationQuestion.Kind.CHOICE,
        choices_de="Nicht nötig\nArabisch\nUkrainisch",
    )
    make_registration(event)
    waiting = make_registration(event, Registration.Place.WAITING)
    offenders = {}
    for path in [
        f"/{language}/events/{event.slug}/",
        f"/{language}/events/registration/{registration_token(waiting)}/",
    ]:
        page.set_viewport_size({"width": WIDTHS[0], "height": PHONE["height"]})
        page.goto(path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": PHONE["height"]})
            if problems := page.evaluate(FIND_OFFENDERS, BOXES):
                offenders[(path, width)] = problems
    assert offenders == {}
