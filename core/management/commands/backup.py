"""``manage.py backup FILE``: the database and the media files in one ``.tar.gz`` (core/backup.py)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and the media files together into one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to write, e.g. backups/ogp-2026-12-03.tar.gz")
        parser.add_argument(
            "--method",
            choices=["auto", "pg_dump", "dumpdata"],
            default="auto",
            help="pg_dump on PostgreSQL with its client tools (auto), else Django's dumpdata.",
        )

    def handle(self, *args, path, method, **options):
        try:
            manifest = backup_create(path=Path(path), method=method)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {path} ({manifest['method']}, {manifest['engine']}).")
