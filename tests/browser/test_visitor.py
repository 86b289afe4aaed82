"""What visitors do: switch language, write to the office, subscribe to events, report a barrier."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from playwright.sync_api import expect

from events.models import Event
from pages.models import ContactMessage

pytestmark = pytest.mark.browser


def translated(language, message):
    with translation.override(language):
        return translation.gettext(message)


def test_visitor_switches_a_news_post_from_german_to_arabic(page):
    page.goto("/de/news/")
    page.locator("main article h2 a, main article h3 a").first.click()
    german_post = page.url
    slug = re.search(r"/de/news/([^/]+)/$", german_post).group(1)
    page.locator('.language-switcher a[hreflang="ar"]').click()
    expect(page).to_have_url(re.compile(rf"/ar/news/{slug}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main h1")).to_be_visible()


def test_visitor_sends_the_contact_form_and_sees_the_thank_you_page(page):
    page.goto("/fr/contact/")
    page.fill("#id_name", "Marie Curie")
    page.fill("#id_email", "marie@example.org")
    page.fill("#id_subject", "Adhésion")
    page.fill("#id_message", "Notre association voudrait rejoindre le réseau.")
    page.locator("main form button[type=submit]").click()
    # The form is sent to #error-summary; a redirect keeps the fragment.
    expect(page).to_have_url(re.compile(r"/fr/contact/thanks/(#error-summary)?$"))
    expect(page.locator("h1")).to_have_text(translated("fr", "Thank you for your message"))
    message = ContactMessage.objects.get(subject="Adhésion")
    assert (message.name, message.language) == ("Marie Curie", "fr")


def test_contact_form_with_mistakes_shows_them_next_to_the_fields(page):
    page.goto("/ar/contact/")
    page.fill("#id_email", "no-address")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .errorlist").first).to_be_visible()
    expect(page.locator("#id_email")).to_have_value("no-address")
    assert not ContactMessage.objects.exists()


def test_visitor_subscribes_to_the_events_calendar(page):
    page.goto("/de/events/")
    subscribe = page.locator('main a[href^="webcal:"]')
    expect(subscribe).to_be_visible()
    feed = "http:" + subscribe.get_attribute("href").removeprefix("webcal:")
    response = page.request.get(feed)
    assert response.ok
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = response.text()
    assert calendar.startswith("BEGIN:VCALENDAR")
    upcoming = Event.objects.visible_to(AnonymousUser()).upcoming().first()
    assert upcoming.title_de in calendar.replace("\r\n ", "")


def test_visitor_reports_a_barrier_from_the_footer_of_any_page(page):
    page.goto("/uk/news/")
    page.locator(".site-footer a[href*='/accessibility/?page=']").click()
    expect(page).to_have_url(re.compile(r"/uk/accessibility/\?page=.+#report$"))
    expect(page.locator("#id_page_url")).to_have_value("/uk/news/")
    page.fill("#id_name", "Олена")
    page.fill("#id_email", "olena@example.org")
    page.fill("#id_message", "Кнопку пошуку важко знайти.")
    page.locator("#report button[type=submit]").click()
    # The form is sent to #error-summary; a redirect keeps the fragment.
    expect(page).to_have_url(re.compile(r"/uk/accessibility/thanks/(#error-summary)?$"))
    report = ContactMessage.objects.get(kind=ContactMessage.Kind.BARRIER)
    assert (report.page_url, report.language) == ("/uk/news/", "uk")


def test_visitor_finds_the_easy_to_read_page_in_the_footer(page):
    page.goto("/de/events/")
    page.locator(".site-footer a[href='/de/easy-read/']").click()
    expect(page.locator("h1")).to_have_text("MiSO in Leichter Sprache")
