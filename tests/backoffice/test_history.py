"""Who changed what and when, and going back to an earlier version."""

from collections import Counter
from contextlib import suppress
from pathlib import Path

import pytest
import reversion
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.apps import content_models
from core.models import Submission
from members.models import Language, MemberOrganisation
from pages.models import Principle
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_application, make_language, make_organisation
from tests.pages.factories import make_principle

from .admin_forms import confirm, form_as_shown, upload
from .factories import make_staff

pytestmark = pytest.mark.django_db

PROJECT_FOLDERS = {Path(settings.BASE_DIR), Path(settings.BASE_DIR) / "tests"}


def is_account_bookkeeping(model):
    return model._meta.app_label == "accounts"


def is_ours(model):
    """Defined in an app folder of this project (not Django's or a library's)."""
    return Path(model._meta.app_config.path).parent in PROJECT_FOLDERS


# Chosen by where the models are and what they are, not by core.apps.is_content_model:
# every admin of the project's own models except those of what visitors send, the site's own
# operation (core: the outgoing emails, read-only, with no versions to go back to) and the
# accounts' bookkeeping (invitations and the account log, which nobody edits).
CONTENT_ADMINS = sorted(
    (
        model_admin
        for model, model_admin in admin.site._registry.items()
        if is_ours(model)
        and not issubclass(model, Submission)
        and model._meta.app_config.name != "core"
        and not is_account_bookkeeping(model)
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


# A first version however an object is made, and the history read in each editor's language.

ORGANISATIONS = "admin:members_memberorganisation"
NEW_ORGANISATION = {"name": "Neuer Verein", "slug": "neuer-verein"}


def added_in_the_admin(client):
    client.post(
        reverse(f"{ORGANISATIONS}_add"),
        NEW_ORGANISATION | {"description_de": "<p>Neu.</p>", "city": "Hannover"},
    )
    return MemberOrganisation.objects.get(slug="neuer-verein")


def made_in_the_shell(client):
    return MemberOrganisation.objects.create(**NEW_ORGANISATION, description_de="<p>Neu.</p>")


def imported(client):
    sheet = "slug,name,description_de\nneuer-verein,Neuer Verein,<p>Neu.</p>\n"
    confirm(client, ORGANISATIONS, upload(client, ORGANISATIONS, sheet))
    return MemberOrganisation.objects.get(slug="neuer-verein")


def accepted(client):
    application = make_application()
    client.post(
        reverse("admin:members_membershipapplication_changelist"),
        {"action": "accept", "_selected_action": [application.pk]},
    )
    return MemberOrganisation.objects.get(application=application)


def loaded_with_the_demo(client):
    call_command("load_demo", verbosity=0)
    return MemberOrganisation.objects.get(slug="kargah")


WAYS = [added_in_the_admin, made_in_the_shell, imported, accepted, loaded_with_the_demo]


@pytest.fixture
def made(request, client, django_capture_on_commit_callbacks):
    """An organisation made the parametrised way by an office editor, its transaction
    committed (the test's own transaction runs what waits for the commit)."""
    client.force_login(make_staff(superuser=True, admin_language="en"))
    with django_capture_on_commit_callbacks(execute=True):
        return request.param(client)


@pytest.mark.parametrize("made", WAYS, indirect=True, ids=lambda way: way.__name__)
def test_a_new_object_has_exactly_one_version_however_it_was_made(made):
    assert Version.objects.get_for_object(made).count() == 1


@pytest.mark.parametrize("made", WAYS, indirect=True, ids=lambda way: way.__name__)
def test_the_first_version_can_be_restored_however_the_object_was_made(client, made):
    original = made.name
    made.name = "Umbenannt"
    made.save()
    (first,) = Version.objects.get_for_object(made)

    url = reverse(f"{ORGANISATIONS}_revision", args=[made.pk, first.pk])
    response = client.post(url, form_as_shown(client.get(url)))

    assert response.status_code == 302
    made.refresh_from_db()
    assert made.name == original


def test_the_first_version_of_an_object_made_outside_the_admin_has_its_many_to_many_values(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        greek = make_language()
        organisation = make_organisation(languages=[greek])
    (version,) = Version.objects.get_for_object(organisation)
    assert version.field_dict["languages"] == [greek.pk]


def test_an_object_made_after_a_rolled_back_part_of_its_transaction_gets_its_first_version(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with suppress(RuntimeError), transaction.atomic():
            make_principle(text="Verworfen")
            raise RuntimeError("undone, back to the savepoint")
        principle = make_principle(text="Behalten")
    assert Version.objects.get_for_object(principle).count() == 1


def test_a_recovered_object_gets_one_version_more(client, django_capture_on_commit_callbacks):
    client.force_login(make_staff(superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        principle = make_principle(text="Diversity")
    edit(client, principle, text_en="Diversity matters")
    client.post(reverse("admin:pages_principle_delete", args=[principle.pk]), {"post": "yes"})
    (deleted,) = Version.objects.get_deleted(Principle)
    url = reverse("admin:pages_principle_recover", args=[deleted.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form_as_shown(client.get(url)))
    # Created, changed, recovered.
    assert Version.objects.get_for_object_reference(Principle, principle.pk).count() == 3


def test_every_object_the_demo_loader_makes_has_one_version(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    made = [
        (ContentType.objects.get_for_model(model).pk, str(pk))
        for model in content_models()
        for pk in model._base_manager.values_list("pk", flat=True)
    ]
    assert Counter(Version.objects.values_list("content_type", "object_id")) == Counter(made)


def test_first_versions_cost_the_same_queries_for_few_and_many_new_objects(
    db, django_capture_on_commit_callbacks
):
    for model in (Language, MemberOrganisation):
        ContentType.objects.get_for_model(model)  # cached from here on, as on a running site

    def queries_to_record(count):
        with django_capture_on_commit_callbacks() as callbacks:
            language = make_language(code=f"x{count}")
            organisations = [make_organisation(languages=[language]) for _ in range(count)]
        with CaptureQueriesContext(connection) as queries:
            for callback in callbacks:
                callback()
        assert all(Version.objects.get_for_object(o).exists() for o in organisations)
        return len(queries)

    assert queries_to_record(2) == queries_to_record(20)


def history_as_read_by(client, obj, language):
    """The object's history page, read by an office editor whose admin speaks ``language``."""
    client.force_login(make_staff(superuser=True, admin_language=language))
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
    return client.get(url).content.decode()


def test_a_change_by_an_english_speaking_editor_reads_in_arabic(client):
    principle = make_principle(text="Solidarity")
    client.force_login(make_staff(superuser=True, admin_language="en"))
    edit(client, principle, text_ar="التضامن")
    html = history_as_read_by(client, principle, "ar")
    assert "تم تغيير النص [ar]." in html
    assert "Changed" not in html


def test_a_change_by_an_arabic_speaking_editor_reads_in_english(client):
    principle = make_principle(text="Solidarity")
    client.force_login(make_staff(superuser=True, admin_language="ar"))
    edit(client, principle, text_ar="التضامن")
    html = history_as_read_by(client, principle, "en")
    assert "Changed Text [ar]." in html
    assert "تم تغيير" not in html


def in_language(language, message, **values):
    with translation.override(language):
        return translation.gettext(message) % values


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize(
    ("made", "message"),
    [(made_in_the_shell, "Created"), (imported, "Imported from a spreadsheet")],
    indirect=["made"],
    ids=["created", "imported"],
)
def test_the_projects_own_comments_read_in_the_readers_language(client, made, message, language):
    html = history_as_read_by(client, made, language)
    assert f"<td>{in_language(language, message)}</td>" in html


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "en"])
def test_the_projects_own_comments_are_translated(language):
    messages = [
        "Created",
        "Imported from a spreadsheet",
        "Created from membership application %(number)s",
        "Restored the version saved on %(date)s",
        "Recovered after deletion, as saved on %(date)s",
    ]
    with translation.override(language):
        assert [message for message in messages if translation.gettext(message) == message] == []


def restore_first_version(client, principle):
    first = Version.objects.get_for_object(principle).order_by("pk").first()
    url = reverse("admin:pages_principle_revision", args=[principle.pk, first.pk])
    client.post(url, form_as_shown(client.get(url)))
    return first


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_a_restore_reads_in_the_readers_language_with_the_restored_date(client, language):
    principle = make_principle(text="Original")
    client.force_login(make_staff(superuser=True, admin_language="de"))
    edit(client, principle, text_en="First")
    edit(client, Principle.objects.get(pk=principle.pk), text_en="Second")
    first = restore_first_version(client, principle)

    html = history_as_read_by(client, principle, language)
    with translation.override(language):
        saved = formats.localize(timezone.localtime(first.revision.date_created))
    assert in_language(language, "Restored the version saved on %(date)s", date=saved) in html


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_recover_list_shows_the_last_comment_in_the_readers_language(client, language):
    principle = make_principle(text="Diversity")
    client.force_login(make_staff(superuser=True, admin_language="de"))
    edit(client, principle, text_en="Diversity matters")
    client.post(reverse("admin:pages_principle_delete", args=[principle.pk]), {"post": "yes"})

    client.force_login(make_staff(superuser=True, admin_language=language))
    html = client.get(reverse("admin:pages_principle_recoverlist")).content.decode()
    changed = {"en": "Changed Text [en].", "ar": "تم تغيير النص [en]."}
    assert f"<td>{changed[language]}</td>" in html


def test_a_comment_stored_as_plain_text_shows_as_written(client):
    principle = make_principle()
    with reversion.create_revision():
        reversion.add_to_revision(principle)
        reversion.set_comment("Tippfehler korrigiert")
    assert "<td>Tippfehler korrigiert</td>" in history_as_read_by(client, principle, "ar")
