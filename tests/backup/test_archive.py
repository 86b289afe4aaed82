"""What ``manage.py backup`` writes: one archive, for its owner's eyes, with a manifest."""

import hashlib
import os

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError

from .site import backup, make_site, manifest_of, picture, restore, stored_files

pytestmark = pytest.mark.django_db


def test_the_archive_is_readable_by_its_owner_only(tmp_path):
    archive = backup(tmp_path / "site.tar.gz")
    assert os.stat(archive).st_mode & 0o777 == 0o600


def test_a_backup_never_overwrites_a_file(tmp_path):
    existing = tmp_path / "site.tar.gz"
    existing.write_bytes(b"yesterday's backup")
    with pytest.raises(CommandError, match="exists already"):
        backup(existing)
    assert existing.read_bytes() == b"yesterday's backup"


def test_without_an_output_the_archive_goes_to_the_backup_folder(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    backup(None)
    (archive,) = settings.BACKUP_DIR.iterdir()
    assert archive.name.startswith("miso-") and archive.name.endswith(".tar.gz")


def test_the_manifest_lists_every_stored_file_with_its_size_and_checksum(tmp_path):
    make_site()
    manifest = manifest_of(backup(tmp_path / "site.tar.gz"))
    storage = {"public": "default", "private": "private"}
    assert {
        member: entry
        for member, entry in manifest["members"].items()
        if member.startswith("files/")
    } == {
        f"files/{storage[kind]}/{name}": {
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        for (kind, name), data in stored_files().items()
    }


def test_the_manifest_counts_the_rows_of_each_model_and_link_table(tmp_path):
    make_site()
    counted = manifest_of(backup(tmp_path / "site.tar.gz"))["database"]["rows"]
    assert (counted["news.post"], counted["members.memberorganisation_focus_areas"]) == (1, 1)


def test_uploads_on_a_storage_that_is_no_folder_are_backed_up_and_restored(settings, tmp_path):
    settings.STORAGES = settings.STORAGES | {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    }
    name = picture().file.name
    with default_storage.open(name) as stored:
        original = stored.read()
    archive = backup(tmp_path / "site.tar.gz")
    default_storage.delete(name)
    restore(archive)
    with default_storage.open(name) as stored:
        assert stored.read() == original
