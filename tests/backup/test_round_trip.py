"""A site backed up, then changed in every way, then restored: everything is as it was."""

import pytest
from django.conf import settings
from django.utils import translation
from reversion.models import Version

from documents.models import Document
from news.models import Post
from tests.backoffice.factories import PASSWORD
from tests.data_sets import built_once, use_files_of
from tests.search.results import result_titles, search

from .site import backup, change_everything, log_in, make_site, restore, site_now


@pytest.fixture(scope="module")
def restored_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built in German whatever language an earlier module left active: modeltranslation
    writes the active language's text into a translated field's own, unused column too."""
    folder = tmp_path_factory.mktemp("restored")
    with built_once(django_db_blocker, folder), translation.override(settings.LANGUAGE_CODE):
        post = make_site()
        then = site_now()
        archive = backup(folder / "site.tar.gz")
        change_everything(post)
        then["files after the changes"] = site_now()["files"]
        then["output"] = restore(archive)
        yield folder, then


@pytest.fixture
def restored(restored_site, db, settings):
    """The restored site for one test, and what it held at the backup and said on restoring."""
    folder, then = restored_site
    use_files_of(folder, settings)
    return then


def test_every_row_is_as_it_was_at_the_backup(restored):
    assert site_now()["rows"] == restored["rows"]


def test_every_file_is_as_it_was_at_the_backup_and_newer_ones_are_gone(restored):
    assert site_now()["files"] == restored["files"]


def test_the_office_logs_in_with_the_password_it_had(restored, client):
    assert log_in(client, "office", PASSWORD)


def test_the_history_of_a_post_still_brings_back_its_version(restored):
    post = Post.objects.get()
    post.title_de = "Noch einmal geändert"
    post.save()
    (version,) = Version.objects.get_for_object(post)
    version.revert()
    post.refresh_from_db()
    assert (post.title_de, version.revision.user.username) == (
        "Sommerfest im Ihme-Zentrum",
        "office",
    )


def test_the_members_only_document_downloads_as_it_was(restored, client):
    log_in(client, "office", PASSWORD)
    response = client.get("/de/documents/satzung.pdf")
    downloaded = b"".join(response.streaming_content)
    assert downloaded == restored["files"][("private", Document.objects.get().file.name)]


@pytest.mark.parametrize("language, text", [("de", "Sommerfest"), ("ar", "مهرجان")])
def test_the_site_search_finds_the_restored_post(restored, client, language, text):
    assert result_titles(search(client, text, language)) == [Post.objects.get().title]


def test_the_site_search_no_longer_finds_a_post_added_after_the_backup(restored, client):
    assert result_titles(search(client, "Sicherung")) == []


def test_restore_says_how_many_files_it_wrote_kept_and_removed(restored):
    backed_up = restored["files"].keys()
    changed = restored["files after the changes"].keys()
    assert (
        f"Files: {len(backed_up - changed)} written, {len(backed_up & changed)} unchanged, "
        f"{len(changed - backed_up)} removed."
    ) in restored["output"]
