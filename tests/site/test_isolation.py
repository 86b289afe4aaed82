"""Names and addresses keep their own direction on right-to-left pages: each is isolated
(``<bdi>``) wherever it appears, and lists use the language's own comma."""

import pytest

from tests.documents.factories import make_document
from tests.members.factories import make_meeting_point, make_organisation
from tests.people.factories import make_board_membership, make_person, make_team_position
from tests.projects.factories import make_funder, make_project


def test_the_organisation_name_is_isolated_in_search_results(client, site_pages):
    make_organisation("جمعية الجالية السورية", description_de="<p>Ein Verein in Linden.</p>")
    html = client.get("/de/search/?q=Linden").content.decode()
    assert "<bdi>جمعية الجالية السورية</bdi></a></h2>" in html


def test_project_partners_funders_and_contacts_are_isolated(client, site_pages):
    project = make_project()
    project.partners.add(make_organisation("Українська громада"))
    project.funders.add(make_funder(name_de="Landeshauptstadt Hannover"))
    person = make_person("Olga", "Artemova")
    make_team_position(person)
    project.contacts.add(person)
    html = client.get(f"/ar{project.get_absolute_url()[3:]}").content.decode()
    assert "<bdi>Українська громада</bdi>" in html
    assert '<bdi><span lang="de" dir="ltr">Landeshauptstadt Hannover</span>' in html
    assert "<h3><bdi>Olga Artemova</bdi></h3>" in html
    card = client.get("/ar/projects/").content.decode()
    assert '<bdi><span lang="de" dir="ltr">Landeshauptstadt Hannover</span>' in card


def test_the_imprint_isolates_the_association_and_the_board(client, site_pages):
    make_board_membership(person=make_person("Nadia", "Kurtul"))
    html = client.get("/ar/imprint/").content.decode()
    assert '<bdi lang="de">MiSO-Netzwerk Hannover e.V.</bdi>' in html
    assert '<bdi lang="de">Mengendamm 12</bdi>' in html
    assert "<bdi>Nadia Kurtul</bdi>" in html


def test_the_imprint_separates_court_and_number_with_the_languages_comma(client, site_pages):
    association, _pages = site_pages
    association.register_number = "VR 123456"
    association.save()
    assert "، <bdi>VR 123456</bdi>" in client.get("/ar/imprint/").content.decode()


def test_the_meeting_points_contact_person_is_isolated(client, site_pages):
    make_meeting_point(contact_name="Amina Yusuf", phone="0511 123")
    html = client.get("/ar/members/meeting-points/").content.decode()
    assert "<bdi>Amina Yusuf</bdi>" in html


def test_the_earlier_boards_separate_name_and_role_with_the_languages_comma(client, site_pages):
    make_board_membership(person=make_person("Nadia", "Kurtul"), role="chair", years_ago=3)
    html = client.get("/ar/members/board/archive/").content.decode()
    assert "<bdi>Nadia Kurtul</bdi>، " in html


@pytest.mark.parametrize("path", ["/ar/", "/ar/contact/", "/ar/members/"])
def test_the_footer_isolates_the_association_name_and_address(client, site_pages, path):
    footer = client.get(path).content.decode().split('class="site-footer"')[1]
    assert '<bdi lang="de">MiSO-Netzwerk Hannover e.V.</bdi>' in footer
    assert '<bdi lang="de">30177 Hannover</bdi>' in footer


def test_a_document_result_separates_format_and_size_with_the_languages_comma(client, site_pages):
    make_document(title_de="Satzung", title_ar="النظام الأساسي")
    html = client.get("/ar/search/?q=النظام").content.decode()
    assert "PDF، " in html
    assert "PDF, " not in html
