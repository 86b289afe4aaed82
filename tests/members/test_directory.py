import re

import pytest
from django.core.management import call_command

from tests.members.factories import (
    make_district,
    make_focus_area,
    make_language,
    make_many_organisations,
    make_organisation,
)


def names_on(response):
    html = response.content.decode()
    return re.findall(
        r'<h2><a href="/[a-z]+/members/organisations/[^"]+/"><bdi>([^<]+)</bdi></a></h2>', html
    )


@pytest.fixture
def linden(db):
    return make_district("Linden")


def test_directory_lists_active_organisations_only(client, site_pages):
    make_organisation("Griechische Gemeinde")
    make_organisation("Aufgelöster Verein", is_active=False)
    assert names_on(client.get("/de/members/")) == ["Griechische Gemeinde"]


def test_filter_by_district(client, site_pages, linden):
    make_organisation("AK Bangladesch", district=linden)
    make_organisation("Tolstoi e.V.")
    assert names_on(client.get("/de/members/?district=linden")) == ["AK Bangladesch"]


def test_filter_by_district_includes_its_parts(client, site_pages, linden):
    linden_nord = make_district("Linden-Nord", part_of=linden)
    make_organisation("kargah e.V.", district=linden_nord)
    make_organisation("Günes", district=linden)
    make_organisation("Tolstoi e.V.")
    assert names_on(client.get("/de/members/?district=linden")) == ["Günes", "kargah e.V."]
    assert names_on(client.get("/de/members/?district=linden-nord")) == ["kargah e.V."]


def test_filter_by_language(client, site_pages):
    greek = make_language("el", "Griechisch", "Ελληνικά")
    make_organisation("Griechische Gemeinde", languages=[greek])
    make_organisation("Vietnamzentrum")
    assert names_on(client.get("/de/members/?language=el")) == ["Griechische Gemeinde"]


def test_filter_by_focus_area(client, site_pages):
    media = make_focus_area("Medien")
    make_organisation("radio flora", focus_areas=[media])
    make_organisation("Kurdenkomitee")
    assert names_on(client.get("/de/members/?focus=medien")) == ["radio flora"]


def test_filters_combine(client, site_pages, linden):
    greek = make_language("el", "Griechisch", "Ελληνικά")
    make_organisation("Griechische Gemeinde", district=linden, languages=[greek])
    make_organisation("Griechischer Kulturverein", languages=[greek])
    make_organisation("Günes", district=linden)
    assert names_on(client.get("/de/members/?district=linden&language=el")) == [
        "Griechische Gemeinde"
    ]


def test_card_shows_district_languages_and_focus_areas(client, site_pages, linden):
    make_organisation(
        "Griechische Gemeinde",
        district=linden,
        languages=[
            make_language("el", "Griechisch", "Ελληνικά"),
            make_language("de", "Deutsch", "Deutsch"),
        ],
        focus_areas=[make_focus_area("Kultur"), make_focus_area("Bildung")],
    )
    html = client.get("/de/members/").content.decode()
    assert "<dd>Linden</dd>" in html
    # Languages in the order of their codes, focus areas in the order of their slugs.
    assert '<dd>Deutsch, Griechisch (<span lang="el">Ελληνικά</span>)\n</dd>' in html
    assert "<dd>Bildung, Kultur</dd>" in html


def test_search_finds_name_and_short_name(client, site_pages):
    make_organisation("Initiative für Internationalen Kulturaustausch", short_name="IIK")
    make_organisation("Faust e.V.")
    assert names_on(client.get("/de/members/?q=iik")) == [
        "Initiative für Internationalen Kulturaustausch"
    ]
    assert names_on(client.get("/de/members/?q=kulturaus")) == [
        "Initiative für Internationalen Kulturaustausch"
    ]


def test_search_reads_the_description_in_the_visitors_language(client, site_pages):
    make_organisation(
        "Ukrainischer Verein",
        description_de="<p>Konzerte und Begegnungen.</p>",
        description_uk="<p>Концерти та зустрічі.</p>",
    )
    make_organisation("Tolstoi e.V.")
    assert names_on(client.get("/uk/members/?q=зустрічі")) == ["Ukrainischer Verein"]
    assert names_on(client.get("/de/members/?q=зустрічі")) == []


def test_search_reads_the_german_description_where_no_translation_exists(client, site_pages):
    make_organisation("Radio Flora", description_de="<p>Freies Radio aus Linden.</p>")
    assert names_on(client.get("/ar/members/?q=freies")) == ["Radio Flora"]


def test_unknown_filter_value_is_ignored_and_explained(client, site_pages):
    make_organisation("Faust e.V.")
    response = client.get("/en/members/?district=atlantis")
    assert response.status_code == 200
    assert names_on(response) == ["Faust e.V."]
    assert "Select a valid choice" in response.content.decode()


def test_no_match_says_so(client, site_pages):
    html = client.get("/en/members/?q=nothing-like-this").content.decode()
    assert "No organisation matches these filters." in html


def test_filter_options_are_named_in_the_visitors_language(client, site_pages):
    make_language("el", "Griechisch", "Ελληνικά", name_fr="grec")
    make_focus_area("Bildung", name_fr="Éducation")
    html = client.get("/fr/members/").content.decode()
    assert '<option value="el">grec (Ελληνικά)</option>' in html
    assert ">Éducation</option>" in html


def test_directory_is_paginated_and_pages_keep_the_filters(client, site_pages, linden):
    make_many_organisations(30, linden, make_focus_area(), make_language())
    first = client.get("/de/members/?district=linden")
    assert len(names_on(first)) == 24
    assert "?district=linden&amp;page=2" in first.content.decode()
    second = client.get("/de/members/?district=linden&page=2")
    assert len(names_on(second)) == 6


@pytest.mark.parametrize("count", [10, 500])
def test_directory_costs_the_same_queries_for_few_and_many_organisations(
    client, site_pages, linden, django_assert_max_num_queries, count
):
    make_many_organisations(count, linden, make_focus_area(), make_language())
    call_command("rebuild_search_index")  # bulk_create bypasses the search index's signals
    # The page's organisations are read as keys, then as the cards not yet shared.
    with django_assert_max_num_queries(13):
        response = client.get("/de/members/?language=el&focus=bildung&q=verein")
    assert len(names_on(response)) == min(count, 24)


def test_map_is_hidden_until_the_script_offers_it(client, site_pages):
    make_organisation("kargah e.V.", latitude="52.376800", longitude="9.714300")
    html = client.get("/de/members/").content.decode()
    assert '<section class="map" aria-labelledby="map-heading" hidden' in html
    assert '<button type="button" class="map-consent-button">' in html
    assert '"lat": 52.3768' in html and '"lng": 9.7143' in html


def test_nothing_is_loaded_from_another_host_before_consent(client, site_pages):
    make_organisation("kargah e.V.", latitude="52.376800", longitude="9.714300")
    html = client.get("/de/members/").content.decode()
    sources = re.findall(r'<(?:script|img|link|iframe)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources
    assert not [s for s in sources if s.startswith(("http", "//")) and "testserver" not in s]
    assert "tile.openstreetmap.org" not in html
    # Leaflet itself comes from this site, and only after the click.
    assert not [s for s in re.findall(r'<script[^>]*src="([^"]+)"', html) if "leaflet" in s]


def test_organisations_without_position_stay_off_the_map(client, site_pages):
    make_organisation("Tolstoi e.V.")
    html = client.get("/de/members/").content.decode()
    assert 'data-map="map-points"' not in html
    assert "Tolstoi e.V." in html
