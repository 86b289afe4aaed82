import datetime

import pytest
from django.utils import timezone

from members.models import MemberOrganisation
from people.models import Person, TeamPosition
from projects.models import Project
from tests.images.factories import make_image
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_organisation
from tests.news.factories import make_post
from tests.people.factories import make_person, make_team_position
from tests.projects.factories import (
    make_finished_project,
    make_funder,
    make_many_projects,
    make_project,
)

TODAY = datetime.date(2025, 6, 15)


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [
        (datetime.date(2024, 1, 1), None, Project.Status.RUNNING),
        (datetime.date(2024, 1, 1), datetime.date(2025, 6, 15), Project.Status.RUNNING),
        (datetime.date(2024, 1, 1), datetime.date(2025, 6, 14), Project.Status.FINISHED),
        (datetime.date(2025, 7, 1), None, Project.Status.PLANNED),
    ],
)
def test_status_follows_from_the_dates(monkeypatch, start, end, status):
    monkeypatch.setattr(timezone, "localdate", lambda: TODAY)
    assert Project(start=start, end=end).status == status


def test_a_project_moves_to_the_finished_list_on_its_own_when_it_ends(client, db):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    make_project(title_de="Seniorenausflüge", end=yesterday)
    make_project(title_de="Einbürgerungslotsen", end=None)
    current = client.get("/de/projects/").content.decode()
    finished = client.get("/de/projects/finished/").content.decode()
    assert "Einbürgerungslotsen" in current and "Seniorenausflüge" not in current
    assert "Seniorenausflüge" in finished and "Einbürgerungslotsen" not in finished


def test_a_project_ending_today_is_still_current(client, db):
    make_project(title_de="Migrationskonferenz", end=timezone.localdate())
    assert "Migrationskonferenz" in client.get("/de/projects/").content.decode()


def test_a_project_about_to_start_is_listed_as_starting_soon(client, db):
    make_project(title_en="New project", start=timezone.localdate() + datetime.timedelta(days=10))
    html = client.get("/en/projects/").content.decode()
    assert "New project" in html
    assert "Starts soon" in html


@pytest.mark.parametrize(
    "hidden",
    [{"is_published": False}, {"published_at": timezone.now() + datetime.timedelta(days=1)}],
)
def test_unpublished_projects_are_neither_listed_nor_shown(client, db, hidden):
    project = make_project(title_de="Entwurf", **hidden)
    assert "Entwurf" not in client.get("/de/projects/").content.decode()
    assert client.get(project.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_project_page_is_in_the_visitors_language_with_german_marked(client, db, language):
    project = make_project(title_de="Projekt Brücken", title_en="Bridges project")
    html = client.get(f"/{language}/projects/{project.slug}/").content.decode()
    if language == "en":
        assert "<h1>Bridges project</h1>" in html
    elif language == "de":
        assert "<h1>Projekt Brücken</h1>" in html
    else:
        assert '<h1><span lang="de" dir="ltr">Projekt Brücken</span>' in html


def test_project_page_shows_dates_in_the_languages_format(client, db):
    project = make_project(start=datetime.date(2019, 3, 1), end=datetime.date(2031, 12, 31))
    html = client.get(f"/de/projects/{project.slug}/").content.decode()
    assert "1. März 2019" in html and "31. Dezember 2031" in html


def test_project_page_names_funders_with_their_links(client, db):
    project = make_project()
    project.funders.add(
        make_funder(name_de="Bundesamt für Migration und Flüchtlinge", link="https://www.bamf.de/")
    )
    html = client.get(f"/de/projects/{project.slug}/").content.decode()
    assert '<a href="https://www.bamf.de/" rel="external">' in html
    assert "Bundesamt für Migration und Flüchtlinge" in html


def test_project_page_links_active_partner_organisations_only(client, db):
    project = make_project()
    project.partners.add(
        make_organisation("kargah e.V.", slug="kargah"),
        make_organisation("Alter Verein", is_active=False),
    )
    html = client.get(f"/de/projects/{project.slug}/").content.decode()
    assert '<a href="/de/members/organisations/kargah/"><bdi>kargah e.V.</bdi></a>' in html
    assert "Alter Verein" not in html


def test_project_page_shows_contact_people_with_their_job(client, db):
    project = make_project()
    person = make_person("Olga", "Artemova", email="artemova@example.org")
    make_team_position(person, job_title_de="Projektmitarbeiterin")
    project.contacts.add(person)
    html = client.get(f"/de/projects/{project.slug}/").content.decode()
    assert "Olga Artemova" in html
    assert "Projektmitarbeiterin" in html
    assert "artemova@example.org" not in html  # entity-encoded against harvesters


def test_project_page_shows_the_latest_published_news_about_it(client, db):
    project = make_project()
    now = timezone.now()
    for days in range(1, 5):
        post = make_post(
            title_de=f"Meldung vor {days} Tagen", published_at=now - datetime.timedelta(days=days)
        )
        post.projects.add(project)
    make_post(title_de="Entwurf", is_published=False).projects.add(project)
    make_post(title_de="Anderes Projekt").projects.add(make_project())
    html = client.get(f"/de/projects/{project.slug}/").content.decode()
    assert "Meldung vor 1 Tagen" in html and "Meldung vor 3 Tagen" in html
    assert "Meldung vor 4 Tagen" not in html
    assert "Entwurf" not in html and "Anderes Projekt" not in html


@pytest.mark.parametrize("count", [10, 1000])
def test_lists_cost_the_same_queries_for_few_and_many_projects(
    client, db, django_assert_max_num_queries, count
):
    make_many_projects(count)
    make_many_projects(count, finished=True)
    for url in ["/de/projects/", "/de/projects/finished/"]:
        with django_assert_max_num_queries(4):
            response = client.get(url)
        assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 1000])
def test_project_page_costs_the_same_queries_for_few_and_many_related_items(
    client, db, django_assert_max_num_queries, count
):
    project = make_project()
    # Logos, photos and covers from the library cost no query of their own.
    image = make_image()
    project.funders.set([make_funder(logo=image), make_funder(logo=image)])
    organisations = MemberOrganisation.objects.bulk_create(
        MemberOrganisation(name=f"Verein {n}", slug=f"verein-{n}") for n in range(count)
    )
    people = Person.objects.bulk_create(
        Person(first_name="Person", last_name=str(n), photo=image) for n in range(count)
    )
    TeamPosition.objects.bulk_create(
        TeamPosition(person=person, job_title_de="Team") for person in people
    )
    project.partners.set(organisations)
    project.contacts.set(people)
    for _ in range(3):
        make_post(cover_image=image).projects.add(project)
    with django_assert_max_num_queries(7):
        response = client.get(project.get_absolute_url())
    assert response.status_code == 200


def test_sitemap_lists_published_projects_and_both_lists(client, db):
    make_project(slug="samo-fa")
    make_project(slug="entwurf", is_published=False)
    sitemap = client.get("/sitemap-projects.xml").content.decode()
    assert "http://testserver/de/projects/samo-fa/</loc>" in sitemap
    assert "http://testserver/de/projects/finished/</loc>" in sitemap
    assert "entwurf" not in sitemap


def test_finished_projects_list_says_so_when_empty(client, db):
    make_project()
    html = client.get("/en/projects/finished/").content.decode()
    assert "No project has finished yet." in html


def test_the_main_menu_links_the_projects(client, db):
    html = client.get("/en/projects/").content.decode()
    nav = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert '<a href="/en/projects/" aria-current="page">' in nav


def test_finished_project_page_links_back_to_the_finished_list(client, db):
    project = make_finished_project()
    html = client.get(f"/de/projects/{project.slug}/").content.decode()
    assert 'href="/de/projects/finished/"' in html


def test_editors_preview_an_unpublished_project(admin_client, db):
    project = make_project(title_de="Entwurf", is_published=False)
    response = admin_client.get(f"/de/projects/{project.slug}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
