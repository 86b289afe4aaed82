import datetime

import pytest
from django.utils import timezone, translation

from tests.backoffice.factories import make_staff
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_district, make_organisation

from .factories import berlin, make_event, make_venue

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def days_from_now(days, hour=18):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_upcoming_page_shows_event_titles_in_the_pages_language(client, language):
    make_event(
        **{f"title_{code}": f"Plenum ({code})" for code in LANGUAGE_CODES},
        starts_at=days_from_now(3),
    )
    html = page(client, f"/{language}/events/")
    assert f"Plenum ({language})" in html


def test_upcoming_page_leaves_out_past_events(client):
    make_event(title_de="Neujahrsempfang", starts_at=days_from_now(-30))
    make_event(title_de="Mitgliederversammlung", starts_at=days_from_now(10))
    html = page(client, "/de/events/")
    assert "Mitgliederversammlung" in html
    assert "Neujahrsempfang" not in html


def test_cancelled_event_stays_listed_and_says_so_in_words(client):
    make_event(title_en="Quiz battle", starts_at=days_from_now(5), is_cancelled=True)
    html = page(client, "/en/events/")
    assert "Quiz battle" in html
    assert ">Cancelled</span>" in html


def test_upcoming_page_offers_the_calendar_subscription(client):
    html = page(client, "/en/events/")
    assert 'href="webcal://testserver/en/events/feed.ics"' in html
    assert "Subscribe to the calendar" in html


def test_upcoming_list_is_split_into_pages(client):
    for day in range(1, 26):
        make_event(starts_at=days_from_now(day))
    first = page(client, "/en/events/")
    second = page(client, "/en/events/?page=2")
    assert first.count('class="card event-card') == 20
    assert second.count('class="card event-card') == 5


def test_past_events_page_lists_the_years_events_newest_first(client):
    make_event(title_de="Neujahrsempfang", starts_at=berlin(2019, 1, 19, 15))
    make_event(title_de="Mai-Fest", starts_at=berlin(2019, 5, 1, 14))
    make_event(title_de="Migrationskonferenz", starts_at=berlin(2017, 11, 24, 10))
    html = page(client, "/de/events/past/2019/")
    assert html.index("Mai-Fest") < html.index("Neujahrsempfang")
    assert "Migrationskonferenz" not in html


def test_past_events_page_links_the_other_years(client):
    make_event(starts_at=berlin(2019, 1, 19, 15))
    make_event(starts_at=berlin(2017, 11, 24, 10))
    html = page(client, "/de/events/past/2019/")
    assert 'href="/de/events/past/2017/"' in html
    assert 'href="/de/events/past/2019/" aria-current="page"' in html


def test_past_events_start_at_the_most_recent_year(client):
    make_event(starts_at=berlin(2017, 11, 24, 10))
    make_event(starts_at=berlin(2019, 5, 1, 14))
    response = client.get("/de/events/past/")
    assert response["Location"] == "/de/events/past/2019/"


def test_a_year_without_events_is_not_found(client):
    make_event(starts_at=berlin(2019, 5, 1, 14))
    assert client.get("/de/events/past/1987/").status_code == 404


def test_event_page_shows_what_a_visitor_needs_to_come(client):
    venue = make_venue(district=make_district(), room_de="Großer Saal")
    faust = make_organisation(name="FAUST e. V.")
    event = make_event(
        title_de="Hirnschmalz-Battle",
        starts_at=berlin(2027, 2, 25, 20),
        venue=venue,
        organisations=[faust],
        other_presenters="MiSO e. V.",
        registration="email",
        registration_email="dernachbarincafe@kulturzentrum-faust.de",
        registration_deadline=datetime.date(2027, 2, 20),
    )
    html = page(client, f"/de/events/{event.slug}/")
    for text in [
        "Hirnschmalz-Battle",
        "25. Februar 2027",
        "20:00",
        "Kulturzentrum Faust",
        "Großer Saal",
        "Zur Bettfedernfabrik 3",
        "30451 Hannover",
        "Linden-Nord",
        "Ebenerdiger Eingang",
        "FAUST e. V.",
        "MiSO e. V.",
        "20. Februar 2027",
    ]:
        assert text in html, text
    assert "dernachbarincafe@kulturzentrum-faust.de" not in html
    with translation.override("de"):
        assert f'href="{faust.get_absolute_url()}"' in html


def test_event_page_says_when_entry_is_free(client):
    event = make_event(is_free=True)
    assert "Free entry" in page(client, f"/en/events/{event.slug}/")


def test_event_page_shows_the_price_when_entry_is_not_free(client):
    event = make_event(is_free=False, price_de="5 €, ermäßigt 3 €", price_en="€5, reduced €3")
    assert "€5, reduced €3" in page(client, f"/en/events/{event.slug}/")


def test_event_page_links_its_ics_file(client):
    event = make_event()
    assert f'href="/de/events/{event.slug}.ics"' in page(client, f"/de/events/{event.slug}/")


def test_event_page_of_a_draft_is_not_found(client):
    event = make_event(is_published=False)
    assert client.get(f"/de/events/{event.slug}/").status_code == 404


def test_cancelled_event_page_says_it_is_cancelled(client):
    event = make_event(is_cancelled=True)
    html = page(client, f"/en/events/{event.slug}/")
    assert "This event has been cancelled." in html


def test_main_menu_links_the_upcoming_events(client):
    html = page(client, "/en/events/")
    menu = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert '<a href="/en/events/" aria-current="page">' in menu


def test_sitemap_lists_each_event_with_its_translations(client):
    event = make_event(slug="mai-fest")
    sitemap = client.get("/sitemap-events.xml").content.decode()
    assert "<loc>http://testserver/de/events/</loc>" in sitemap
    for code in LANGUAGE_CODES:
        assert f'hreflang="{code}" href="http://testserver/{code}/events/{event.slug}/"' in sitemap


def test_staff_who_edit_events_preview_a_draft(client):
    client.force_login(make_staff(permissions=["events.change_event"]))
    event = make_event(is_published=False)
    response = client.get(f"/de/events/{event.slug}/")
    assert response.status_code == 200
    assert 'class="preview-banner"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
