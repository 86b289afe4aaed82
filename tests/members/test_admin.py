import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from members.models import MeetingPoint
from tests.members.factories import (
    make_application,
    make_district,
    make_meeting_point,
    make_organisation,
)
from tests.people.factories import make_board_membership, make_team_position, make_working_group

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.fixture
def content(db):
    organisation = make_organisation(district=make_district())
    make_meeting_point(host=organisation, is_example=True)
    make_board_membership()
    make_team_position()
    make_working_group()
    make_application()


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_every_admin_list_and_form_opens(admin_client, admin_user, content, model):
    opts = model._meta
    url = f"admin:{opts.app_label}_{opts.model_name}"
    assert admin_client.get(reverse(f"{url}_changelist")).status_code == 200
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    may_add = admin.site._registry[model].has_add_permission(request)
    assert admin_client.get(reverse(f"{url}_add")).status_code == (200 if may_add else 403)


def test_example_meeting_points_are_marked_in_the_admin_list(admin_client, content):
    html = admin_client.get("/admin/members/meetingpoint/?is_example__exact=1").content.decode()
    assert MeetingPoint.objects.get().name in html
    assert '<span class="status-badge status-example">Beispieldaten</span>' in html


def test_applications_cannot_be_added_by_hand(admin_client, db):
    assert admin_client.get("/admin/members/membershipapplication/add/").status_code == 403
