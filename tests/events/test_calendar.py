import re

import pytest
from django.utils import timezone

from .factories import berlin, make_event

pytestmark = pytest.mark.django_db


def calendar_html(client, language="de", year=2026, month=12):
    response = client.get(f"/{language}/events/calendar/{year}/{month}/")
    assert response.status_code == 200
    return response.content.decode()


def cell_of(html, day):
    """The table cell whose hidden full date starts with ``day``."""
    cells = re.findall(r"<td[^>]*>.*?</td>", html, flags=re.DOTALL)
    return next(
        cell
        for cell in cells
        if f'<span class="day-number" aria-hidden="true">{day}<' in cell
        and "other-month" not in cell
    )


@pytest.mark.parametrize(
    ("language", "caption"),
    [("de", "Dezember 2026"), ("en", "December 2026"), ("ru", "Декабрь 2026 г.")],
)
def test_calendar_caption_names_month_and_year_in_the_pages_language(client, language, caption):
    html = calendar_html(client, language)
    assert f'<caption id="calendar-caption">{caption}</caption>' in html


@pytest.mark.parametrize(
    ("language", "first", "last"),
    [("de", "Montag", "Sonntag"), ("en", "Monday", "Sunday"), ("uk", "Понеділок", "Неділя")],
)
def test_calendar_weeks_start_on_monday_with_named_column_headers(client, language, first, last):
    html = calendar_html(client, language)
    headers = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert len(headers) == 7
    assert (headers[0], headers[-1]) == (first, last)


def test_calendar_lists_each_event_as_a_link_on_its_day(client):
    event = make_event(title_de="Vorstandssitzung", starts_at=berlin(2026, 12, 3, 18, 30))
    cell = cell_of(calendar_html(client), 3)
    assert f'href="/de/events/{event.slug}/"' in cell
    assert "18:30" in cell and "Vorstandssitzung" in cell


def test_multi_day_event_appears_on_each_of_its_days(client):
    make_event(
        title_de="Wochenende in Loccum",
        starts_at=berlin(2026, 12, 11),
        ends_at=berlin(2026, 12, 13),
        all_day=True,
    )
    html = calendar_html(client)
    assert all("Wochenende in Loccum" in cell_of(html, day) for day in (11, 12, 13))
    assert "Wochenende in Loccum" not in cell_of(html, 14)


def test_cancelled_event_is_marked_in_words_in_the_calendar(client):
    make_event(title_en="Quiz", starts_at=berlin(2026, 12, 3, 20), is_cancelled=True)
    assert "Cancelled" in cell_of(calendar_html(client, "en"), 3)


def test_today_is_marked_as_the_current_date(client):
    today = timezone.localdate()
    html = calendar_html(client, year=today.year, month=today.month)
    assert html.count('aria-current="date"') == 1
    assert 'aria-current="date"' in cell_of(html, today.day)


def test_calendar_links_the_previous_and_next_month(client):
    html = calendar_html(client, "en", 2026, 1)
    assert 'href="/en/events/calendar/2025/12/" rel="prev"' in html
    assert 'href="/en/events/calendar/2026/2/" rel="next"' in html


def test_calendar_without_month_shows_this_month(client):
    today = timezone.localdate()
    response = client.get("/de/events/calendar/")
    assert response["Location"] == f"/de/events/calendar/{today.year}/{today.month}/"


@pytest.mark.parametrize("path", ["2026/13", "2026/0", "0/5", "9999/12"])
def test_a_month_that_does_not_exist_is_not_found(client, path):
    assert client.get(f"/de/events/calendar/{path}/").status_code == 404


def test_event_just_after_midnight_is_on_its_berlin_day(client):
    # 00:30 in Berlin on 1 December is still 30 November in UTC.
    make_event(title_de="Lange Nacht", starts_at=berlin(2026, 12, 1, 0, 30))
    html = calendar_html(client)
    assert "Lange Nacht" in cell_of(html, 1)
    assert "Lange Nacht" not in html.split("<tbody>")[1].split("</td>")[0]


def test_days_of_neighbouring_months_are_shown_but_marked(client):
    html = calendar_html(client, year=2026, month=12)
    # December 2026 starts on a Tuesday: Monday 30 November fills the first cell.
    first_cell = re.search(r"<td[^>]*>", html).group(0)
    assert "other-month" in first_cell
