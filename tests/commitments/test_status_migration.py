"""Migration 0005: dropping the stored status keeps every table's state (derived from its workflow).

Runs inside the test's transaction (PostgreSQL's DDL is transactional), so the rollback restores
the schema and the seeded data; a transactional test's flush would also empty the tables that
migrations fill (the SDGs) for the tests after it.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("commitments", "0004_engage_commitmentfollow")]
AFTER = [("commitments", "0005_table_status_from_workflow")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs transactional DDL (PostgreSQL)")
@pytest.mark.django_db
def test_tables_keep_their_state_when_the_status_column_goes():
    from commitments.models import CommitmentTable
    from commitments.services import workflows_setup

    workflows_setup()
    apps = _migrate(BEFORE)
    try:
        Table = apps.get_model("commitments", "CommitmentTable")
        Commitment = apps.get_model("commitments", "Commitment")
        Revision = apps.get_model("wagtailcore", "Revision")
        ContentType = apps.get_model("contenttypes", "ContentType")
        table_type = ContentType.objects.get(app_label="commitments", model="commitmenttable")
        commitments = list(Commitment.objects.filter(plan__slug="2020-2024").order_by("number")[:3])
        # written directly as submitted (no workflow), with a revision NDC can review
        submitted = Table.objects.create(commitment=commitments[0], status="submitted", live=False)
        Revision.objects.create(
            content_type=table_type,
            base_content_type=table_type,
            object_id=str(submitted.pk),
            content={},
            created_at=timezone.now(),
        )
        draft = Table.objects.create(commitment=commitments[1], status="draft", live=False)
        published = Table.objects.create(commitment=commitments[2], status="published", live=True)
        with connection.cursor() as cursor:  # fire the rows' deferred checks before ALTER TABLE
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    finally:
        _migrate(AFTER)
    statuses = dict(CommitmentTable.objects.with_status().values_list("pk", "derived_status"))
    assert statuses == {submitted.pk: "submitted", draft.pk: "draft", published.pk: "published"}
    review = CommitmentTable.objects.get(pk=submitted.pk)
    assert review.current_workflow_task_state is not None  # NDC can approve or return it
    assert review.submitted_at is not None
