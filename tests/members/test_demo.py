import pytest

from members import demo as members_demo
from members.models import MeetingPoint, MemberOrganisation
from tests.languages import LANGUAGE_CODES


@pytest.fixture
def demo(db):
    # This app's part of ``manage.py load_demo``, on its own.
    return members_demo.load()


def test_demo_loads_once_and_a_second_run_creates_nothing(demo):
    assert demo > 30
    assert members_demo.load() == 0


def test_demo_keeps_what_the_office_edited(demo):
    MemberOrganisation.objects.filter(slug="kargah").update(phone="0511 000000")
    members_demo.load()
    assert MemberOrganisation.objects.get(slug="kargah").phone == "0511 000000"


def test_demo_names_the_member_organisations_from_the_seeds(demo):
    names = set(MemberOrganisation.objects.values_list("name", flat=True))
    assert len(names) >= 15
    for name in ["kargah e.V.", "Vietnamzentrum e.V.", "Tolstoi e.V.", "Ukrainischer Verein"]:
        assert name in names


def test_demo_organisations_are_where_the_seeds_say(demo):
    kargah = MemberOrganisation.objects.get(slug="kargah")
    assert kargah.street == "Zur Bettfedernfabrik 1"
    assert kargah.district.name_de == "Linden-Nord"
    assert kargah.district.part_of.name_de == "Linden"
    assert MemberOrganisation.objects.get(slug="radio-flora").district.name_de == "Linden"
    # The seeds give no address for these: nothing is invented.
    assert MemberOrganisation.objects.get(slug="tolstoi").street == ""
    assert MemberOrganisation.objects.get(slug="tolstoi").district is None


def test_demo_descriptions_are_written_in_every_language(demo):
    for organisation in MemberOrganisation.objects.all():
        texts = [getattr(organisation, f"description_{code}") for code in LANGUAGE_CODES]
        assert all(texts), organisation.slug
        assert len(set(texts)) == len(LANGUAGE_CODES), organisation.slug


def test_demo_meeting_points_are_marked_as_example_data(demo):
    assert MeetingPoint.objects.count() == 5
    assert not MeetingPoint.objects.filter(is_example=False).exists()


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_demo_members_pages_answer_in_every_language(client, demo, language):
    for path in ["", "organisations/kargah/", "meeting-points/"]:
        assert client.get(f"/{language}/members/{path}").status_code == 200, path
