"""Dates and times in each language's own form, and venue names per language, isolated."""

import re

import pytest
from django.utils import formats, translation
from django.utils.html import strip_tags

from events.models import Venue
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_district, make_organisation

from .factories import berlin, make_event, make_venue


def times_on(html):
    """The text of every <time> element."""
    return [strip_tags(text) for text in re.findall(r"<time [^>]*>(.*?)</time>", html)]


@pytest.fixture
def summer_evening(site_pages):
    return make_event(
        slug="sommerabend",
        starts_at=berlin(2030, 7, 1, 18),
        ends_at=berlin(2030, 7, 1, 20),
        venue=make_venue(),
    )


def test_an_arabic_event_date_has_no_latin_comma(client, summer_evening):
    html = client.get("/ar/events/sommerabend/").content.decode()
    shown = times_on(html)
    assert shown[0] == "1 يوليو، 2030، 6:00 م"
    assert shown[1] == "8:00 م"
    assert not any("," in text for text in shown)


def test_the_arabic_event_card_has_no_latin_comma_either(client, summer_evening):
    html = client.get("/ar/events/").content.decode()
    card = html.split('class="card event-card"')[1].split("</article>")[0]
    assert "1 يوليو، 2030، 6:00 م" in card
    assert "," not in strip_tags(card)


def test_a_multi_day_arabic_event_writes_both_ends_with_arabic_commas(client, site_pages):
    make_event(slug="tagung", starts_at=berlin(2030, 7, 1, 18), ends_at=berlin(2030, 7, 2, 13))
    shown = times_on(client.get("/ar/events/tagung/").content.decode())
    assert shown[:2] == ["1 يوليو، 2030، 6:00 م", "2 يوليو، 2030، 1:00 م"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "1. Juli 2030, 18:00"),
        ("en", "July 1, 2030, 6 p.m."),
        ("es", "1 de julio de 2030 a las 18:00"),
        ("ru", "1 июля 2030 г. 18:00"),
    ],
)
def test_other_languages_write_date_and_time_their_own_way(
    client, summer_evening, language, expected
):
    shown = times_on(client.get(f"/{language}/events/sommerabend/").content.decode())
    assert shown[0] == expected


@pytest.mark.parametrize("name", ["DATETIME_FORMAT", "SHORT_DATETIME_FORMAT", "DATE_FORMAT"])
def test_arabic_date_formats_use_no_latin_comma(name):
    with translation.override("ar"):
        written = formats.date_format(berlin(2030, 7, 1, 18), name)
    assert "," not in written
    assert "2030" in written


def test_arabic_short_dates_put_the_day_first(db):
    with translation.override("ar"):
        written = formats.date_format(berlin(2030, 7, 1, 18), "SHORT_DATETIME_FORMAT")
    assert written.startswith("01\u200f/07\u200f/2030")


@pytest.fixture
def office(site_pages):
    return make_venue(
        name_de="MiSO-Zentrale",
        name_en="MiSO office",
        name_ar="مكتب MiSO",
        street="Mengendamm 12",
        postcode="30177",
        district=make_district("Vahrenwald", name_ar="فارنفالد"),
    )


@pytest.mark.parametrize(
    ("language", "name"), [("de", "MiSO-Zentrale"), ("en", "MiSO office"), ("ar", "مكتب MiSO")]
)
def test_the_venue_is_named_in_the_visitors_language(client, office, language, name):
    make_event(slug="treffen", venue=office)
    detail = client.get(f"/{language}/events/treffen/").content.decode()
    assert f"<bdi>{name}</bdi>" in detail
    listing = client.get(f"/{language}/events/").content.decode()
    assert f"<bdi>{name}</bdi>" in listing


def test_an_untranslated_venue_name_is_shown_in_german_marked_as_german(client, office):
    make_event(slug="treffen", venue=office)
    html = client.get("/fr/events/treffen/").content.decode()
    assert '<bdi><span lang="de" dir="ltr">MiSO-Zentrale</span>' in html


def test_the_card_separates_venue_and_district_with_the_languages_comma(client, office):
    make_event(slug="treffen", venue=office)
    card = client.get("/ar/events/").content.decode().split('class="card event-card"')[1]
    assert "<bdi>مكتب MiSO</bdi>، فارنفالد" in card


def test_address_and_presenters_are_isolated_on_the_event_page(client, office):
    make_event(
        [make_organisation("kargah e.V.")],
        slug="treffen",
        venue=office,
        other_presenters="MiSO e. V.",
    )
    html = client.get("/ar/events/treffen/").content.decode()
    assert "<bdi>Mengendamm 12</bdi>" in html
    assert "<bdi>30177 Hannover</bdi>" in html
    assert "<bdi>kargah e.V.</bdi>" in html
    assert "<bdi>MiSO e. V.</bdi>" in html


def test_the_venue_name_is_isolated_in_search_results(client, office):
    make_event(slug="treffen", title_de="Netzwerktreffen", title_ar="لقاء الشبكة", venue=office)
    html = client.get("/ar/search/?q=لقاء").content.decode()
    assert "<bdi>مكتب MiSO</bdi>" in html


def test_the_german_venue_name_is_required_and_the_others_are_not(db):
    fields = {field.name: field for field in Venue._meta.get_fields()}
    assert not fields["name_de"].blank
    assert all(fields[f"name_{code}"].blank for code in LANGUAGE_CODES if code != "de")


def test_the_demo_venues_are_named_per_language_where_the_name_differs(demo):
    office = Venue.objects.get(name_de="MiSO-Zentrale")
    assert office.name_en == "MiSO office"
    assert office.name_ar == "مكتب MiSO"
    kargah = Venue.objects.get(name_de="kargah e. V.")
    assert {getattr(kargah, f"name_{code}") for code in LANGUAGE_CODES} == {"kargah e. V."}
