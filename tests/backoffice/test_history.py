"""Who changed what and when, and going back to an earlier version."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.models import Submission
from pages.models import Principle
from tests.languages import LANGUAGE_CODES
from tests.pages.factories import make_principle

from .admin_forms import form_as_shown
from .factories import make_staff

pytestmark = pytest.mark.django_db

PROJECT_FOLDERS = {Path(settings.BASE_DIR), Path(settings.BASE_DIR) / "tests"}


def is_ours(model):
    """Defined in an app folder of this project (not Django's or a library's)."""
    return Path(model._meta.app_config.path).parent in PROJECT_FOLDERS


# Chosen by where the models are and what they are, not by core.apps.is_content_model:
# every admin of the project's own models except those of what visitors send.
CONTENT_ADMINS = sorted(
    (
        model_admin
        for model, model_admin in admin.site._registry.items()
        if is_ours(model) and not issubclass(model, Submission)
    ),
    key=lambda model_admin: model_admin.model._meta.label,
)


def test_the_content_admins_of_every_app_are_found():
    apps_found = {model_admin.model._meta.app_label for model_admin in CONTENT_ADMINS}
    assert {"pages", "members", "people", "news", "events", "projects", "documents"} <= apps_found


@pytest.mark.parametrize(
    "model_admin", CONTENT_ADMINS, ids=lambda model_admin: model_admin.model._meta.label
)
def test_every_content_admin_shows_the_history(model_admin):
    assert isinstance(model_admin, VersionAdmin)


def principle_form(principle, **changes):
    data = {"order": principle.order}
    data |= {f"text_{code}": getattr(principle, f"text_{code}") or "" for code in LANGUAGE_CODES}
    return data | changes


def edit(client, principle, **changes):
    response = client.post(
        reverse("admin:pages_principle_change", args=[principle.pk]),
        principle_form(principle, **changes),
    )
    assert response.status_code == 302


def test_an_edit_in_the_admin_is_kept_as_a_version_with_its_author(client):
    principle = make_principle(text="Solidarity")
    editor = make_staff("amira", superuser=True)
    client.force_login(editor)
    edit(client, principle, text_ar="التضامن")
    (version,) = Version.objects.get_for_object(principle)
    assert version.revision.user == editor
    assert version.field_dict["text_ar"] == "التضامن"


def test_the_history_page_lists_who_changed_the_object(client):
    principle = make_principle()
    client.force_login(make_staff("jonas", superuser=True))
    edit(client, principle, text_en="Changed")
    html = client.get(reverse("admin:pages_principle_history", args=[principle.pk])).content
    assert b"jonas" in html


def test_an_earlier_version_can_be_restored(client):
    principle = make_principle(text="Original")
    client.force_login(make_staff(superuser=True))
    edit(client, principle, text_de="Erste Fassung", text_ar="النسخة الأولى")
    edit(client, Principle.objects.get(pk=principle.pk), text_de="Fehler", text_ar="خطأ")
    first = Version.objects.get_for_object(principle).order_by("pk").first()

    url = reverse("admin:pages_principle_revision", args=[principle.pk, first.pk])
    response = client.post(url, form_as_shown(client.get(url)))

    assert response.status_code == 302
    principle.refresh_from_db()
    assert (principle.text_de, principle.text_ar) == ("Erste Fassung", "النسخة الأولى")


def test_the_revision_form_shows_the_old_texts_in_every_language(client):
    principle = make_principle(text="Original")
    client.force_login(make_staff(superuser=True))
    edit(client, principle, text_uk="Стара версія")
    edit(client, Principle.objects.get(pk=principle.pk), text_uk="Нова версія")
    first = Version.objects.get_for_object(principle).order_by("pk").first()
    html = client.get(
        reverse("admin:pages_principle_revision", args=[principle.pk, first.pk])
    ).content.decode()
    assert "Стара версія" in html
    assert "Нова версія" not in html


def test_a_deleted_object_can_be_recovered(client):
    principle = make_principle(text="Diversity")
    client.force_login(make_staff(superuser=True))
    edit(client, principle, text_en="Diversity matters")
    client.post(reverse("admin:pages_principle_delete", args=[principle.pk]), {"post": "yes"})
    assert not Principle.objects.exists()
    (deleted,) = Version.objects.get_deleted(Principle)
    url = reverse("admin:pages_principle_recover", args=[deleted.pk])
    client.post(url, form_as_shown(client.get(url)))
    assert Principle.objects.get().text_en == "Diversity matters"
