"""Writes of the commitments app (``<entity>_<action>(*, ..., user)``), one module per part:

- ``plans``: loading action plans (the shipped seed and later plans);
- ``tables``: commitment tables' workflow, indicator progress, the compiled plan.
"""

from .plans import action_plan_load, action_plans_load_seed, seed_files
from .tables import (
    action_plan_compile,
    commitment_table_record_submitted,
    commitment_table_review,
    commitment_table_submit,
    indicator_progress_record,
    plan_snapshot,
    workflows_setup,
)

__all__ = [
    "action_plan_compile",
    "action_plan_load",
    "action_plans_load_seed",
    "commitment_table_record_submitted",
    "commitment_table_review",
    "commitment_table_submit",
    "indicator_progress_record",
    "plan_snapshot",
    "seed_files",
    "workflows_setup",
]
