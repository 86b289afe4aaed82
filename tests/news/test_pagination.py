"""The shared includes/pagination.html, rendered for a plain Paginator."""

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation

# Rendering with a request runs the site's context processors, which read the database.
pytestmark = pytest.mark.django_db


def render(rf, number, url="/en/anything/", total=200):
    """The include as on an English page (the language LocaleMiddleware would activate)."""
    page = Paginator(range(total), 10).page(number)
    with translation.override("en"):
        return render_to_string(
            "includes/pagination.html",
            {"page_obj": page},
            request=rf.get(f"{url}{'&' if '?' in url else '?'}page={number}"),
        )


def test_nothing_is_shown_for_a_single_page(rf):
    assert "<nav" not in render(rf, 1, total=5)


def test_the_current_page_is_marked_for_screen_readers(rf):
    html = render(rf, 7)
    assert 'aria-label="Pagination"' in html
    assert html.count("aria-current") == 1
    assert 'href="?page=7" aria-current="page"' in html


def test_links_keep_the_filters_and_change_only_the_page(rf):
    html = render(rf, 3, url="/en/anything/?kind=job&year=2022")
    assert 'href="?kind=job&amp;year=2022&amp;page=4" rel="next"' in html
    assert 'href="?kind=job&amp;year=2022&amp;page=2" rel="prev"' in html


@pytest.mark.parametrize("number", [1, 10, 20])
def test_long_ranges_are_shortened_but_keep_the_first_and_last_page(rf, number):
    html = render(rf, number)
    assert "…" in html
    assert html.count('href="?page=') < 12
    assert 'href="?page=1"' in html
    assert 'href="?page=20"' in html
