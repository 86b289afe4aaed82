import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import Post
from tests.documents.factories import make_document
from tests.events.factories import make_event, make_member
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_organisation
from tests.news.factories import make_post
from tests.projects.factories import make_many_projects, make_project

from .results import directory_names, on_postgresql, result_titles, search

TOMORROW = timezone.now() + datetime.timedelta(days=1)


def test_one_search_finds_news_events_projects_organisations_and_documents(client, db):
    make_post(title_de="Migrationskonferenz 2018: die Forderungen")
    make_event(title_de="Migrationskonferenz im Rathaus")
    make_project(title_de="Nach der Migrationskonferenz")
    make_organisation(
        "Verein am Rathaus", description_de="<p>Wir planen die Migrationskonferenz.</p>"
    )
    make_document(title_de="Dokumentation der Migrationskonferenz")
    assert sorted(result_titles(search(client, "Migrationskonferenz"))) == [
        "Dokumentation der Migrationskonferenz",
        "Migrationskonferenz 2018: die Forderungen",
        "Migrationskonferenz im Rathaus",
        "Nach der Migrationskonferenz",
        "Verein am Rathaus",
    ]
    html = search(client, "Migrationskonferenz", language="en")
    assert "5 results for" in html
    for label in ["News", "Event", "Project", "Member organisation", "Document"]:
        assert f'<span class="badge">{label}</span>' in html


@pytest.mark.parametrize(
    "hidden",
    [
        lambda: make_post(title_de="Geheimsache Entwurf", is_published=False),
        lambda: make_post(title_de="Geheimsache geplant", published_at=TOMORROW),
        lambda: make_event(title_de="Geheimsache Entwurf", is_published=False),
        lambda: make_event(title_de="Geheimsache intern", members_only=True),
        lambda: make_project(title_de="Geheimsache Entwurf", is_published=False),
        lambda: make_organisation("Geheimsache e.V.", is_active=False),
        lambda: make_document(title_de="Geheimsache Entwurf", is_published=False),
        lambda: make_document(title_de="Geheimsache intern", members_only=True),
    ],
)
def test_anonymous_visitors_never_find_unpublished_or_members_only_items(client, db, hidden):
    hidden()
    make_post(title_de="Geheimsache gelüftet")
    assert result_titles(search(client, "Geheimsache")) == ["Geheimsache gelüftet"]


def test_members_find_members_only_items(client, db, django_user_model):
    make_event(title_de="Klausurtagung intern", members_only=True)
    make_document(title_de="Protokoll der Klausurtagung", members_only=True)
    client.force_login(make_member(django_user_model))
    titles = result_titles(search(client, "Klausurtagung"))
    assert sorted(titles) == ["Klausurtagung intern", "Protokoll der Klausurtagung"]


def test_members_do_not_find_drafts(client, db, django_user_model):
    make_document(title_de="Protokoll Entwurf", members_only=True, is_published=False)
    make_document(title_de="Protokoll Mitgliederversammlung", members_only=True)
    client.force_login(make_member(django_user_model))
    assert result_titles(search(client, "Protokoll")) == ["Protokoll Mitgliederversammlung"]


def test_search_reads_the_visitors_language_and_german(client, db):
    make_post(title_de="Frauenfrühstück im Stadtteil", title_en="Women's breakfast", title_fr="")
    assert result_titles(search(client, "breakfast", language="en")) == ["Women&#x27;s breakfast"]
    assert result_titles(search(client, "breakfast", language="fr")) == []
    assert len(result_titles(search(client, "Frauenfrühstück", language="fr"))) == 1


def test_german_text_shown_to_other_languages_is_marked_german(client, db):
    make_project(
        title_de="Stadtteilmütter", title_en="", summary_de="Mütter beraten Mütter.", summary_en=""
    )
    html = search(client, "Stadtteilmütter", language="en")
    assert '<span lang="de" dir="ltr">Stadtteilmütter</span>' in html
    assert '<p lang="de" dir="ltr">Mütter beraten Mütter.</p>' in html


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_search_answers_in_every_language(client, db, language):
    make_project(**{f"title_{language}": "Brückenbau 2030"})
    html = search(client, "Brückenbau", language=language)
    assert f'<html lang="{language}"' in html
    assert len(result_titles(html)) == 1


def test_every_word_must_match(client, db):
    make_post(title_de="Sommerfest in Linden")
    make_post(title_de="Sommerfest in der List")
    assert len(result_titles(search(client, "Sommerfest Linden"))) == 1


def test_equally_relevant_results_of_every_kind_come_newest_first(client, db):
    # The same title and no other text: equally relevant for both databases' ranking.
    make_document(title_de="Sommerfest", date=datetime.date(2023, 6, 1))
    make_post(
        title_de="Sommerfest",
        teaser_de="",
        body_de="",
        published_at=timezone.now() - datetime.timedelta(days=30),
    )
    make_event(title_de="Sommerfest", starts_at=timezone.now() + datetime.timedelta(days=60))
    make_project(
        title_de="Sommerfest",
        summary_de="",
        body_de="",
        start=datetime.date(2024, 3, 1),
        slug="sommerfest",
    )
    html = search(client, "Sommerfest")
    kinds = re.findall(r'<span class="badge">(.*?)</span>', html)
    assert kinds == ["Veranstaltung", "Aktuelles", "Projekt", "Dokument"]


def test_results_are_paginated(client, db):
    make_many_projects(25)
    call_command("rebuild_search_index")  # bulk_create bypasses the search index's signals
    first = search(client, "Projekt")
    second = search(client, "Projekt", page=2)
    assert "25 results" in first or "25 Ergebnisse" in first
    assert len(result_titles(first)) == 20
    assert len(result_titles(second)) == 5
    assert "q=Projekt&amp;page=2" in first


def test_a_too_short_search_asks_for_more(client, db):
    html = search(client, "a", language="en")
    assert "Please enter at least 2 characters." in html


def test_an_empty_search_shows_just_the_form(client, db):
    html = client.get("/en/search/").content.decode()
    assert 'name="q"' in html
    assert "Nothing found" not in html


def test_a_search_without_matches_says_so(client, db):
    assert "Nothing found for" in search(client, "Quantenchromodynamik", language="en")


def test_search_pages_are_not_indexed(client, db):
    assert '<meta name="robots" content="noindex">' in search(client, "MiSO")


def test_every_page_has_the_search_box(client, site_pages):
    html = client.get("/uk/about/").content.decode()
    assert 'role="search" method="get" action="/uk/search/"' in html


@pytest.mark.parametrize("count", [10, 1000])
def test_search_costs_the_same_queries_for_few_and_many_items(
    client, db, django_assert_max_num_queries, count
):
    make_many_projects(count)
    now = timezone.now()
    Post.objects.bulk_create(
        Post(
            slug=f"p-{n}",
            title_de=f"Projekt {n}",
            teaser_de="Kurz.",
            is_published=True,
            published_at=now,
        )
        for n in range(count)
    )
    for n in range(3):
        make_event(title_de=f"Projekt {n}")
        make_document(title_de=f"Projekt {n}")
        make_organisation(f"Projekt {n} e.V.")
    call_command("rebuild_search_index")
    with django_assert_max_num_queries(8):
        html = search(client, "Projekt")
    assert len(result_titles(html)) == 20


@on_postgresql
def test_postgresql_finds_other_forms_of_a_german_word(client, db):
    make_post(title_de="Bericht von der Konferenz")
    assert result_titles(search(client, "Konferenzen")) == ["Bericht von der Konferenz"]


@on_postgresql
def test_postgresql_finds_other_forms_of_an_english_word(client, db):
    make_project(title_de="Treffen", title_en="Meeting of the organisations")
    assert len(result_titles(search(client, "organisation meetings", language="en"))) == 1


def test_the_closer_match_ranks_first(client, db):
    make_post(
        title_de="Satzung",
        teaser_de="Die Satzung des Vereins, Stand 2016.",
        published_at=timezone.now() - datetime.timedelta(days=300),
    )
    make_post(title_de="Jahresbericht", teaser_de="Auch die Satzung wurde erwähnt.")
    assert result_titles(search(client, "Satzung")) == ["Satzung", "Jahresbericht"]


@pytest.mark.parametrize("text", ["Treffpunkt Linden", "Linden Treffpunkt", "kulturaus", "IIK"])
def test_the_directory_finds_the_same_organisations_as_the_site_search(client, db, text):
    make_organisation(
        "Initiative für Internationalen Kulturaustausch",
        short_name="IIK",
        description_de="<p>Unser Treffpunkt liegt in Linden.</p>",
    )
    make_organisation("Treffpunkt Linden e.V.")
    make_organisation("Faust e.V.")
    found = sorted(result_titles(search(client, text)))
    assert found
    assert directory_names(client, text) == found


def test_a_word_being_typed_finds_the_longer_word(client, db):
    make_post(title_de="Kulturaustausch im Sommer")
    assert result_titles(search(client, "Kulturaus")) == ["Kulturaustausch im Sommer"]
