"""JSON-LD is data the browser never runs: the strict Content-Security-Policy raises no
error for it, and the browser reads it as JSON."""

import pytest

from events.models import Event

pytestmark = pytest.mark.browser


def structured_data(page):
    return page.evaluate(
        "Array.from(document.querySelectorAll('script[type=\"application/ld+json\"]'))"
        ".map(element => JSON.parse(element.textContent))"
    )


def test_an_event_page_with_json_ld_raises_no_csp_error(page, visit):
    event = Event.objects.exclude(venue=None).filter(all_day=False).order_by("pk").first()
    page.goto(f"/ar{event.get_absolute_url()[3:]}")
    (data,) = structured_data(page)
    assert data["@type"] == "Event"
    assert data["startDate"].endswith(("+01:00", "+02:00"))
    # The page fixture fails the test on any console error, CSP violations included.
    assert visit.console_errors == []


@pytest.mark.parametrize("path", ["/de/contact/", "/ru/news/zehn-jahre-miso/"])
def test_contact_and_post_pages_with_json_ld_raise_no_csp_error(page, visit, path):
    page.goto(path)
    assert len(structured_data(page)) == 1
    assert visit.console_errors == []
