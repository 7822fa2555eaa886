"""Stored proposal counts (``ProposalCount``): the proposal list and the API page over 100,000
proposals without counting them (issue 11).

Database triggers keep the counts: every insert, delete and change of ``profile``, ``status``
or ``agency`` of a proposal adjusts the (profile, status, agency) row, whatever wrote it (the
services, ``QuerySet.update``, a bulk ``INSERT ... SELECT``). PostgreSQL counts once per
statement (transition tables); SQLite once per row. ``counts_refresh()`` recounts everything
(after the migration that installs the triggers).
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Sum

TABLE = "proposals_proposalcount"

_POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION proposals_count_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {TABLE} (profile, status, agency_key, n)
        SELECT profile, status, COALESCE(agency_id, 0), COUNT(*) FROM new_rows GROUP BY 1, 2, 3
        ON CONFLICT (profile, status, agency_key) DO UPDATE SET n = {TABLE}.n + EXCLUDED.n;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE {TABLE} c SET n = c.n - d.k
        FROM (SELECT profile, status, COALESCE(agency_id, 0) AS a, COUNT(*) AS k FROM old_rows GROUP BY 1, 2, 3) d
        WHERE c.profile = d.profile AND c.status = d.status AND c.agency_key = d.a;
    ELSE
        INSERT INTO {TABLE} (profile, status, agency_key, n)
        SELECT profile, status, a, SUM(k) FROM (
            SELECT profile, status, COALESCE(agency_id, 0) AS a, -1 AS k FROM old_rows
            UNION ALL
            SELECT profile, status, COALESCE(agency_id, 0) AS a, 1 AS k FROM new_rows
        ) d GROUP BY 1, 2, 3 HAVING SUM(k) <> 0
        ON CONFLICT (profile, status, agency_key) DO UPDATE SET n = {TABLE}.n + EXCLUDED.n;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
POSTGRESQL_INSTALL = [
    _POSTGRESQL_FUNCTION,
    "CREATE TRIGGER proposals_count_insert AFTER INSERT ON proposals_proposal REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION proposals_count_change()",
    "CREATE TRIGGER proposals_count_delete AFTER DELETE ON proposals_proposal REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION proposals_count_change()",
    "CREATE TRIGGER proposals_count_update AFTER UPDATE ON proposals_proposal "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION proposals_count_change()",
]
POSTGRESQL_REMOVE = [
    "DROP TRIGGER IF EXISTS proposals_count_insert ON proposals_proposal",
    "DROP TRIGGER IF EXISTS proposals_count_delete ON proposals_proposal",
    "DROP TRIGGER IF EXISTS proposals_count_update ON proposals_proposal",
    "DROP FUNCTION IF EXISTS proposals_count_change()",
]
_SQLITE_ADD = (
    f"INSERT INTO {TABLE} (profile, status, agency_key, n) "
    "VALUES (NEW.profile, NEW.status, COALESCE(NEW.agency_id, 0), 1) "
    f"ON CONFLICT (profile, status, agency_key) DO UPDATE SET n = n + 1;"
)
_SQLITE_SUBTRACT = (
    f"UPDATE {TABLE} SET n = n - 1 "
    "WHERE profile = OLD.profile AND status = OLD.status AND agency_key = COALESCE(OLD.agency_id, 0);"
)
SQLITE_INSTALL = [
    f"CREATE TRIGGER proposals_count_insert AFTER INSERT ON proposals_proposal BEGIN {_SQLITE_ADD} END",
    f"CREATE TRIGGER proposals_count_delete AFTER DELETE ON proposals_proposal BEGIN {_SQLITE_SUBTRACT} END",
    "CREATE TRIGGER proposals_count_update AFTER UPDATE OF profile, status, agency_id ON proposals_proposal "
    "WHEN OLD.profile IS NOT NEW.profile OR OLD.status IS NOT NEW.status OR OLD.agency_id IS NOT NEW.agency_id "
    f"BEGIN {_SQLITE_SUBTRACT} {_SQLITE_ADD} END",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS proposals_count_insert",
    "DROP TRIGGER IF EXISTS proposals_count_delete",
    "DROP TRIGGER IF EXISTS proposals_count_update",
]


def _run(schema_editor, statements: list[str]) -> None:
    for statement in statements:
        schema_editor.execute(statement, params=None)


def triggers_install(schema_editor) -> None:
    """Create the counting triggers (migration), then count what is already there."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, POSTGRESQL_INSTALL)
    elif vendor == "sqlite":
        _run(schema_editor, SQLITE_INSTALL)
    else:  # pragma: no cover - the project runs on PostgreSQL or SQLite
        raise NotImplementedError(f"proposal counts need triggers for {vendor}")
    counts_refresh(using=schema_editor.connection)


def triggers_remove(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    _run(schema_editor, POSTGRESQL_REMOVE if vendor == "postgresql" else SQLITE_REMOVE)


def counts_refresh(*, using=None) -> None:
    """Recount every (profile, status, agency) from the proposals (one statement each)."""
    with (using or connection).cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(
            f"INSERT INTO {TABLE} (profile, status, agency_key, n) "
            "SELECT profile, status, COALESCE(agency_id, 0), COUNT(*) FROM proposals_proposal GROUP BY 1, 2, 3"
        )


def proposal_count(*, status: str = "", agency_code: str = "", profile: str = "") -> int:
    """How many proposals match the list's filters (empty: any), from the stored counts (one query)."""
    from commitments.models import Agency

    from .models import ProposalCount

    rows = ProposalCount.objects.all()
    if status:
        rows = rows.filter(status=status)
    if agency_code:
        rows = rows.filter(agency_key__in=Agency.objects.filter(code=agency_code).values("pk"))
    if profile:
        rows = rows.filter(profile=profile)
    return rows.aggregate(total=Sum("n"))["total"] or 0
