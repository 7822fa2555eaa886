"""The commitments app's models, one module per part:

- ``plans``: agencies and their staff, action plans, themes, commitments (F-1, F-A1);
- ``tables``: commitment tables (Annex 2) with their indicators, participants and progress;
- ``compiled``: the compiled national action plan and its files;
- ``follows``: citizens following a commitment.

Django loads models from this package; import them from here or from their module.
"""

from .compiled import CompiledPlan
from .follows import CommitmentFollow
from .plans import ActionPlan, Agency, AgencyStaff, Commitment, Theme
from .tables import (
    CommitmentTable,
    Indicator,
    IndicatorProgress,
    Participant,
    ParticipantKind,
    SustainableDevelopmentGoal,
    TableStatus,
    status_expression,
)

__all__ = [
    "ActionPlan",
    "Agency",
    "AgencyStaff",
    "Commitment",
    "CommitmentFollow",
    "CommitmentTable",
    "CompiledPlan",
    "Indicator",
    "IndicatorProgress",
    "Participant",
    "ParticipantKind",
    "SustainableDevelopmentGoal",
    "TableStatus",
    "Theme",
    "status_expression",
]
