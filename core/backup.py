"""Backups of the whole site in one archive, and restoring one.

An archive is a ``.tar.gz`` file with

* ``database.jsonl``: every row of every model, one object per line, written by
  Django's serializers;
* ``files/<storage>/<name>``: every file of every storage in ``STORAGES`` except
  the static files (they come from the code): the uploads and the members-only
  documents, read through each storage's own API, so a bucket on S3 is backed
  up like a folder;
* ``manifest.json``, last: when and by which version of the site it was made,
  the database it came from, the migrations applied, the rows per model, and the
  size and SHA-256 of every other member.

Why Django's serializers and not ``pg_dump`` or SQLite's backup API: the dump
restores into an empty site on either database (a backup of the PostgreSQL
server can be tried out on a laptop with SQLite), in one transaction while the
site keeps serving, and the same code is tested on both. The price: it is
larger and slower than a native dump (seconds at this site's size), and it
holds rows, not the schema, so it restores only into a site at the same
migrations. Three details keep it faithful:

* content types and permissions are made by ``migrate`` in every database with
  ids of their own, and running processes keep content type ids in memory:
  they are matched by their natural keys (``app_label`` and ``model``), never
  replaced, and whatever points at them (history versions, the admin log,
  groups' permissions) names them by those keys;
* every other row keeps its primary key, so what refers to it by number (the
  objects serialized in the history) still finds it; ``loaddata`` moves
  PostgreSQL's sequences past the restored keys;
* times keep their microseconds (Django's JSON keeps milliseconds).
"""

import datetime
import gzip
import hashlib
import importlib.metadata
import io
import json
import os
import posixpath
import subprocess
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import STATICFILES_STORAGE_ALIAS, settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import storages
from django.core.files.utils import validate_file_name
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from .cache import clear_pages

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.jsonl"
FILES = "files"
CHUNK = 1 << 20
# Made by ``migrate`` in every database, with ids of its own: matched by natural key.
MATCHED = (ContentType, Permission)
# Apps (by label) and models (by "app_label.model") whose rows are not backed up; a
# restore leaves them alone. Logins in progress and failed-login records: a restore must
# not log anybody back in or lock anybody out. The mail and task queue, and the days the
# daily jobs ran: a restored queue would send again what went out since the backup (what
# people sent is backed up as submissions, registrations and bookings).
NOT_BACKED_UP = {
    "sessions",
    "axes",
    "django_tasks_database",
    "core.outgoingemail",
    "core.outgoingattachment",
    "core.dailyjobrun",
}


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why and what to do."""


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's JSON, with times to the microsecond as the database keeps them."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def backed_up_models():
    """Every model whose rows a backup holds, each after those it names by natural key."""
    app_list = [
        (config, [m for m in config.get_models() if m._meta.label_lower not in NOT_BACKED_UP])
        for config in apps.get_app_configs()
        if config.label not in NOT_BACKED_UP
    ]
    return serializers.sort_dependencies(app_list, allow_cycles=True)


def with_m2m_tables(models):
    """``models`` and the tables Django makes for their many-to-many fields."""
    for model in models:
        yield model
        for field in model._meta.local_many_to_many:
            if field.remote_field.through._meta.auto_created:
                yield field.remote_field.through


def backed_up_storages():
    """Every storage but the static files' (``collectstatic`` makes them from the code)."""
    return sorted(alias for alias in settings.STORAGES if alias != STATICFILES_STORAGE_ALIAS)


def stored_names(storage, folder=""):
    """The name of every file in ``storage``, found through its API (a folder or a bucket)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a folder where nothing was ever stored
        return
    for name in files:
        yield posixpath.join(folder, name)
    for name in folders:
        yield from stored_names(storage, posixpath.join(folder, name))


def stored_sha256(storage, name):
    digest = hashlib.sha256()
    with storage.open(name) as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def consistent_reads():
    """One view of the database for every query inside, while the site goes on writing.

    PostgreSQL is asked for it; SQLite holds its read lock until the transaction
    ends, which makes writers wait. Inside a transaction someone else opened
    (a test's), that transaction's view is the one.
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def dump_database(path):
    """Write the backed-up rows to ``path``; the number of rows per model and m2m table."""
    models = backed_up_models()
    with open(path, "w", encoding="utf-8") as out:
        for model in models:
            serializers.serialize(
                "jsonl",
                model._base_manager.order_by("pk").iterator(chunk_size=1000),
                stream=out,
                cls=ExactJSONEncoder,
                use_natural_foreign_keys=True,
                use_natural_primary_keys=model in MATCHED,
            )
    return {
        model._meta.label_lower: model._base_manager.count() for model in with_m2m_tables(models)
    }


def applied_migrations():
    """The migrations applied to the database, per app."""
    applied = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def site_version():
    """The release and the git commit of the code that runs, where they are known."""
    try:
        version = importlib.metadata.version("miso-site")
    except importlib.metadata.PackageNotFoundError:
        version = None
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):  # no git, or not a checkout
        commit = None
    return {"version": version, "commit": commit}


class _Hashed:
    """A file that hashes what is read from it (``tarfile`` reads each member once)."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add_member(archive, name, file, size, moment):
    """Add ``size`` bytes of ``file`` as ``name``; the entry the manifest lists for it."""
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, moment.timestamp(), 0o600
    hashed = _Hashed(file)
    archive.addfile(info, hashed)
    return {"size": size, "sha256": hashed.sha256.hexdigest()}


def write_backup(path):
    """Write the database and every stored file into a new archive at ``path``; its manifest.

    The archive appears under its name only when it is complete, and only its
    owner may read it: it holds password hashes and what visitors sent.
    """
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} exists already: a backup never overwrites a file.")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.partial")
    partial.unlink(missing_ok=True)
    created = timezone.now()
    members = {}
    try:
        with (
            tempfile.TemporaryDirectory() as folder,
            open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive,
        ):
            dump = Path(folder) / DATABASE
            with consistent_reads():
                rows = dump_database(dump)
                migrations = applied_migrations()
            with dump.open("rb") as file:
                members[DATABASE] = _add_member(
                    archive, DATABASE, file, dump.stat().st_size, created
                )
            for alias in backed_up_storages():
                storage = storages[alias]
                for name in stored_names(storage):
                    member = f"{FILES}/{alias}/{name}"
                    with storage.open(name) as file:
                        members[member] = _add_member(
                            archive, member, file, storage.size(name), created
                        )
            manifest = {
                "format": FORMAT,
                "created_at": created.isoformat(),
                "site": site_version(),
                "database": {"vendor": connection.vendor, "migrations": migrations, "rows": rows},
                "storages": backed_up_storages(),
                "members": members,
            }
            text = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            _add_member(archive, MANIFEST, io.BytesIO(text), len(text), created)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.rename(path)
    return manifest


@dataclass
class Restored:
    """What a restore did."""

    rows: int
    tables: int
    written: int
    unchanged: int
    removed: int


class Backup:
    """An archive, read and checked against its manifest, its members extracted into a folder.

    ``Backup.read(path, folder)`` refuses an archive that is damaged, was changed
    or is not a backup; ``check_fits()`` one this site cannot take; ``restore()``
    replaces the site's rows and files with the backup's.
    """

    def __init__(self, manifest, extracted):
        self.manifest = manifest
        self.extracted = extracted
        # (storage alias, name, extracted file, manifest entry) of each backed-up file
        self.files = [
            (*member.split("/", 2)[1:], extracted[member], entry)
            for member, entry in sorted(manifest["members"].items())
            if member != DATABASE
        ]

    @classmethod
    def read(cls, path, folder):
        found = {}
        try:
            with tarfile.open(path, "r:gz") as archive:
                for member in archive:
                    if not member.isfile() or member.name in found:
                        raise BackupError(f"{path} is not a backup of this site.")
                    # Under a number, never under the member's own name, which could point
                    # anywhere; with its extension, by which loaddata knows the format.
                    target = Path(folder) / f"{len(found)}{PurePosixPath(member.name).suffix}"
                    digest = hashlib.sha256()
                    with archive.extractfile(member) as source, target.open("wb") as copy:
                        while chunk := source.read(CHUNK):
                            digest.update(chunk)
                            copy.write(chunk)
                    found[member.name] = (target, member.size, digest.hexdigest())
        except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
            raise BackupError(f"{path} is damaged and cannot be read ({error}).") from error
        try:
            manifest = json.loads(found.pop(MANIFEST)[0].read_bytes())
            if manifest["format"] != FORMAT:
                raise BackupError(f"{path} is in a format this version of the site cannot read.")
            listed = {name: (e["size"], e["sha256"]) for name, e in manifest["members"].items()}
            if DATABASE not in listed or not manifest.keys() >= {"site", "database", "storages"}:
                raise ValueError(manifest.keys())
            for member in listed.keys() - {DATABASE}:
                top, alias, name = member.split("/", 2)
                validate_file_name(name, allow_relative_path=True)
                if top != FILES or alias not in manifest["storages"]:
                    raise ValueError(member)
        except (KeyError, TypeError, AttributeError, ValueError, SuspiciousFileOperation) as error:
            raise BackupError(f"{path} is not a backup of this site.") from error
        if listed.keys() != found.keys():
            raise BackupError(
                f"{path} is damaged: missing {sorted(listed.keys() - found.keys()) or 'nothing'}, "
                f"not in the manifest {sorted(found.keys() - listed.keys()) or 'nothing'}."
            )
        for member, (_file, size, digest) in sorted(found.items()):
            if (size, digest) != listed[member]:
                raise BackupError(
                    f"{path} is damaged: {member} differs from the manifest (size or SHA-256)."
                )
        return cls(manifest, {member: file for member, (file, *_rest) in found.items()})

    def check_fits(self):
        """Refuse a backup this site cannot take: made at other migrations or with other
        storages. Nothing is changed before this has passed."""
        made = self.manifest["database"]["migrations"]
        theirs = {(app, name) for app, names in made.items() for name in names}
        ours = set(MigrationRecorder(connection).applied_migrations())
        commit = self.manifest["site"]["commit"] or "unknown"
        if newer := sorted(theirs - ours):
            raise BackupError(
                f"The backup was made by a newer version of the site (commit {commit}): this "
                f"database lacks its migrations {', '.join(map('.'.join, newer))}. Update the "
                "site to that version or later, run `manage.py migrate`, then restore."
            )
        if older := sorted(ours - theirs):
            raise BackupError(
                f"The backup was made by an older version of the site (commit {commit}), "
                f"before the migrations {', '.join(map('.'.join, older))}. Restore it with that "
                "version into a database it migrated, then update the site and run "
                "`manage.py migrate`."
            )
        if self.manifest["storages"] != backed_up_storages():
            raise BackupError(
                f"The backup holds the storages {', '.join(self.manifest['storages'])}; this "
                f"site has {', '.join(backed_up_storages())}."
            )

    def restore(self):
        """Replace every row and every stored file with the backup's, then clear the page cache.

        Files the backup has are written first (the rows in use do not name
        them yet); the rows are replaced in one transaction, which either ends
        with every row of the backup or leaves the database as it was; only then
        are files the backup does not have removed.
        """
        self.check_fits()
        written = unchanged = 0
        for alias, name, file, entry in self.files:
            storage = storages[alias]
            if storage.exists(name):
                if storage.size(name) == entry["size"] and (
                    stored_sha256(storage, name) == entry["sha256"]
                ):
                    unchanged += 1
                    continue
                storage.delete(name)
            with file.open("rb") as content:
                storage.save(name, File(content))
            written += 1
        with transaction.atomic():
            rows, tables = self._replace_rows()
        removed = self._remove_other_files()
        clear_pages()
        return Restored(rows, tables, written, unchanged, removed)

    def _replace_rows(self):
        replaced = list(with_m2m_tables(m for m in backed_up_models() if m not in MATCHED))
        with connection.cursor() as cursor:
            for model in replaced:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        call_command("loaddata", str(self.extracted[DATABASE]), verbosity=0)
        expected = self.manifest["database"]["rows"]
        for model in replaced:
            label = model._meta.label_lower
            found = model._base_manager.count()
            if found != expected[label]:
                raise BackupError(
                    f"The backup has {expected[label]} rows of {label}, but {found} were "
                    "restored: the database was left as it was."
                )
        return sum(expected[model._meta.label_lower] for model in replaced), len(replaced)

    def _remove_other_files(self):
        kept = {(alias, name) for alias, name, _file, _entry in self.files}
        removed = 0
        for alias in backed_up_storages():
            storage = storages[alias]
            for name in list(stored_names(storage)):
                if (alias, name) not in kept:
                    storage.delete(name)
                    removed += 1
        return removed
