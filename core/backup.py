"""Backups of the database and the media files together, in one ``.tar.gz``.

The archive holds ``manifest.json`` (format, date, method, database engine, latest migration of
every app), the database and ``media/`` (the tree of ``MEDIA_ROOT``: stored PDFs, compiled
plans, documents, images).

The database is saved with ``pg_dump`` (custom format, restored with ``pg_restore``) on
PostgreSQL when the client tools are installed: exact, fast, and independent of the models.
Elsewhere (SQLite, or PostgreSQL without the tools) it is Django's ``dumpdata`` of every row
with its primary key, content types and permissions included (``db.json``: Wagtail's log
entries may point at deleted pages, which natural keys cannot serialise), restored with
``migrate`` + ``flush`` (without re-creating content types) + ``loaddata``; the search index is
rebuilt afterwards. A backup restores with the method it was made with.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
PG_DUMP = "db.pgdump"
JSON_DUMP = "db.json"
# Rows not worth keeping: sessions expire, the search index (and SQLite's full-text copy of it)
# is rebuilt after a restore.
DUMPDATA_EXCLUDE = ["sessions", "wagtailsearch.indexentry", "wagtailsearch.sqliteftsindexentry"]


def _dumpdata_exclude() -> list[str]:
    """``DUMPDATA_EXCLUDE`` without the models this database does not have (dumpdata refuses those)."""
    from django.apps import apps

    labels = []
    for label in DUMPDATA_EXCLUDE:
        if "." in label:
            try:
                apps.get_model(label)
            except LookupError:
                continue
        labels.append(label)
    return labels


class BackupError(Exception):
    """The backup or the restore could not be made (message for the operator)."""


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _pg_tools() -> bool:
    return bool(shutil.which("pg_dump") and shutil.which("pg_restore"))


def _pg_args() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    args = []
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args + ["-d", str(db["NAME"])], env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def _migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).migration_qs.order_by("app", "name").values_list("app", "name"):
        latest[app] = name
    return latest


def choose_method(method: str = "auto") -> str:
    """``"pg_dump"`` on PostgreSQL with its client tools, else ``"dumpdata"`` (``auto``)."""
    if method == "auto":
        return "pg_dump" if _postgres() and _pg_tools() else "dumpdata"
    if method == "pg_dump" and not (_postgres() and _pg_tools()):
        raise BackupError("pg_dump needs a PostgreSQL database and the PostgreSQL client tools.")
    if method not in ("pg_dump", "dumpdata"):
        raise BackupError(f"Unknown method {method!r}: use auto, pg_dump or dumpdata.")
    return method


def backup_create(*, path: Path, method: str = "auto") -> dict:
    """Write the database and the media files to ``path`` (``.tar.gz``); returns the manifest."""
    method = choose_method(method)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    media = Path(settings.MEDIA_ROOT)
    manifest = {
        "format": FORMAT,
        "created": dt.datetime.now(dt.UTC).isoformat(),
        "method": method,
        "engine": connection.vendor,
        "migrations": _migrations(),
    }
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / (PG_DUMP if method == "pg_dump" else JSON_DUMP)
        if method == "pg_dump":
            args, env = _pg_args()
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", "--file", str(dump), *args], env)
        else:
            call_command("dumpdata", exclude=_dumpdata_exclude(), output=str(dump), verbosity=0)
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
            if media.exists():
                archive.add(media, arcname="media")
        partial.replace(path)  # never a half-written backup under the final name
    return manifest


def read_manifest(path: Path) -> dict:
    """The manifest of the backup at ``path``."""
    with tarfile.open(path, "r:gz") as archive:
        try:
            member = archive.extractfile("manifest.json")
        except KeyError:
            member = None
        if member is None:
            raise BackupError(f"{path} is not a backup of this site (no manifest.json).")
        manifest = json.load(member)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def backup_restore(*, path: Path) -> dict:
    """Replace the database and the media files with the backup at ``path``; returns its manifest.

    Everything in the database and in ``MEDIA_ROOT`` is replaced."""
    path = Path(path)
    manifest = read_manifest(path)
    method = manifest["method"]
    if method == "pg_dump" and not (_postgres() and _pg_tools()):
        raise BackupError("This backup was made with pg_dump: restore it on PostgreSQL with the client tools.")
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(work, filter="data")  # no absolute paths, links out or devices
        work_path = Path(work)
        if method == "pg_dump":
            connection.close()
            args, env = _pg_args()
            _run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction",
                 *args, str(work_path / PG_DUMP)],
                env,
            )  # fmt: skip
        else:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            call_command("loaddata", str(work_path / JSON_DUMP), verbosity=0)
        _replace_media(work_path / "media", media)
    _after_restore()
    return manifest


def _replace_media(source: Path, media: Path) -> None:
    if media.exists():
        old = media.with_name(media.name + ".before-restore")
        if old.exists():
            shutil.rmtree(old)
        media.rename(old)
        shutil.rmtree(old)
    if source.exists():
        shutil.copytree(source, media)
    else:
        media.mkdir(parents=True, exist_ok=True)


def _after_restore() -> None:
    """Caches hold the old site: empty them; rebuild the search index."""
    from django.core.cache import caches

    for cache in caches.all():
        try:
            cache.clear()
        except Exception:  # noqa: BLE001 - an unreachable cache is emptied when it comes back
            pass
    call_command("update_index", verbosity=0)
