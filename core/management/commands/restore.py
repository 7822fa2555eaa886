"""``manage.py restore FILE``: replace the database and the media files with a backup (core/backup.py)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_restore, read_manifest


class Command(BaseCommand):
    help = "Restore the database and the media files from a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to restore.")
        parser.add_argument("--yes", action="store_true", help="Do not ask: replace everything.")

    def handle(self, *args, path, yes, **options):
        try:
            manifest = read_manifest(Path(path))
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if not yes:
            answer = input(
                f"Replace the whole database and every media file with the backup of {manifest['created']}? [y/N] "
            )
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("Nothing restored.")
        try:
            backup_restore(path=Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {path} ({manifest['method']}, made {manifest['created']}).")
