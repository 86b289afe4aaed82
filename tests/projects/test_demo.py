from projects import demo
from projects.models import Project
from tests.languages import LANGUAGE_CODES
from tests.people.factories import make_person


def test_demo_has_the_three_running_projects_in_every_language(db):
    demo.load()
    projects = Project.objects.published().current()
    assert {p.slug for p in projects} == {"einbuergerungslotsen", "samo-fa", "house-of-resources"}
    for project in projects:
        for code in LANGUAGE_CODES:
            for field in ("title", "summary", "body"):
                assert getattr(project, f"{field}_{code}"), (project.slug, field, code)
        summaries = {getattr(project, f"summary_{code}") for code in LANGUAGE_CODES}
        assert len(summaries) == len(LANGUAGE_CODES)
        assert project.funders.exists()


def test_demo_names_the_funders_the_association_names(db):
    demo.load()
    funders = {
        project.slug: {funder.name_de for funder in project.funders.all()}
        for project in Project.objects.all()
    }
    assert funders["einbuergerungslotsen"] == {"Landeshauptstadt Hannover"}
    assert funders["house-of-resources"] == {"Bundesamt für Migration und Flüchtlinge (BAMF)"}


def test_demo_links_the_team_as_contact_people_when_they_exist(db):
    make_person("Lesia", "Brezitska")
    make_person("Patty", "Laureano")
    demo.load()
    contacts = Project.objects.get(slug="house-of-resources").contacts.all()
    assert {person.last_name for person in contacts} == {"Brezitska", "Laureano"}
    assert not Project.objects.get(slug="samo-fa").contacts.exists()


def test_demo_loads_once(db):
    assert demo.load() == 6
    assert demo.load() == 0
