import pytest

from members import demo as members_demo
from people import demo as people_demo
from people.models import BoardMembership, TeamPosition, WorkingGroup
from tests.languages import LANGUAGE_CODES


@pytest.fixture
def demo(db):
    # This app's part of ``manage.py load_demo``, after the organisations it links to.
    members_demo.load()
    return people_demo.load()


def test_demo_loads_once_and_a_second_run_creates_nothing(demo):
    assert demo > 20
    assert people_demo.load() == 0


def test_demo_board_is_the_current_board_of_seven(demo):
    current = BoardMembership.objects.current()
    assert current.count() == 7
    assert "Bakari Tangara" in {str(m.person) for m in current}


def test_demo_archive_holds_the_2016_to_2018_board(demo):
    earlier = {str(m.person) for m in BoardMembership.objects.past()}
    assert earlier == {"Abayomi Bankole", "Ferdos Mirabadi", "Dr. Peyman Javaher-Haghighi"}


def test_demo_team_and_working_groups(demo):
    assert TeamPosition.objects.count() == 8
    assert WorkingGroup.objects.count() == 6
    assert TeamPosition.objects.get(person__last_name="Pombo").job_title_de == "Büroleitung"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_demo_people_pages_answer_in_every_language(client, demo, language):
    for path in ["board/", "board/archive/", "team/", "working-groups/"]:
        assert client.get(f"/{language}/members/{path}").status_code == 200, path
