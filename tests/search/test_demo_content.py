"""The demo loader saves what it makes, so the search finds the demo content.

In a module of its own: the demo content stays loaded for the whole module."""

from .results import result_titles, search


def test_the_demo_content_is_found_by_a_capitalised_word(client, demo):
    titles = result_titles(search(client, "Расизм", language="ru"))
    assert "Вечер против расизма: бороться с ним нужно и обществу, и институтам" in titles


def test_the_demo_organisations_are_found_in_the_directory(client, demo):
    html = client.get("/de/members/", {"q": "KULTURAUSTAUSCH"}).content.decode()
    assert "Initiative für Internationalen Kulturaustausch" in html
