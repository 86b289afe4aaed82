"""Results come by relevance, then newest first: a match in the title ranks above a
match only in the text, whatever the kind, the language and the length of the text.

On SQLite the relevance is FTS5's bm25() with the title weighing ten times the rest;
on PostgreSQL it is ts_rank() with the title in weight class A and the rest in B.
"""

import datetime

import pytest
from django.utils import timezone

from tests.events.factories import make_event
from tests.members.factories import make_organisation
from tests.news.factories import make_post, words

from .results import result_titles, search

LONG_AGO = timezone.now() - datetime.timedelta(days=700)


def test_a_title_match_ranks_above_a_newer_match_in_the_text(client, db):
    make_post(title_de="Jahresbericht", teaser_de="Auch die Nachbarschaftshilfe war dabei.")
    make_post(title_de="Nachbarschaftshilfe in Linden", published_at=LONG_AGO)
    assert result_titles(search(client, "Nachbarschaftshilfe")) == [
        "Nachbarschaftshilfe in Linden",
        "Jahresbericht",
    ]


def test_a_title_match_with_a_long_text_ranks_above_a_short_match_in_the_text(client, db):
    make_post(title_de="Jahresbericht", teaser_de="Mit der Nachbarschaftshilfe.", body_de="")
    make_post(
        title_de="Nachbarschaftshilfe",
        body_de=words(300, "Wort"),
        published_at=LONG_AGO,
    )
    assert result_titles(search(client, "Nachbarschaftshilfe"))[0] == "Nachbarschaftshilfe"


def test_a_title_match_of_one_kind_ranks_above_a_text_match_of_another(client, db):
    make_event(title_de="Sommerfest", description_de="<p>Mit der Nachbarschaftshilfe.</p>")
    make_organisation("Nachbarschaftshilfe e.V.", description_de="<p>Wir helfen.</p>")
    assert result_titles(search(client, "Nachbarschaftshilfe")) == [
        "Nachbarschaftshilfe e.V.",
        "Sommerfest",
    ]


@pytest.mark.parametrize(
    ("language", "word", "title", "text"),
    [
        ("ru", "Праздник", "Праздник весны", "Мы пригласили всех на праздник."),
        ("uk", "Свято", "Свято весни", "Ми запросили всіх на свято."),
        ("ar", "الاحتفال", "الاحتفال بالربيع", "دعونا الجميع إلى الاحتفال."),
    ],
)
def test_a_title_match_ranks_first_in_every_script(client, db, language, word, title, text):
    make_post(**{f"title_{language}": "Отчёт", f"teaser_{language}": text})
    make_post(**{f"title_{language}": title}, published_at=LONG_AGO)
    assert result_titles(search(client, word, language=language))[0] == title


def test_more_of_the_words_in_the_title_ranks_higher(client, db):
    make_post(title_de="Sommerfest", teaser_de="Im Park an der Ihme.")
    make_post(title_de="Sommerfest im Park", teaser_de="An der Ihme.", published_at=LONG_AGO)
    assert result_titles(search(client, "Sommerfest Park")) == [
        "Sommerfest im Park",
        "Sommerfest",
    ]
