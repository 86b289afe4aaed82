import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from pages.models import Association, OpeningHours
from tests.events.factories import make_event, make_events, make_venue
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_district, make_member
from tests.news.factories import make_many_posts, make_post
from tests.pages.factories import make_principle
from tests.people.factories import make_board_membership, make_person
from tests.public_pages import public_routes

# Read from the URLs, not from the page keys: a page added to pages/urls.py is checked too.
PAGES_ROUTES = sorted(name for name in public_routes() if name.startswith("pages:"))


@pytest.mark.parametrize("route", PAGES_ROUTES)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_page_answers_on_a_fresh_site(client, site_pages, route, language):
    with translation.override(language):
        url = reverse(route)
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_fixed_page_is_shown_at_its_own_address(client, site_pages, language):
    _association, pages = site_pages
    for key, page in pages.items():
        with translation.override(language):
            url = page.get_absolute_url()
        assert url.startswith(f"/{language}/"), key
        title = getattr(page, f"title_{language}")
        assert escape(title) in client.get(url).content.decode(), key


def test_page_text_is_edited_in_the_database(client, site_pages):
    _association, pages = site_pages
    pages["privacy"].body_de = "<p>Wir setzen keine Tracking-Werkzeuge ein.</p>"
    pages["privacy"].save()
    assert "Wir setzen keine Tracking-Werkzeuge ein." in client.get("/de/privacy/").content.decode()


def test_principles_page_shows_them_in_the_pages_language(client, site_pages):
    make_principle(
        languages=["es"],
        text_de="MiSO arbeitet transparent.",
        text_es="MiSO funciona de forma transparente.",
    )
    html = client.get("/es/principles/").content.decode()
    assert "MiSO funciona de forma transparente." in html
    assert "MiSO arbeitet transparent." not in html


def test_all_languages_page_marks_each_block_with_its_language_and_direction(client, site_pages):
    make_principle()
    html = client.get("/de/principles/all-languages/").content.decode()
    for code in LANGUAGE_CODES:
        direction = "rtl" if code == "ar" else "ltr"
        assert f'<section lang="{code}" dir="{direction}"' in html
        # Each block is headed in its own language, whatever the page's language.
        with translation.override(code):
            heading = escape(translation.gettext("Our principles"))
        assert f'<h2 id="principles-{code}">{heading} <small>' in html, code


def test_imprint_shows_the_legally_required_details(client, site_pages):
    association, _pages = site_pages
    association.register_number = "VR 123456"
    association.save()
    html = client.get("/de/imprint/").content.decode()
    for detail in [
        "MiSO-Netzwerk Hannover e.V.",
        "Mengendamm 12",
        "30177 Hannover",
        "Amtsgericht Hannover",
        "VR 123456",
        "info@miso-netzwerk.de",
    ]:
        assert detail in html


def test_home_page_counts_member_organisations(client, site_pages):
    html = client.get("/en/").content.decode()
    assert "member organisation" in html


def test_footer_shows_address_and_opening_hours_on_every_page(client, site_pages):
    html = client.get("/de/about/").content.decode()
    footer = html.split('class="site-footer"')[1]
    assert "Mengendamm 12" in footer
    assert "Montag" in footer and "Donnerstag" in footer
    assert "und nach Vereinbarung" in footer


@pytest.mark.parametrize(
    ("language", "days"),
    [("en", ["Monday – Thursday", "Friday"]), ("de", ["Montag – Donnerstag", "Freitag"])],
)
def test_opening_hours_name_a_range_of_days_or_a_single_day(client, site_pages, language, days):
    OpeningHours.objects.create(
        association=Association.objects.get(),
        first_day=OpeningHours.Weekday.FRIDAY,
        last_day=OpeningHours.Weekday.FRIDAY,
        opens=datetime.time(10),
        closes=datetime.time(14),
    )
    footer = client.get(f"/{language}/about/").content.decode().split('class="site-footer"')[1]
    for day in days:
        assert f"<dt>{day}</dt>" in footer


def test_email_addresses_are_not_in_the_source_as_plain_text(client, site_pages):
    html = client.get("/de/contact/").content.decode()
    footer = html.split('class="site-footer"')[1]
    assert "info@miso-netzwerk.de" not in footer
    assert "&#109;&#97;&#105;&#108;&#116;&#111;&#58;" in footer  # "mailto:" as references


def test_imprint_names_the_current_board_as_representatives(client, site_pages):
    make_board_membership(person=make_person(first_name="Nadia", last_name="Kurtul"))
    make_board_membership(
        person=make_person(first_name="Abayomi", last_name="Bankole"), years_ago=4
    )
    html = client.get("/de/imprint/").content.decode()
    assert "Nadia Kurtul" in html
    assert "Abayomi Bankole" not in html


def test_home_page_shows_the_latest_news(client, site_pages):
    make_post(title_de="Neueste Meldung")
    html = client.get("/de/").content.decode()
    assert "Neueste Meldung" in html


def test_home_page_shows_the_next_events_but_not_members_only_ones(client, site_pages):
    make_event(title_de="Offenes Plenum")
    make_event(title_de="Internes Treffen", members_only=True)
    html = client.get("/de/").content.decode()
    assert "Offenes Plenum" in html
    assert "Internes Treffen" not in html


def test_home_page_shows_members_only_events_to_members(client, django_user_model, site_pages):
    make_event(title_en="Members' meeting", members_only=True)
    client.force_login(make_member(django_user_model))
    html = client.get("/en/").content.decode()
    assert "Members&#x27; meeting" in html
    assert "Members only" in html


def event_cards(html):
    return re.findall(r'<article class="card event-card">.*?</article>', html, re.DOTALL)


def test_home_page_event_cards_are_those_of_the_events_page(client, site_pages):
    venue = make_venue(district=make_district())
    make_event(title_en="Open plenary", venue=venue)
    make_event(title_en="Summer festival", venue=venue, is_free=False, price_de="5 Euro")
    make_event(title_en="Reading", is_cancelled=True, all_day=True)
    home_cards = event_cards(client.get("/en/").content.decode())
    assert len(home_cards) == 3
    assert home_cards == event_cards(client.get("/en/events/").content.decode())


@pytest.mark.parametrize("amount", [10, 300])
def test_home_page_costs_the_same_queries_however_much_content_exists(
    client, site_pages, django_assert_max_num_queries, amount
):
    make_many_posts(amount)
    make_events(amount, venue=make_venue(district=make_district()))
    # Two of them are the finder's districts and languages; the events and the posts are
    # each read as keys, then as the cards not yet shared.
    with django_assert_max_num_queries(10):
        assert client.get("/ar/").status_code == 200
