"""A restore that cannot be done right is refused before anything changes, and one that
fails half-way leaves the database as it was."""

import io
import tarfile

import pytest
from django.core.management import CommandError

from .site import (
    backup,
    change_everything,
    make_site,
    restore,
    rewritten,
    rows,
    site_now,
    with_manifest,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed_since(tmp_path):
    """An archive of a site, and what the site, changed since, holds now."""
    post = make_site()
    archive = backup(tmp_path / "site.tar.gz")
    change_everything(post)
    return archive, site_now()


def test_an_archive_with_a_changed_file_is_refused_and_nothing_changes(changed_since, tmp_path):
    archive, now = changed_since

    def flip_a_bit(name, data):
        return data[:-1] + bytes([data[-1] ^ 1]) if name.startswith("files/private/") else data

    tampered = rewritten(archive, tmp_path / "tampered.tar.gz", flip_a_bit)
    with pytest.raises(CommandError, match=r"damaged: files/private/documents/.*\.pdf differs"):
        restore(tampered)
    assert site_now() == now


def test_a_truncated_archive_is_refused_and_nothing_changes(changed_since, tmp_path):
    archive, now = changed_since
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="damaged and cannot be read"):
        restore(truncated)
    assert site_now() == now


def test_an_archive_that_is_no_backup_is_refused_and_nothing_changes(changed_since, tmp_path):
    _archive, now = changed_since
    photos = tmp_path / "photos.tar.gz"
    with tarfile.open(photos, "w:gz") as archive:
        archive.addfile(tarfile.TarInfo("holiday.jpg"))
    with pytest.raises(CommandError, match="not a backup of this site"):
        restore(photos)
    assert site_now() == now


def test_an_archive_from_a_newer_version_of_the_site_is_refused(changed_since, tmp_path):
    archive, now = changed_since
    newer = with_manifest(
        archive,
        tmp_path / "newer.tar.gz",
        lambda manifest: manifest["database"]["migrations"]["news"].append("9999_future"),
    )
    with pytest.raises(CommandError, match=r"newer version .* news\.9999_future"):
        restore(newer)
    assert site_now() == now


def test_an_archive_from_an_older_version_of_the_site_is_refused(changed_since, tmp_path):
    archive, now = changed_since
    older = with_manifest(
        archive,
        tmp_path / "older.tar.gz",
        lambda manifest: manifest["database"]["migrations"]["news"].pop(),
    )
    with pytest.raises(CommandError, match=r"older version .* before the migrations news\.0"):
        restore(older)
    assert site_now() == now


def test_a_restore_that_fails_half_way_leaves_every_row_as_it_was(changed_since, tmp_path):
    archive, now = changed_since

    def one_post_too_many(manifest):
        manifest["database"]["rows"]["news.post"] += 1

    wrong = with_manifest(archive, tmp_path / "wrong.tar.gz", one_post_too_many)
    with pytest.raises(CommandError, match="left as it was"):
        restore(wrong)
    assert rows() == now["rows"]


def test_restore_changes_nothing_without_yes_when_nobody_can_answer(changed_since):
    archive, now = changed_since
    with pytest.raises(CommandError, match="--yes"):
        restore(archive, yes=False)
    assert site_now() == now


class Terminal(io.StringIO):
    """Standard input as an operator at a terminal types it."""

    def isatty(self):
        return True


def test_restore_changes_nothing_unless_the_operator_types_yes(changed_since, monkeypatch):
    archive, now = changed_since
    monkeypatch.setattr("sys.stdin", Terminal("no\n"))
    with pytest.raises(CommandError, match="Nothing was changed"):
        restore(archive, yes=False)
    assert site_now() == now
