"""Backups (issue 10): `manage.py backup` then `manage.py restore` into an emptied database and
media folder, and the site serves the restored pages and downloads. Runs on SQLite (dumpdata)
and on PostgreSQL (pg_dump/pg_restore, into a database whose schema was dropped)."""

from __future__ import annotations

import shutil

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from core.backup import BackupError, read_manifest

PDF = b"%PDF-1.4 backed-up minutes"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MINUTES_BUILD_PDFS = False
    return settings.MEDIA_ROOT


def _empty_database() -> None:
    """A fresh database: no tables at all (PostgreSQL), or no rows (SQLite)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    else:
        call_command("flush", interactive=False, verbosity=0)


def test_backup_and_restore_round_trip(client, seeded_transactional_db, media, tmp_path):
    from minutes.models import Minutes, MinutesPdf, PdfKind

    call_command("load_demo", verbosity=0)
    minutes = Minutes.objects.published().first()
    pdf = MinutesPdf.objects.filter(minutes=minutes, kind=PdfKind.CHINESE).first() or MinutesPdf(
        minutes=minutes, kind=PdfKind.CHINESE
    )
    pdf.file.save("backup-test.pdf", ContentFile(PDF), save=True)
    url = f"/minutes/{minutes.pk}/pdf/{PdfKind.CHINESE}/"
    assert b"".join(client.get(url).streaming_content) == PDF
    page = client.get(f"/minutes/{minutes.pk}/").content.decode()

    archive = tmp_path / "backups" / "site.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    manifest = read_manifest(archive)
    assert manifest["method"] == ("pg_dump" if connection.vendor == "postgresql" else "dumpdata")
    assert manifest["migrations"]["minutes"]

    _empty_database()
    shutil.rmtree(media)
    call_command("restore", str(archive), "--yes", verbosity=0)

    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    restored = client.get(f"/minutes/{minutes.pk}/")
    assert restored.status_code == 200
    assert minutes.meeting.forum.commitment.title_zh_hant in restored.content.decode()
    assert restored.content.decode().count("<section") == page.count("<section")
    assert client.get("/").status_code == 200 and client.get("/api/v1/minutes/").json()["count"] >= 1


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, db):
    import tarfile

    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz"):
        pass
    with pytest.raises(BackupError):
        read_manifest(bogus)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("restore", str(bogus), "--yes")
