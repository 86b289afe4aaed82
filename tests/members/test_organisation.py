import pytest
from django.utils import translation
from django.utils.html import strip_tags

from tests.members.factories import (
    make_district,
    make_focus_area,
    make_language,
    make_many_organisations,
    make_meeting_point,
    make_organisation,
)


def test_organisation_page_shows_its_details(client, site_pages):
    organisation = make_organisation(
        "Initiative für Internationalen Kulturaustausch e.V.",
        short_name="IIK",
        district=make_district("Linden-Nord"),
        street="Zur Bettfedernfabrik 1",
        postcode="30451",
        phone="0511 440484",
        focus_areas=[make_focus_area("Kultur")],
        languages=[make_language("de", "Deutsch", "Deutsch")],
    )
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "<h1><bdi>Initiative für Internationalen Kulturaustausch e.V.</bdi></h1>" in html
    for detail in ["IIK", "Linden-Nord", "Zur Bettfedernfabrik 1", "30451 Hannover", "Kultur"]:
        assert detail in html
    assert 'href="tel:0511440484"' in html


def test_inactive_organisation_has_no_page(client, site_pages):
    organisation = make_organisation(is_active=False)
    assert client.get(organisation.get_absolute_url()).status_code == 404


def test_organisation_email_is_a_link_but_not_plain_text_in_the_source(client, site_pages):
    organisation = make_organisation(email="info@iik-hannover.de")
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "info@iik-hannover.de" not in html
    assert "&#109;&#97;&#105;&#108;&#116;&#111;&#58;" in html  # "mailto:" as references


def test_organisation_page_lists_the_meeting_points_it_hosts(client, site_pages):
    organisation = make_organisation()
    make_meeting_point("Treffpunkt Linden", host=organisation)
    assert "Treffpunkt Linden" in client.get(organisation.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("language", "description"),
    [("ar", "منظمة ثقافية في ليندن."), ("uk", "Культурна організація в Ліндені.")],
)
def test_translated_description_is_shown_in_the_visitors_language(
    client, site_pages, language, description
):
    organisation = make_organisation(
        description_de="<p>Ein Kulturverein in Linden.</p>",
        **{f"description_{language}": f"<p>{description}</p>"},
    )
    with translation.override(language):
        html = client.get(organisation.get_absolute_url()).content.decode()
    assert f"<p>{description}</p>" in html
    assert "Ein Kulturverein in Linden." not in html
    assert '<div lang="de"' not in html


@pytest.mark.parametrize("language", ["ar", "uk"])
def test_untranslated_description_falls_back_to_german_marked_as_german(
    client, site_pages, language
):
    organisation = make_organisation(description_de="<p>Ein Kulturverein in Linden.</p>")
    with translation.override(language):
        url = organisation.get_absolute_url()
        note = translation.gettext("Not yet translated; shown in German.")
    html = client.get(url).content.decode()
    assert f'<html lang="{language}"' in html
    assert '<div lang="de" dir="ltr"><p>Ein Kulturverein in Linden.</p></div>' in html
    assert note in html


@pytest.mark.parametrize("language", ["ar", "uk"])
def test_district_and_focus_area_names_fall_back_to_german_marked_as_german(
    client, site_pages, language
):
    organisation = make_organisation(
        district=make_district("Linden-Nord", name_ar="ليندن الشمالية"),
        focus_areas=[make_focus_area("Flüchtlingshilfe")],
    )
    with translation.override(language):
        url = organisation.get_absolute_url()
    html = client.get(url).content.decode()
    assert '<span lang="de" dir="ltr">Flüchtlingshilfe</span>' in html
    if language == "ar":
        assert ">ليندن الشمالية</a>" in html
    else:
        assert '<span lang="de" dir="ltr">Linden-Nord</span>' in html


def test_organisation_with_a_position_gets_a_map_with_one_place(client, site_pages):
    organisation = make_organisation(latitude="52.376800", longitude="9.714300")
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert 'data-map="map-points"' in html
    assert html.count('"lat":') == 1


@pytest.mark.parametrize("count", [10, 500])
def test_organisation_page_costs_the_same_queries_for_few_and_many_organisations(
    client, site_pages, django_assert_max_num_queries, count
):
    organisations = make_many_organisations(
        count, make_district(), make_focus_area(), make_language()
    )
    url = organisations[-1].get_absolute_url()
    # 7, and one each for the organisation's coming events and its posts.
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("language", "listed"), [("de", "Bildung, Kultur"), ("ar", "تعليم، ثقافة")]
)
def test_lists_of_names_use_the_languages_own_comma(client, site_pages, language, listed):
    organisation = make_organisation(
        focus_areas=[
            make_focus_area("Bildung", name_ar="تعليم"),
            make_focus_area("Kultur", name_ar="ثقافة"),
        ]
    )
    with translation.override(language):
        url = organisation.get_absolute_url()
    assert listed in strip_tags(client.get(url).content.decode())
