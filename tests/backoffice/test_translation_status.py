"""Lists show which languages are missing; a filter and an overview page find them."""

import pytest
from django.contrib import admin
from django.urls import reverse

from backoffice.translation_status import missing_languages, text_fields
from pages.models import Page
from tests.languages import LANGUAGE_CODES
from tests.pages.factories import make_page, make_principle

from .factories import make_staff

pytestmark = pytest.mark.django_db


def test_an_object_translated_everywhere_misses_nothing():
    assert missing_languages(make_principle()) == []


def test_an_object_misses_the_languages_it_lacks():
    principle = make_principle(languages=["de", "en", "fr", "es", "ru", "uk"])
    assert missing_languages(principle) == ["ar"]


def test_a_field_without_german_text_needs_no_translation():
    page = make_page("about", lead_de="", lead_en="An English lead only")
    page_fields = {f"title_{code}": "Title" for code in LANGUAGE_CODES}
    Page.objects.filter(pk=page.pk).update(**page_fields, body_de="")
    page.refresh_from_db()
    assert missing_languages(page) == []


def test_the_list_shows_the_missing_languages_per_object(client):
    make_principle(text="Solidarity", languages=["de", "en"])
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:pages_principle_changelist")).content.decode()
    for code in ["FR", "ES", "RU", "UK", "AR"]:
        assert f">{code}</abbr>" in html
    assert ">EN</abbr>" not in html


def test_the_list_marks_a_complete_object(client):
    make_principle()
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:pages_principle_changelist")).content.decode()
    assert 'class="translations-complete"' in html


@pytest.mark.parametrize("count", [1, 40])
def test_the_missing_column_costs_no_query_per_row(client, django_assert_max_num_queries, count):
    for _ in range(count):
        make_principle(languages=["de", "en"])
    client.force_login(make_staff(superuser=True))
    with django_assert_max_num_queries(15):
        client.get(reverse("admin:pages_principle_changelist"))


@pytest.mark.parametrize("language", LANGUAGE_CODES[1:])
def test_the_filter_finds_objects_missing_in_a_language(client, language):
    complete = make_principle(text="Complete")
    others = [code for code in LANGUAGE_CODES if code != language]
    lacking = make_principle(text="Lacking", languages=others)
    client.force_login(make_staff(superuser=True))
    response = client.get(reverse("admin:pages_principle_changelist"), {"missing": language})
    shown = list(response.context["cl"].result_list)
    assert lacking in shown
    assert complete not in shown


def test_the_filter_offers_each_language_named_in_itself(client):
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:pages_principle_changelist")).content.decode()
    assert "?missing=ar" in html and "العربية" in html
    assert "?missing=de" not in html


def test_overview_lists_missing_objects_by_language_with_edit_links(client):
    lacking_arabic = make_principle(text="Diversity", languages=LANGUAGE_CODES[:-1])
    make_principle(text="Complete")
    client.force_login(make_staff(superuser=True))
    response = client.get(reverse("admin:translations"))
    html = response.content.decode()
    edit_url = reverse("admin:pages_principle_change", args=[lacking_arabic.pk])
    arabic = html[html.index('id="missing-ar"') :]
    assert edit_url in arabic
    assert edit_url not in html[html.index('id="missing-en"') : html.index('id="missing-fr"')]
    counts = {
        cell["code"]: cell["missing"]
        for row in response.context["rows"]
        for cell in row["cells"]
        if row["model"] == "pages.principle"
    }
    assert counts == {"en": 0, "fr": 0, "es": 0, "ru": 0, "uk": 0, "ar": 1}


def test_overview_can_show_one_language(client):
    make_principle(languages=["de"])
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:translations"), {"language": "uk"}).content.decode()
    assert 'id="missing-uk"' in html
    assert 'id="missing-fr"' not in html


def test_overview_shows_only_what_the_user_may_edit(client):
    make_principle(languages=["de"])
    client.force_login(make_staff(permissions=["pages.change_page", "pages.view_page"]))
    response = client.get(reverse("admin:translations"))
    assert [row["model"] for row in response.context["rows"]] == ["pages.page"]
    assert reverse("admin:pages_principle_changelist") not in response.content.decode()


@pytest.mark.parametrize("count", [1, 60])
def test_overview_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    """Per translated model: one query for the counts and one per language with gaps."""
    for _ in range(count):
        make_principle(languages=["de"])
    client.force_login(make_staff(superuser=True))
    translated_models = [model for model in admin.site._registry if text_fields(model)]
    with django_assert_max_num_queries(10 + 7 * len(translated_models)):
        client.get(reverse("admin:translations"))


def test_the_admin_index_links_to_the_overview(client):
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:translations") in html
