"""The fixed pages and the site's machine-read files cost the same number of SQL queries
with 10 or 1,000 items of every kind of content."""

import pytest

from documents.models import Document
from events.models import Event
from members.models import MemberOrganisation
from news.models import Post
from pages.models import Principle
from projects.models import Project
from tests.data_sets import built_once, use_files_of
from tests.documents.factories import make_many_documents
from tests.events.factories import make_events
from tests.images.factories import make_image
from tests.members.factories import (
    make_district,
    make_focus_area,
    make_language,
    make_many_organisations,
)
from tests.news.factories import make_many_posts
from tests.pages.factories import make_many_principles, make_site_pages
from tests.projects.factories import make_many_projects

# Every page: the association and its opening hours for the footer.
FOOTER = 2
KINDS = [Principle, MemberOrganisation, Post, Event, Project, Document]


@pytest.fixture(scope="module", params=[10, 1000], ids=["10 of each", "1000 of each"])
def content_set(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The fixed pages and ``count`` items of every kind, built once for this module's tests
    (each size in turn) and rolled back after them."""
    count = request.param
    folder = tmp_path_factory.mktemp(f"content-{count}")
    with built_once(django_db_blocker, folder):
        make_site_pages()
        make_many_principles(count)
        organisations = make_many_organisations(
            count, make_district(), make_focus_area(), make_language()
        )
        # One picture of the library on every card: its cover costs no query of its own.
        make_many_posts(count, cover_image=make_image())
        make_events(count, organisations[:2])
        make_many_projects(count)
        make_many_documents(count)
        yield count, folder


@pytest.fixture
def content(content_set, db, settings):
    """The data set for one test, its number of items of each kind: what the test changes
    is rolled back after it."""
    count, folder = content_set
    use_files_of(folder, settings)
    return count


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # the page, the member count, the latest news and the next events (their keys, then
        # the cards not yet shared: all of them on a first visit), and the districts and
        # languages of the organisation finder
        ("/de/", FOOTER + 8),
        ("/ar/", FOOTER + 8),
        ("/de/about/", FOOTER + 1),
        # the page and the principles
        ("/de/principles/", FOOTER + 2),
        ("/de/principles/all-languages/", FOOTER + 1),
        ("/de/contact/", FOOTER + 1),
        # the page and the board
        ("/de/imprint/", FOOTER + 2),
        ("/de/privacy/", FOOTER + 1),
        ("/de/accessibility/", FOOTER + 1),
        ("/de/easy-read/", FOOTER + 1),
        # no footer in robots.txt; the sitemap index counts the objects of each section
        # with any, a sitemap file counts its section's objects and reads those on its page
        ("/robots.txt", 0),
        ("/sitemap.xml", FOOTER + 5),
        ("/sitemap-news.xml", FOOTER + 2),
    ],
)
def test_page_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, content, url, queries
):
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200


def test_what_a_test_changes_stays_in_that_test(content):
    for kind in KINDS:
        kind.objects.all().delete()
    assert not any(kind.objects.exists() for kind in KINDS)


def test_every_test_gets_the_whole_data_set(content):
    # Runs after the test above, which deleted everything.
    counts = {kind.__name__: kind.objects.count() for kind in KINDS}
    # make_many_documents keeps one extra document whose file the others share.
    assert counts == {kind.__name__: content + (kind is Document) for kind in KINDS}
