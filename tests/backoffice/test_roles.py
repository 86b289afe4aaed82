import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management.sql import emit_post_migrate_signal

from backoffice.roles import BOARD, MEMBERS, OFFICE, ROLES
from images.models import Image
from pages.models import Page
from people.models import Person
from tests.accounts.factories import give_second_factor
from tests.images.factories import image_file
from tests.members.factories import make_organisation
from tests.people.factories import make_person, make_team_position


def staff_user(role):
    user = User.objects.create_user(f"{role.group.lower()}-user", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role.group))
    give_second_factor(user)
    return user


@pytest.fixture
def board_client(client, db):
    client.force_login(staff_user(BOARD))
    return client


@pytest.fixture
def office_client(client, db):
    client.force_login(staff_user(OFFICE))
    return client


def test_migrate_creates_every_group(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {role.group for role in ROLES}


def test_members_get_no_permission_in_the_admin(db):
    assert not Group.objects.get(name=MEMBERS.group).permissions.exists()


def test_the_office_may_not_change_editor_preferences_groups_or_permissions(db):
    office = Group.objects.get(name=OFFICE.group)
    labels = set(office.permissions.values_list("content_type__app_label", flat=True))
    assert not labels & {"backoffice", "admin", "sessions", "contenttypes"}
    granted_in_auth = set(
        office.permissions.filter(content_type__app_label="auth").values_list("codename", flat=True)
    )
    assert granted_in_auth == {"view_user", "add_user", "change_user"}


def test_board_may_only_edit_people_board_and_team(db):
    board = Group.objects.get(name=BOARD.group)
    codenames = set(board.permissions.values_list("codename", flat=True))
    for model in ["person", "boardmembership", "teamposition"]:
        for action in ["add", "change", "delete", "view"]:
            assert f"{action}_{model}" in codenames
    assert "view_memberorganisation" in codenames
    assert "change_memberorganisation" not in codenames
    assert not {c for c in codenames if c.endswith(("membershipapplication", "workinggroup"))}


def test_board_user_cannot_change_an_organisation(board_client):
    organisation = make_organisation("kargah e.V.")
    url = f"/admin/members/memberorganisation/{organisation.pk}/change/"
    response = board_client.post(url, {"name": "Geändert", "slug": organisation.slug})
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.name == "kargah e.V."


def test_board_user_cannot_add_an_organisation(board_client):
    assert board_client.get("/admin/members/memberorganisation/add/").status_code == 403


def test_board_user_can_change_the_team_page(board_client):
    position = make_team_position(make_person("Adriana", "Pombo"), job_title_de="Büroleitung")
    url = f"/admin/people/teamposition/{position.pk}/change/"
    assert board_client.get(url).status_code == 200
    response = board_client.post(
        url,
        {
            "person": position.person.pk,
            "job_title_de": "Geschäftsführung",
            "job_title_en": "Managing director",
            "order": 1,
        },
    )
    assert response.status_code == 302
    position.refresh_from_db()
    assert position.job_title_de == "Geschäftsführung"
    assert "Managing director" in board_client.get("/en/members/team/").content.decode()


def test_board_user_can_add_a_person(board_client):
    response = board_client.post(
        "/admin/people/person/add/",
        {
            "first_name": "Bakari",
            "last_name": "Tangara",
            "board_memberships-TOTAL_FORMS": 1,
            "board_memberships-INITIAL_FORMS": 0,
            "board_memberships-0-role": "member",
            "board_memberships-0-term_start": "2026-05-01",
            "board_memberships-0-term_end": "2028-04-30",
        },
    )
    assert response.status_code == 302
    assert "Bakari Tangara" in board_client.get("/de/members/board/").content.decode()


def test_board_user_can_add_a_photo_to_the_library_and_choose_it_for_a_person(board_client):
    response = board_client.post(
        "/admin/images/image/add/",
        {"file": image_file(), "alt_de": "Bakari Tangara", "focal_x": "50", "focal_y": "50"},
    )
    assert response.status_code == 302
    photo = Image.objects.get()
    response = board_client.post(
        "/admin/people/person/add/",
        {
            "first_name": "Bakari",
            "last_name": "Tangara",
            "photo": photo.pk,
            "board_memberships-TOTAL_FORMS": 0,
            "board_memberships-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    assert Person.objects.get().photo == photo


def test_office_user_can_change_an_organisation(office_client):
    organisation = make_organisation("kargah e.V.")
    url = f"/admin/members/memberorganisation/{organisation.pk}/change/"
    assert office_client.get(url).status_code == 200


def test_permissions_of_models_added_later_reach_the_office_after_migrate(db):
    content_type = ContentType.objects.get_for_model(Page)
    later = Permission.objects.create(
        codename="archive_page", name="Can archive page", content_type=content_type
    )
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Group.objects.get(name=OFFICE.group).permissions.filter(pk=later.pk).exists()
    assert not Group.objects.get(name=BOARD.group).permissions.filter(pk=later.pk).exists()
