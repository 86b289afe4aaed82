"""The search finds the content as it is now: after edits in code, the admin, a
spreadsheet import and the demo loader, after deletions, and, for writes that bypass
``save()``, after ``manage.py rebuild_search_index``.

On PostgreSQL every search reads the content tables; on SQLite these tests hold only
if the FTS5 index follows each change. The tests that look into the index itself are
marked SQLite-only.
"""

import io

import pytest
import reversion
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from reversion.models import Version

from members.models import MemberOrganisation
from news.models import Post
from search.sqlite_index import rowid
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_organisation
from tests.news.factories import make_many_posts, make_post

from .results import on_postgresql, on_sqlite, result_titles, search


def rebuild():
    output = io.StringIO()
    call_command("rebuild_search_index", stdout=output)
    return output.getvalue()


def index_rows(kind, pk):
    """The languages of the index rows of one object."""
    rowids = {rowid(kind, code, pk): code for code in LANGUAGE_CODES}
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM search_index")
        return sorted(rowids[found] for (found,) in cursor.fetchall() if found in rowids)


def test_an_edited_title_is_found_and_the_old_one_is_not(client, db):
    post = make_post(title_de="Sommerfest im Park")
    post.title_de = "Winterfest im Saal"
    post.save()
    assert result_titles(search(client, "Winterfest")) == ["Winterfest im Saal"]
    assert result_titles(search(client, "Sommerfest")) == []


def test_a_translation_added_later_is_found_in_its_language(client, db):
    post = make_post(title_de="Frühlingsfest")
    assert result_titles(search(client, "Праздник", language="ru")) == []
    post.title_ru = "Праздник весны"
    post.save()
    assert result_titles(search(client, "Праздник", language="ru")) == ["Праздник весны"]


def test_a_deleted_item_is_no_longer_found(client, db):
    make_post(title_de="Sommerfest im Park").delete()
    make_organisation("Sommerfest e.V.").delete()
    assert result_titles(search(client, "Sommerfest")) == []


def test_an_unpublished_item_is_no_longer_found(client, db):
    post = make_post(title_de="Sommerfest im Park")
    post.is_published = False
    post.save()
    assert result_titles(search(client, "Sommerfest")) == []


def test_a_post_added_and_edited_in_the_admin_is_found_as_it_is_now(client, admin_client, db):
    form = {
        "kind": Post.Kind.NEWS,
        "title_de": "Праздник весны",
        "slug": "fruehling",
        "teaser_de": "Ein Fest im Garten.",
        "author": "MiSO e. V.",
        "is_published": "on",
        "published_at_0": "2024-01-01",
        "published_at_1": "10:00:00",
    }
    assert admin_client.post(reverse("admin:news_post_add"), form).status_code == 302
    assert result_titles(search(client, "праздник")) == ["Праздник весны"]

    post = Post.objects.get(slug="fruehling")
    changed = form | {"title_de": "Осенний праздник"}
    response = admin_client.post(reverse("admin:news_post_change", args=[post.pk]), changed)
    assert response.status_code == 302
    assert result_titles(search(client, "ВЕСНЫ")) == []
    assert result_titles(search(client, "Осенний")) == ["Осенний праздник"]


def test_an_item_deleted_in_the_admin_is_gone_and_a_recovered_one_is_back(client, admin_client, db):
    with reversion.create_revision():  # as the admin keeps every edit
        post = make_post(title_de="Sommerfest im Park")
    organisation = make_organisation("Sommerfest e.V.")
    admin_client.post(reverse("admin:news_post_delete", args=[post.pk]), {"post": "yes"})
    admin_client.post(
        reverse("admin:members_memberorganisation_changelist"),
        {"action": "delete_selected", "_selected_action": [organisation.pk], "post": "yes"},
    )
    assert not MemberOrganisation.objects.exists()
    assert result_titles(search(client, "Sommerfest")) == []

    (deleted,) = Version.objects.get_deleted(Post)
    url = reverse("admin:news_post_recover", args=[deleted.pk])
    form = admin_client.get(url).context["adminform"].form
    recovered = {name: form[name].value() for name in form.fields if form[name].value()}
    recovered |= {"published_at_0": "2024-01-01", "published_at_1": "10:00:00"}
    assert admin_client.post(url, recovered).status_code == 302
    assert result_titles(search(client, "Sommerfest")) == ["Sommerfest im Park"]


def test_organisations_imported_from_a_spreadsheet_are_found(client, admin_client, db):
    make_organisation("kargah e.V.", slug="kargah", description_de="<p>Beratung</p>")
    sheet = (
        "slug,name,description_de,description_uk\n"
        "kargah,kargah e.V.,<p>Beratung und Café</p>,<p>Консультації</p>\n"
        "neu,Neuer Verein,<p>Ein neuer Verein.</p>,<p>Зустрічі громади</p>\n"
    )
    url_name = "admin:members_memberorganisation"
    upload = SimpleUploadedFile("list.csv", sheet.encode(), content_type="text/csv")
    preview = admin_client.post(
        reverse(f"{url_name}_import"), {"format": "0", "import_file": upload}
    )
    confirm = preview.context["confirm_form"]
    data = {name: confirm[name].value() for name in confirm.fields}
    assert admin_client.post(reverse(f"{url_name}_process_import"), data).status_code == 302
    assert result_titles(search(client, "CAFE")) == ["kargah e.V."]
    assert result_titles(search(client, "Зустрічі", language="uk")) == ["Neuer Verein"]


def test_content_written_in_bulk_is_found_after_rebuild_search_index(client, db):
    make_many_posts(3)
    rebuild()
    titles = result_titles(search(client, "Meldung"))
    assert sorted(titles) == ["Meldung 0", "Meldung 1", "Meldung 2"]


def test_rebuild_search_index_reads_what_an_update_changed(client, db):
    make_post(title_de="Sommerfest im Park")
    Post.objects.update(title_de="Winterfest im Saal")
    rebuild()
    assert result_titles(search(client, "Winterfest")) == ["Winterfest im Saal"]
    assert result_titles(search(client, "Sommerfest")) == []


@on_sqlite
def test_content_written_in_bulk_waits_for_rebuild_search_index(client, db):
    make_many_posts(3)
    assert result_titles(search(client, "Meldung")) == []
    assert rebuild() == "Indexed 3 objects.\n"
    assert len(result_titles(search(client, "Meldung"))) == 3


@on_sqlite
def test_each_object_has_one_index_row_per_language_until_it_is_deleted(db):
    post = make_post(title_de="Sommerfest im Park")
    assert index_rows("news", post.pk) == ["ar", "de", "en", "es", "fr", "ru", "uk"]
    post.save()
    assert len(index_rows("news", post.pk)) == 7
    pk = post.pk
    post.delete()
    assert index_rows("news", pk) == []


@on_sqlite
def test_the_index_holds_no_markup(db):
    post = make_post(
        title_de="Sommerfest", body_de='<p><a href="https://strong.example/">Park</a></p>'
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT body FROM search_index WHERE rowid = %s", [rowid("news", "de", post.pk)]
        )
        (body,) = cursor.fetchone()
    assert "park" in body
    assert "strong" not in body and "href" not in body and "<" not in body


@on_sqlite
@pytest.mark.django_db(transaction=True)
def test_migrating_fills_a_new_index_with_the_content_already_there(client):
    make_post(title_de="Sommerfest im Park")
    call_command("migrate", "search", "zero", verbosity=0)
    call_command("migrate", "search", verbosity=0)
    assert result_titles(search(client, "Sommerfest")) == ["Sommerfest im Park"]
    Post.objects.all().delete()  # the flush after this test leaves the index alone


@on_postgresql
def test_rebuild_search_index_has_nothing_to_do_on_postgresql(db):
    assert rebuild() == "Nothing to do: this database searches the content tables.\n"
