"""Record when a commitment table was first submitted to NDC (connected in ``apps.ready``).

A table's status is never stored: it is derived from its workflow (``status_expression`` in
``models/tables.py``). Only the date of the first submission and the days late (F-6) are
facts of their own, recorded here when the review workflow starts.
"""

from __future__ import annotations

from wagtail.signals import workflow_submitted


def _on_submitted(sender, instance, user=None, **kwargs):
    from .models import CommitmentTable
    from .services import commitment_table_record_submitted

    if instance.base_content_type.model_class() is CommitmentTable:
        commitment_table_record_submitted(table_id=int(instance.object_id), user=user)


def connect() -> None:
    workflow_submitted.connect(_on_submitted, dispatch_uid="commitments_table_submitted")
