"""Background tasks of proposals (run by the worker)."""

from __future__ import annotations

from django_tasks import task


@task()
def proposals_clocks() -> None:
    """Daily: confirmation by silence (K-6.2.6), expiry below the threshold (K-6.3.2)."""
    from .services import apply_clocks

    apply_clocks()
