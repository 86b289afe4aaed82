import pytest

from people.models import BoardMembership
from tests.images.factories import make_image
from tests.members.factories import (
    make_district,
    make_focus_area,
    make_language,
    make_many_organisations,
    make_organisation,
)
from tests.people.factories import (
    make_board_membership,
    make_person,
    make_team_position,
    make_working_group,
)


def test_board_page_shows_the_current_board_only(client, site_pages):
    make_board_membership(make_person("Dang Chau", "Lam"))
    make_board_membership(make_person("Abayomi", "Bankole"), years_ago=4)
    html = client.get("/de/members/board/").content.decode()
    assert "Dang Chau Lam" in html
    assert "Abayomi Bankole" not in html


def test_current_manager_method_selects_terms_that_cover_today(db):
    current = make_board_membership()
    make_board_membership(years_ago=1)
    assert list(BoardMembership.objects.current()) == [current]


def test_earlier_boards_are_on_the_archive_page_grouped_by_term(client, site_pages):
    make_board_membership(make_person("Dang Chau", "Lam"))
    make_board_membership(make_person("Abayomi", "Bankole"), years_ago=4)
    make_board_membership(make_person("Ferdos", "Mirabadi"), years_ago=4)
    html = client.get("/en/members/board/archive/").content.decode()
    assert "Abayomi Bankole" in html and "Ferdos Mirabadi" in html
    assert "Dang Chau Lam" not in html
    assert html.count('<h2 id="term-') == 1


def test_officers_are_listed_before_the_other_board_members(client, site_pages):
    make_board_membership(make_person("Amina", "Adler"))
    make_board_membership(make_person("Zora", "Ziegler"), role=BoardMembership.Role.CHAIR)
    html = client.get("/en/members/board/").content.decode()
    assert html.index("Zora Ziegler") < html.index("Amina Adler")


def test_email_is_shown_only_when_entered_and_never_as_plain_text(client, site_pages):
    make_board_membership(make_person("Oksana", "Janzen", email="o.janzen@example.org"))
    make_board_membership(make_person("Luna", "Jurado"))
    html = client.get("/de/members/board/").content.decode()
    board = html.split('<main id="main"')[1].split("</main>")[0]
    assert "o.janzen@example.org" not in html
    assert board.count("&#109;&#97;&#105;&#108;&#116;&#111;&#58;") == 1  # one "mailto:"


def test_photo_is_optional(client, site_pages):
    make_board_membership(make_person("Nadia", "Kurtul"))
    html = client.get("/de/members/board/").content.decode()
    assert "Nadia Kurtul" in html
    assert "<picture>" not in html


def test_board_member_links_to_an_active_organisation(client, site_pages):
    organisation = make_organisation("Vietnamzentrum e.V.")
    make_board_membership(make_person("Dang Chau", "Lam", organisation=organisation))
    html = client.get("/de/members/board/").content.decode()
    assert f'<a href="{organisation.get_absolute_url()}"><bdi>Vietnamzentrum e.V.</bdi></a>' in html


@pytest.mark.parametrize("count", [10, 500])
def test_board_page_costs_the_same_queries_for_few_and_many_organisations(
    client, site_pages, django_assert_max_num_queries, count
):
    organisations = make_many_organisations(
        count, make_district(), make_focus_area(), make_language()
    )
    photo = make_image()
    for number in range(count // 10):
        person = make_person(
            f"Person {number}", "Aktuell", organisation=organisations[number], photo=photo
        )
        make_board_membership(person)
    for number in range(count):
        make_board_membership(make_person(f"Person {number}", "Früher"), years_ago=1 + number % 5)
    with django_assert_max_num_queries(3):
        response = client.get("/de/members/board/")
    assert response.content.decode().count('class="card person"') == count // 10


def test_team_page_lists_positions_in_order_with_project(client, site_pages):
    make_team_position(
        make_person("Olga", "Wenzel"),
        job_title_de="Projektmitarbeit",
        job_title_en="Project staff",
        project_de="samo.fa Plus",
        order=2,
    )
    make_team_position(
        make_person("Adriana", "Pombo"),
        job_title_de="Büroleitung",
        job_title_en="Office manager",
        order=1,
    )
    html = client.get("/en/members/team/").content.decode()
    assert html.index("Adriana Pombo") < html.index("Olga Wenzel")
    assert "Project staff" in html and "samo.fa Plus" in html


def test_untranslated_job_title_is_marked_as_german(client, site_pages):
    make_team_position(make_person("Dina", "Krivorutskaya"), job_title_de="Büromanagement")
    html = client.get("/uk/members/team/").content.decode()
    assert '<span lang="de" dir="ltr">Büromanagement</span>' in html


def test_working_groups_show_purpose_and_members(client, site_pages):
    group = make_working_group("Finanzen", purpose_en="Looks after the finances.")
    group.members.add(make_person("Wolfgang", "Becker"))
    html = client.get("/en/members/working-groups/").content.decode()
    assert "Looks after the finances." in html
    assert "Wolfgang Becker" in html


@pytest.mark.parametrize(
    "url",
    [
        "/de/members/board/",
        "/ar/members/board/archive/",
        "/uk/members/team/",
        "/en/members/working-groups/",
        "/fr/members/meeting-points/",
    ],
)
def test_pages_answer_when_nothing_is_entered_yet(client, site_pages, url):
    assert client.get(url).status_code == 200
