"""What every page shares (menu, footer, the home page's organisation finder) and what every
visitor who may see it sees alike (cards, a calendar day's events) is rendered once per language
from the cache (core/fragments.py), with the page cache off as for logged-in members, and never
shows anything out of date; list pages read only the language columns they show."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from core.fragments import cached_fragment
from news.models import Post
from pages.models import OpeningHours
from tests.accounts.factories import make_member_of
from tests.bookings.factories import make_resource
from tests.documents.factories import make_document
from tests.events.factories import make_event
from tests.members.factories import make_district, make_organisation
from tests.news.factories import make_post
from tests.people.factories import make_working_group
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def menu_link(page, url):
    """The main menu's link to ``url``, as the page shows it."""
    menu = re.search(r'<nav class="main-nav".*?</nav>', page, re.DOTALL)[0]
    return re.search(rf'<a href="{re.escape(url)}"[^>]*>[^<]*</a>', menu)[0]


def test_the_menu_marks_the_page_and_the_section_of_each_page(client, site):
    post = make_post()
    assert 'aria-current="page"' in menu_link(html(client, "/de/news/"), "/de/news/")
    on_post = html(client, post.get_absolute_url())
    assert 'aria-current="true"' in menu_link(on_post, "/de/news/")
    assert "aria-current" not in menu_link(on_post, "/de/about/")
    assert 'aria-current="page"' in menu_link(html(client, "/de/news/"), "/de/news/")
    about = html(client, "/de/about/")
    assert 'aria-current="page"' in menu_link(about, "/de/about/")
    assert "aria-current" not in menu_link(about, "/de/news/")


def test_the_menu_is_in_the_language_of_the_page(client, site):
    assert ">News</a>" in menu_link(html(client, "/en/news/"), "/en/news/")
    assert ">Aktuelles</a>" in menu_link(html(client, "/de/news/"), "/de/news/")


def test_new_opening_hours_show_in_the_footer_at_once(client, site):
    html(client, "/de/news/")
    hours = OpeningHours.objects.get()
    hours.closes = datetime.time(15, 30)
    hours.save()
    assert "15:30" in html(client, "/de/news/")


def test_the_footer_costs_no_query_once_rendered(client, site):
    html(client, "/de/news/")
    with CaptureQueriesContext(connection) as queries:
        html(client, "/de/projects/")
    assert not [q for q in queries.captured_queries if "pages_openinghours" in q["sql"]]


def test_the_report_a_barrier_link_names_the_page_it_is_on(client, site):
    html(client, "/de/news/")
    assert "?page=/de/projects/#report" in html(client, "/de/projects/")


@pytest.mark.parametrize("url", ["/de/", "/de/members/"], ids=["home finder", "directory"])
def test_a_new_district_shows_in_the_organisation_filters_at_once(client, site, url):
    make_organisation(district=make_district("Linden-Nord"))
    html(client, url)
    make_organisation(district=make_district("Vahrenwald"))
    assert ">Vahrenwald</option>" in html(client, url)


def test_a_card_list_reads_no_other_languages_columns(client, site):
    make_post()
    with CaptureQueriesContext(connection) as queries:
        html(client, "/fr/news/")
    posts = [q["sql"] for q in queries.captured_queries if 'FROM "news_post"' in q["sql"]]
    listed = [sql for sql in posts if '"news_post"."title_fr"' in sql]
    assert listed
    assert not [sql for sql in listed if '"news_post"."title_en"' in sql]


def test_a_card_without_the_pages_language_shows_the_german_text_marked(client, site):
    post = make_post(title_de="Sommerfest im Garten", title_fr="")
    assert '<span lang="de" dir="ltr">Sommerfest im Garten</span>' in html(client, "/fr/news/")
    assert post.title_de in html(client, post.get_absolute_url().replace("/de/", "/fr/"))


def test_the_directorys_filters_keep_the_visitors_choice(client, site):
    district = make_district("Vahrenwald")
    make_organisation(district=district)
    html(client, "/de/members/")
    page = html(client, f"/de/members/?district={district.slug}")
    assert re.search(r"<option[^>]*selected[^>]*>Vahrenwald</option>", page)


CALENDAR = "/{language}/events/calendar/{date:%Y/%m}/"


def test_an_edited_post_shows_on_every_list_at_once(client, site):
    post = make_post(title_de="Sommerfest")
    assert "Sommerfest" in html(client, "/de/news/")
    assert "Sommerfest" in html(client, "/de/")
    post.title_de = "Herbstfest"
    post.save()
    for path in ("/de/news/", "/de/"):
        page = html(client, path)
        assert "Herbstfest" in page
        assert "Sommerfest" not in page


def test_cards_are_in_each_visitors_language(client, site):
    make_post(title_de="Sommerfest", title_ar="مهرجان الصيف", kind=Post.Kind.PRESS_RELEASE)
    assert "Sommerfest" in html(client, "/de/news/")
    arabic = html(client, "/ar/news/")
    assert "مهرجان الصيف" in arabic
    with translation.override("ar"):
        assert str(Post.Kind.PRESS_RELEASE.label) in arabic


def test_a_cancelled_date_shows_in_the_calendar_at_once(client, site):
    event = make_event(title_de="Nachbarschaftsfest")
    path = CALENDAR.format(language="de", date=timezone.localdate(event.starts_at))
    assert "Abgesagt" not in html(client, path)
    event.is_cancelled = True
    event.save()
    assert html(client, path).count("Abgesagt") == 2  # in the table cell and the agenda


def test_a_calendar_day_shared_by_members_holds_nothing_for_visitors(client, site):
    """A day holding a members-only event is another piece than the same day without it."""
    start = timezone.now() + datetime.timedelta(days=3)
    make_event(title_de="Offenes Treffen", starts_at=start)
    make_event(title_de="Vorstandssitzung", starts_at=start, members_only=True)
    path = CALENDAR.format(language="de", date=timezone.localdate(start))
    client.force_login(make_member_of())
    assert "Vorstandssitzung" in html(client, path)
    client.logout()
    page = html(client, path)
    assert "Offenes Treffen" in page
    assert "Vorstandssitzung" not in page


def test_a_piece_is_rendered_once_per_language_and_generation():
    renders = []

    def render():
        renders.append(translation.get_language())
        return f"<p>{translation.get_language()}</p>"

    for language, generation in [("de", "1"), ("de", "1"), ("ar", "1"), ("de", "2")]:
        with translation.override(language):
            assert cached_fragment("card", [7], render, generation) == f"<p>{language}</p>"
    assert renders == ["de", "ar", "de"]


def test_nothing_is_kept_while_the_shared_cache_has_no_generation():
    renders = []
    for _ in range(2):
        cached_fragment("card", [7], lambda: renders.append(1) or "<p>card</p>", "")
    assert len(renders) == 2


def test_every_list_of_events_shows_a_changed_title(client, site):
    event = make_event(title_de="Erzählcafé")
    paths = ["/de/", "/de/events/"]
    for path in paths:
        assert "Erzählcafé" in html(client, path)
    event.title_de = "Erzählcafé im Park"
    event.save()
    for path in paths:
        assert "Erzählcafé im Park" in html(client, path)


def test_a_renamed_organisation_shows_on_the_posts_that_name_it(client, site):
    organisation = make_organisation(name="Kulturbrücke e.V.")
    post = make_post()
    post.organisations.add(organisation)
    assert "Kulturbrücke e.V." in html(client, post.get_absolute_url())
    organisation.name = "Kulturbrücke Hannover e.V."
    organisation.save()
    assert "Kulturbrücke Hannover e.V." in html(client, post.get_absolute_url())


def test_once_shown_a_posts_related_links_and_neighbours_cost_no_query(client, site):
    older, post, newer = (
        make_post(published_at=timezone.now() - datetime.timedelta(days=d)) for d in (3, 2, 1)
    )
    post.organisations.add(make_organisation())
    post.projects.add(make_project())
    first = html(client, post.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        again = html(client, post.get_absolute_url())
    assert again == first
    assert older.get_absolute_url() in again and newer.get_absolute_url() in again
    tables = ("members_memberorganisation", "projects_project", "news_post_")
    assert not [q for q in queries.captured_queries if any(t in q["sql"] for t in tables)]
    assert len(queries.captured_queries) == 1  # the post itself


def test_a_new_document_for_members_shows_in_the_member_area_at_once(client, site):
    client.force_login(make_member_of())
    make_document(title_de="Protokoll März", members_only=True)
    assert "Protokoll März" in html(client, "/de/members-area/")
    make_document(title_de="Protokoll April", members_only=True)
    assert "Protokoll April" in html(client, "/de/members-area/")


def test_the_member_areas_shared_lists_are_for_members_only(client, site):
    make_working_group("Finanzen")
    make_document(title_de="Protokoll März", members_only=True)
    client.force_login(make_member_of())
    assert "Protokoll März" in html(client, "/de/members-area/")
    client.force_login(get_user_model().objects.create_user("neighbour", password="x" * 16))
    page = html(client, "/de/members-area/")
    assert "Protokoll März" not in page
    assert "Finanzen" not in page


def test_the_booking_form_keeps_what_a_member_typed_when_it_is_refused(client, site):
    resource = make_resource()
    client.force_login(make_member_of())
    url = f"/de/members-area/bookings/{resource.slug}/"
    html(client, url)
    refused = client.post(
        url, {"day": "", "starts": "09:00", "ends": "08:00", "purpose": "Vorstand"}
    )
    assert refused.status_code == 200
    assert 'value="Vorstand"' in refused.content.decode()


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/de/", 3),  # the page, the keys of the next events and of the latest posts
        ("/de/news/", 2),  # the count and the keys of the page's posts
        ("/de/members/", 2),  # the count and the keys of the page's organisations
    ],
)
def test_once_shown_a_list_reads_only_the_keys_of_its_cards(client, site, url, queries):
    make_post()
    make_event(starts_at=timezone.now() + datetime.timedelta(days=2))
    make_organisation()
    first = html(client, url)
    with CaptureQueriesContext(connection) as captured:
        again = html(client, url)
    assert again == first
    assert len(captured.captured_queries) == queries


def test_a_time_chosen_in_the_week_fills_the_booking_form(client, site):
    resource = make_resource()
    client.force_login(make_member_of())
    url = f"/de/members-area/bookings/{resource.slug}/"
    html(client, url)
    day = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    page = html(client, f"{url}?day={day}&starts=09:00")
    assert f'value="{day}"' in page
    assert re.search(r'<option value="09:00"[^>]*selected', page)


def test_an_events_presenters_follow_a_rename_and_cost_no_query_once_shown(client, site):
    organisation = make_organisation(name="Kulturbrücke e.V.")
    event = make_event(organisations=[organisation])
    first = html(client, event.get_absolute_url())
    assert first.count("Kulturbrücke e.V.") == 2  # "Presented by" and the structured data
    with CaptureQueriesContext(connection) as queries:
        assert html(client, event.get_absolute_url()) == first
    assert len(queries.captured_queries) == 1  # the event itself
    organisation.name = "Kulturbrücke Hannover e.V."
    organisation.save()
    assert html(client, event.get_absolute_url()).count("Kulturbrücke Hannover e.V.") == 2
