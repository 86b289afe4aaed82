import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import Backup, BackupError


class Command(BaseCommand):
    help = (
        "Replace the database and every stored file with those of a backup made by "
        '`manage.py backup`, then clear the page cache (README, "Backup").'
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .tar.gz file `backup` wrote.")
        parser.add_argument("--yes", action="store_true", help="Restore without asking first.")

    def handle(self, *args, archive, yes, **options):
        if not archive.is_file():
            raise CommandError(f"{archive}: no such file.")
        # The extracted members hold personal data: the folder is its owner's alone.
        with tempfile.TemporaryDirectory() as folder:
            try:
                backup = Backup.read(archive, folder)
                backup.check_fits()
            except BackupError as error:
                raise CommandError(error) from error
            manifest = backup.manifest
            self.stdout.write(
                f"{archive}: made {manifest['created_at']} on {manifest['database']['vendor']} "
                f"by the site at commit {manifest['site']['commit'] or 'unknown'}; every member "
                "matches the manifest."
            )
            if not yes:
                self.confirm()
            try:
                restored = backup.restore()
            except BackupError as error:
                raise CommandError(error) from error
        self.stdout.write(
            f"Database: {restored.rows} rows restored into {restored.tables} tables "
            "(content types and permissions matched by name)."
        )
        self.stdout.write(
            f"Files: {restored.written} written, {restored.unchanged} unchanged, "
            f"{restored.removed} removed."
        )
        self.stdout.write("Page cache cleared.")

    def confirm(self):
        what = (
            f"everything in the database {connection.settings_dict['NAME']} and every stored file"
        )
        if not sys.stdin.isatty():
            raise CommandError(f"Restoring replaces {what}; add --yes to go ahead unasked.")
        if input(f"Replace {what} with this backup? Type yes to go ahead: ").strip() != "yes":
            raise CommandError("Nothing was changed.")
