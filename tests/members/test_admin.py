import pytest

from members.models import MeetingPoint, MembershipApplication
from tests.members.factories import (
    make_board_membership,
    make_district,
    make_meeting_point,
    make_organisation,
    make_team_position,
    make_working_group,
)

MODELS = [
    "district",
    "focusarea",
    "language",
    "memberorganisation",
    "meetingpoint",
    "person",
    "boardmembership",
    "teamposition",
    "workinggroup",
    "membershipapplication",
]


@pytest.fixture
def content(db):
    organisation = make_organisation(district=make_district())
    make_meeting_point(host=organisation, is_example=True)
    make_board_membership()
    make_team_position()
    make_working_group()
    MembershipApplication.objects.create(
        organisation_name="Neuer Verein",
        contact_name="Amina Yusuf",
        email="amina@example.org",
        activities="Kultur",
        accepts_principles=True,
        language="de",
    )


@pytest.mark.parametrize("model", MODELS)
def test_every_admin_list_and_form_opens(admin_client, content, model):
    assert admin_client.get(f"/admin/members/{model}/").status_code == 200
    if model != "membershipapplication":
        assert admin_client.get(f"/admin/members/{model}/add/").status_code == 200


def test_example_meeting_points_are_marked_in_the_admin_list(admin_client, content):
    html = admin_client.get("/admin/members/meetingpoint/?is_example__exact=1").content.decode()
    assert MeetingPoint.objects.get().name in html
    assert "column-is_example" in html
    assert 'class="field-is_example"><img src="/static/admin/img/icon-yes.svg"' in html


def test_applications_cannot_be_added_by_hand(admin_client, db):
    assert admin_client.get("/admin/members/membershipapplication/add/").status_code == 403
