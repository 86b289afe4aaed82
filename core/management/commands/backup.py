from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Write the database, the uploaded files and the members-only documents into one "
        'archive with a manifest (README, "Backup").'
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="The archive to write, a new file (default: BACKUP_DIR/miso-<UTC time>.tar.gz).",
        )

    def handle(self, *args, output, **options):
        path = Path(output or settings.BACKUP_DIR / f"miso-{timezone.now():%Y%m%dT%H%M%SZ}.tar.gz")
        try:
            manifest = write_backup(path)
        except BackupError as error:
            raise CommandError(error) from error
        rows = sum(manifest["database"]["rows"].values())
        files = len(manifest["members"]) - 1
        megabytes = path.stat().st_size / 1_000_000
        self.stdout.write(f"Wrote {path} ({megabytes:.1f} MB): {rows} rows, {files} files.")
