"""Shared mechanisms find content and submissions by type, in every app, new ones included.

The models are read from the project's own folders, not from any list in the
code under test: a model that is neither content nor a submission, or that the
page cache, the history or the Office role misses, fails here.
"""

from pathlib import Path

import pytest
import reversion
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group

from core.apps import is_content_model
from core.cache import content_changed, generation
from core.models import Submission
from tests.contentapp.models import Notice, Suggestion

pytestmark = pytest.mark.django_db

PROJECT_FOLDERS = {Path(settings.BASE_DIR), Path(settings.BASE_DIR) / "tests"}


def is_account_bookkeeping(model):
    return model._meta.app_label == "accounts" and not issubclass(model, Submission)


def project_models():
    """Every concrete model defined in an app folder of this project."""
    return sorted(
        (
            model
            for model in apps.get_models()
            if Path(model._meta.app_config.path).parent in PROJECT_FOLDERS
            # Neither, unless what people send: the back office's own bookkeeping (each editor's
            # admin language), the site's operation (core: the outgoing emails, the days the
            # daily jobs ran) and the accounts' (memberships, calendar addresses, invitations,
            # the account log).
            and model._meta.app_config.name not in {"backoffice", "core"}
            and not is_account_bookkeeping(model)
            # Rows rebuilt from the content they come from (an event's dates).
            and not getattr(model, "derived_content", False)
        ),
        key=lambda model: model._meta.label,
    )


CONTENT = [model for model in project_models() if not issubclass(model, Submission)]
SUBMISSIONS = [model for model in project_models() if issubclass(model, Submission)]


def label(model):
    return model._meta.label


@pytest.fixture
def stamp(settings, tmp_path):
    settings.PAGE_CACHE_STAMP = tmp_path / "page-cache.stamp"


def test_the_models_are_found_in_every_app():
    found = {model._meta.app_label for model in project_models()}
    assert found >= {"pages", "members", "people", "news", "events", "projects", "documents"}
    assert {Notice, Suggestion} <= set(project_models())


@pytest.mark.parametrize("model", CONTENT, ids=label)
def test_every_content_model_is_content(model):
    assert is_content_model(model)


@pytest.mark.parametrize("model", CONTENT, ids=label)
def test_a_change_to_any_content_model_clears_the_page_cache(stamp, model):
    before = generation()
    content_changed(sender=model)
    assert generation() != before


@pytest.mark.parametrize("model", SUBMISSIONS, ids=label)
def test_a_submission_leaves_the_page_cache_alone(stamp, model):
    before = generation()
    content_changed(sender=model)
    assert generation() == before


@pytest.mark.parametrize("model", CONTENT, ids=label)
def test_every_content_model_keeps_its_history(model):
    assert reversion.is_registered(model)


@pytest.mark.parametrize("model", CONTENT + SUBMISSIONS, ids=label)
def test_the_office_may_change_every_content_and_submission_model(model):
    office = Group.objects.get(name="Office")
    codenames = set(
        office.permissions.filter(content_type__app_label=model._meta.app_label).values_list(
            "codename", flat=True
        )
    )
    name = model._meta.model_name
    assert {f"add_{name}", f"change_{name}", f"delete_{name}", f"view_{name}"} <= codenames


def test_the_office_has_no_permission_outside_content_submissions_accounts_and_emails():
    office = Group.objects.get(name="Office")
    covered = {(model._meta.app_label, model._meta.model_name) for model in CONTENT + SUBMISSIONS}
    granted = set(office.permissions.values_list("content_type__app_label", "content_type__model"))
    operation = {("auth", "user"), ("core", "outgoingemail")}
    accounts = {("accounts", "invitation"), ("accounts", "accountevent")}
    assert granted == covered | operation | accounts


def test_a_new_apps_content_clears_the_page_cache_when_saved(stamp):
    before = generation()
    Notice.objects.create(title="Neu")
    assert generation() != before


def test_a_new_apps_submission_leaves_the_page_cache_alone(stamp):
    before = generation()
    Suggestion.objects.create(text="Bitte mehr Termine am Abend.", language="de")
    assert generation() == before


def test_a_new_apps_content_is_kept_in_the_history_wherever_it_is_saved():
    with reversion.create_revision():
        notice = Notice.objects.create(title="Neu")
    assert reversion.models.Version.objects.get_for_object(notice).count() == 1


def test_a_new_apps_submission_is_in_the_inbox(admin_client):
    Suggestion.objects.create(text="Bitte mehr Termine am Abend.", language="de")
    inbox = admin_client.get("/admin/").context["inbox"]
    entry = next(entry for entry in inbox if entry["model"] == "contentapp.suggestion")
    assert entry["new"] == 1
