"""Logins are limited, passwords checked, sessions end, and staff see only their area."""

from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse
from django.utils import translation

from tests.accounts.factories import is_logged_in
from tests.accounts.factories import log_in as sign_in

from .factories import PASSWORD, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_password_hashing")]


def log_in(client, username, password, address="198.51.100.7"):
    """Through the site's sign-in form, as staff sign in (``make_staff``'s addresses)."""
    email = f"{username}@example.org"
    return sign_in(client, email, password, address=address, next_url=reverse("admin:index"))


def fail(client, username, times, address="198.51.100.7"):
    for _ in range(times):
        log_in(client, username, "wrong password", address)


def test_the_right_password_logs_in(client):
    make_staff("office")
    assert log_in(client, "office", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_a_user_is_locked_out_after_the_configured_number_of_failures(client):
    make_staff("office")
    fail(client, "office", settings.AXES_FAILURE_LIMIT)
    response = log_in(client, "office", PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)
    assert "account/locked_out.html" in [template.name for template in response.templates]
    with translation.override(settings.LANGUAGE_CODE):
        assert translation.gettext("Too many failed logins") in response.content.decode()


def test_one_failure_fewer_does_not_lock_out(client):
    make_staff("office")
    fail(client, "office", settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, "office", PASSWORD).status_code == 302


def test_the_lock_out_is_for_that_user_from_that_address_only(client):
    make_staff("office")
    make_staff("board")
    fail(client, "office", settings.AXES_FAILURE_LIMIT)
    assert log_in(client, "board", PASSWORD).status_code == 302
    client.logout()
    assert log_in(client, "office", PASSWORD, address="203.0.113.9").status_code == 302


def time_passes(minutes):
    """As if ``minutes`` had passed: every recorded failure moves that far into the past."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_a_lock_out_ends_half_an_hour_after_it_began_however_often_someone_keeps_trying(client):
    make_staff("office")
    fail(client, "office", settings.AXES_FAILURE_LIMIT)
    for _ in range(3):
        time_passes(9)
        assert log_in(client, "office", "wrong password").status_code == 429
    time_passes(4)
    assert log_in(client, "office", PASSWORD).status_code == 302


def test_the_limit_is_five_failures_and_the_lock_lasts_half_an_hour():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == 0.5


@pytest.mark.parametrize("password", ["short1", "password1234", "123456789012", "office-office"])
def test_weak_passwords_are_refused(password):
    user = make_staff("office-office")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_passphrase_is_accepted():
    validate_password(PASSWORD, make_staff())


def test_the_session_ends_with_the_browser_and_after_a_working_day(client):
    make_staff("office")
    response = log_in(client, "office", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 8 * 60 * 60


def admin_index_models(client):
    response = client.get(reverse("admin:index"))
    return {
        (app["app_label"], model["object_name"].lower())
        for app in response.context["app_list"]
        for model in app["models"]
    }


def test_a_board_member_sees_only_the_people_area(client):
    client.force_login(make_staff(groups=["Board"]))
    shown = admin_index_models(client)
    assert ("people", "person") in shown
    assert {app for app, _model in shown} == {"members", "people", "images"}
    # Organisations only to look them up when linking a person (see the next tests); the
    # image library for the people's photos.
    people_area = {"person", "boardmembership", "teamposition", "memberorganisation", "image"}
    assert {model for _app, model in shown} <= people_area


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:news_post_changelist",
        "admin:events_event_changelist",
        "admin:pages_page_changelist",
        "admin:pages_contactmessage_changelist",
        "admin:members_membershipapplication_changelist",
        "admin:auth_user_changelist",
    ],
)
def test_a_board_member_cannot_open_other_areas(client, url_name):
    client.force_login(make_staff(groups=["Board"]))
    assert client.get(reverse(url_name)).status_code == 403


def test_a_board_member_cannot_change_organisations(client):
    client.force_login(make_staff(groups=["Board"]))
    assert client.get(reverse("admin:members_memberorganisation_add")).status_code == 403


def test_a_board_member_sees_no_inbox(client):
    client.force_login(make_staff(groups=["Board"]))
    assert client.get(reverse("admin:index")).context["inbox"] == []


def test_office_staff_see_every_area_of_the_project_in_the_admin(client):
    # Every app of this project (not Django's or a library's) with a model in the admin.
    project_folders = {Path(settings.BASE_DIR), Path(settings.BASE_DIR) / "tests"}
    areas = {
        model._meta.app_label
        for model in admin.site._registry
        if Path(model._meta.app_config.path).parent in project_folders
    }
    assert {"pages", "members", "people", "news", "events", "projects", "documents"} <= areas
    client.force_login(make_staff(groups=["Office"]))
    assert areas <= {app for app, _model in admin_index_models(client)}
