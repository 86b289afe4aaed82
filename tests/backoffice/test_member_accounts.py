"""The office manages member accounts, and can never raise anyone's rights with it."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from backoffice.roles import BOARD, MEMBERS, OFFICE
from tests.security.html_forms import forms_on

from .factories import make_staff

pytestmark = pytest.mark.django_db

USERS = reverse("admin:auth_user_changelist")


def change_url(account):
    return reverse("admin:auth_user_change", args=[account.pk])


@pytest.fixture
def office_user():
    return make_staff("buero", groups=[OFFICE.group], admin_language="en")


@pytest.fixture
def office(client, office_user):
    client.force_login(office_user)
    return client


@pytest.fixture
def member():
    return User.objects.create_user("ayse", email="ayse@example.org", password="x" * 16)


def group(role):
    return Group.objects.get(name=role.group)


def send_form(client, account, unticked=(), **changes):
    """The account's form as the browser shows it, sent with ``changes`` and the boxes
    named in ``unticked`` cleared."""
    response = client.get(change_url(account))
    assert response.status_code == 200
    shown = max(forms_on(response.content.decode()), key=lambda form: len(form.fields))
    data = shown.values() | changes
    for name in unticked:
        del data[name]
    return client.post(change_url(account), data)


def test_the_office_puts_a_person_into_the_members_group(office, member):
    response = send_form(office, member, groups=[str(group(MEMBERS).pk)])
    assert response.status_code == 302
    assert list(member.groups.values_list("name", flat=True)) == [MEMBERS.group]


def test_the_office_takes_a_person_out_of_the_members_group(office, member):
    member.groups.add(group(MEMBERS))
    assert send_form(office, member, unticked=["groups"]).status_code == 302
    assert not member.groups.exists()


def test_the_office_deactivates_an_account(office, member):
    assert send_form(office, member, unticked=["is_active"]).status_code == 302
    member.refresh_from_db()
    assert not member.is_active


def test_the_office_reactivates_an_account(office, member):
    member.is_active = False
    member.save()
    assert send_form(office, member, is_active="on").status_code == 302
    member.refresh_from_db()
    assert member.is_active


def test_the_office_is_offered_only_the_members_group(office, member):
    form = office.get(change_url(member)).context["adminform"].form
    assert list(form.fields["groups"].queryset) == [group(MEMBERS)]


def test_the_office_cannot_make_an_account_staff_or_superuser(office, member):
    send_form(office, member, is_staff="on", is_superuser="on")
    member.refresh_from_db()
    assert (member.is_staff, member.is_superuser) == (False, False)


def test_the_office_cannot_give_an_account_a_permission(office, member):
    permission = Permission.objects.get(codename="change_user")
    send_form(office, member, user_permissions=[str(permission.pk)])
    assert not member.user_permissions.exists()


@pytest.mark.parametrize("role", [OFFICE, BOARD], ids=lambda role: role.group)
def test_the_office_cannot_put_an_account_into_another_group(office, member, role):
    response = send_form(office, member, groups=[str(group(role).pk)])
    assert response.status_code == 200
    assert not member.groups.exists()


def test_the_office_keeps_the_other_groups_of_an_account(office, member):
    member.groups.add(group(BOARD))
    send_form(office, member, groups=[str(group(MEMBERS).pk)])
    assert set(member.groups.values_list("name", flat=True)) == {BOARD.group, MEMBERS.group}


def test_the_office_cannot_add_an_account_with_rights(office):
    response = office.post(
        reverse("admin:auth_user_add"),
        {
            "username": "neu",
            "usable_password": "false",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [str(group(OFFICE).pk)],
        },
    )
    assert response.status_code == 302
    created = User.objects.get(username="neu")
    assert (created.is_staff, created.is_superuser, created.groups.exists()) == (
        False,
        False,
        False,
    )


@pytest.mark.parametrize("rights", [{"is_superuser": True}, {"is_staff": True}], ids=str)
def test_the_office_cannot_open_an_account_with_rights(office, rights):
    account = User.objects.create_user("chef", password="x" * 16, **rights)
    assert office.get(change_url(account)).status_code == 302
    assert "chef" not in office.get(USERS).content.decode()


@pytest.mark.parametrize("rights", [{"is_superuser": True}, {"is_staff": True}], ids=str)
def test_the_office_cannot_deactivate_an_account_with_rights(office, rights):
    account = User.objects.create_user("chef", password="x" * 16, **rights)
    office.post(change_url(account), {"username": "chef", "email": ""})
    account.refresh_from_db()
    assert account.is_active


def test_the_office_cannot_change_its_own_account(office, office_user):
    office.post(change_url(office_user), {"username": "buero", "groups": []})
    assert list(office_user.groups.values_list("name", flat=True)) == [OFFICE.group]


def test_a_save_that_would_give_an_account_rights_is_refused_on_the_server(office_user, member):
    """The form offers no such field; the save checks all the same."""
    model_admin = admin.site._registry[User]
    request = RequestFactory().post(change_url(member))
    request.user = office_user
    member.is_staff = True
    form = model_admin.get_form(request, member)(instance=member)
    with pytest.raises(PermissionDenied):
        model_admin.save_model(request, member, form, change=True)


def test_a_board_member_sees_no_accounts(client):
    client.force_login(make_staff(groups=[BOARD.group]))
    assert client.get(USERS).status_code == 403
    assert USERS not in client.get(reverse("admin:index")).content.decode()


def test_a_superuser_still_makes_staff(client, member):
    client.force_login(make_staff(superuser=True))
    assert send_form(client, member, is_staff="on").status_code == 302
    member.refresh_from_db()
    assert member.is_staff
