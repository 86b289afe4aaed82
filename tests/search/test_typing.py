"""A search finds what is written however it is typed: in any case, with or without
accents, in every script, and while the last word is still being typed.

Every test here runs on SQLite (the FTS5 index) and on PostgreSQL (full-text search
with unaccent): the same words find the same items on both.
"""

import pytest

from tests.members.factories import make_organisation
from tests.news.factories import make_post

from .results import directory_names, result_titles, search

# (what is typed, what is written in the title, the language of both)
SAME_WORD = [
    # Phone keyboards capitalise the first letter.
    ("Праздник", "праздник весны", "ru"),
    ("праздник", "Праздник весны", "ru"),
    ("ПРАЗДНИК", "Праздник весны", "ru"),
    ("ёлка", "Ёлка во дворе", "ru"),
    ("елка", "Ёлка во дворе", "ru"),
    ("Зустріч", "зустріч громади", "uk"),
    ("зустріч", "Зустріч громади", "uk"),
    ("Їжа", "їжа та музика", "uk"),
    ("الشبكة", "تدعو الشبكة الجمعيات", "ar"),
    ("ÜBER", "über uns", "de"),
    ("uber", "über uns", "de"),
    ("Begegnungsstätte", "begegnungsstätte in Linden", "de"),
    ("begegnungsstatte", "Begegnungsstätte in Linden", "de"),
    ("Strasse", "Fest in der Lange Straße", "de"),
    ("cafe", "Café International", "de"),
    ("CAFÉ", "café international", "de"),
    ("ecole", "École du quartier", "fr"),
    ("educacion", "Educación para todos", "es"),
]


@pytest.mark.parametrize(("typed", "written", "language"), SAME_WORD)
def test_a_word_is_found_in_any_case_and_with_or_without_accents(
    client, db, typed, written, language
):
    make_post(**{f"title_{language}": written})
    make_post(**{f"title_{language}": "Something else entirely"})
    assert result_titles(search(client, typed, language=language)) == [written]


@pytest.mark.parametrize(
    ("typed", "written", "language"),
    [
        ("Праз", "праздник весны", "ru"),
        ("праз", "Праздник весны", "ru"),
        ("Зустр", "зустріч громади", "uk"),
        ("Begegnungs", "begegnungsstätte in Linden", "de"),
        ("Uber uns Begeg", "Über uns: die Begegnungsstätte", "de"),
    ],
)
def test_the_word_being_typed_finds_the_longer_word(client, db, typed, written, language):
    make_post(**{f"title_{language}": written})
    assert result_titles(search(client, typed, language=language)) == [written]


def test_a_greek_name_is_found_without_its_accents_and_in_capitals(client, db):
    make_organisation("Ελληνική Κοινότητα Ανόβερου")
    for typed in ["ελληνικη", "ΕΛΛΗΝΙΚΗ", "Ελληνική"]:
        assert result_titles(search(client, typed)) == ["Ελληνική Κοινότητα Ανόβερου"], typed


def test_a_word_is_not_found_in_another_languages_text(client, db):
    make_post(title_de="Frühlingsfest", title_ru="Праздник весны")
    assert result_titles(search(client, "праздник", language="en")) == []
    assert result_titles(search(client, "праздник", language="ru")) == ["Праздник весны"]


def test_words_may_come_from_the_visitors_language_and_from_german(client, db):
    make_post(title_de="Frauenfrühstück im Stadtteil", title_en="Women's breakfast")
    assert result_titles(search(client, "breakfast Frauenfrühstück", language="en")) == [
        "Women&#x27;s breakfast"
    ]


@pytest.mark.parametrize(
    ("typed", "language"),
    [("ГРОМАДИ", "uk"), ("café", "de"), ("über", "de"), ("Treffpunkt", "de"), ("ЦЕНТР", "ru")],
)
def test_the_directory_finds_the_same_organisations_however_it_is_typed(
    client, db, typed, language
):
    make_organisation(
        "Cafe Übersee e.V.",
        short_name="Treffpunkt",
        description_de="<p>Unser Café liegt über dem Markt.</p>",
        description_uk="<p>Центр для громади.</p>",
        description_ru="<p>Центр для всех.</p>",
    )
    make_organisation("Faust e.V.", description_de="<p>Kulturzentrum in Linden.</p>")
    found = sorted(result_titles(search(client, typed, language=language)))
    assert found == ["Cafe Übersee e.V."]
    assert directory_names(client, typed, language=language) == found


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ('"Sommerfest', True),
        ("Sommerfest*", True),
        ("(Sommerfest)", True),
        ("Sommerfest:*", True),
        ("Sommer\x00fest", False),
        ("Sommerfest\x00", True),
        ("{title}: Sommerfest", False),
        ("title:Sommerfest", False),
        ("Sommerfest OR Winterfest", False),
        ("Sommerfest NOT Park", False),
        ("NEAR(Sommerfest Park)", False),
        ("Sommerfest & | ! <-> '", True),
        ('""', False),
        ("'*'", False),
    ],
)
def test_what_is_typed_is_always_words_never_query_syntax(client, db, typed, found):
    make_post(title_de="Sommerfest im Park")
    titles = result_titles(search(client, typed))
    assert titles == (["Sommerfest im Park"] if found else [])
