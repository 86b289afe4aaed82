"""The fixed pages and the site's machine-read files cost the same number of SQL queries
with 10 or 1,000 items of every kind of content."""

import pytest
from django.db import transaction

from pages.models import Principle
from tests.documents.factories import make_many_documents
from tests.events.factories import make_events
from tests.members.factories import (
    make_district,
    make_focus_area,
    make_language,
    make_many_organisations,
)
from tests.news.factories import make_many_posts
from tests.pages.factories import make_site_pages
from tests.projects.factories import make_many_projects

pytestmark = pytest.mark.django_db

# Every page: the association and its opening hours for the footer.
FOOTER = 2


@pytest.fixture(scope="module", params=[10, 1000], ids=["10 of each", "1000 of each"])
def content(request, django_db_setup, django_db_blocker):
    """The site with 10 or 1,000 items of every kind, made once for all the pages (the
    pages only read it) and rolled back after them."""
    count = request.param
    with django_db_blocker.unblock(), transaction.atomic():
        make_site_pages()
        Principle.objects.bulk_create(
            Principle(order=number, text_de=f"Grundsatz {number}") for number in range(count)
        )
        organisations = make_many_organisations(
            count, make_district(), make_focus_area(), make_language()
        )
        make_many_posts(count)
        make_events(count, organisations[:2])
        make_many_projects(count)
        make_many_documents(count)
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # the page, the member count, the latest news and the next events
        ("/de/", FOOTER + 4),
        ("/ar/", FOOTER + 4),
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
        ("/sitemap.xml", FOOTER + 4),
        ("/sitemap-news.xml", FOOTER + 2),
    ],
)
def test_page_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, content, url, queries
):
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200
