"""Writes that touch several models of the commitments app."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.db import transaction

from core.i18n import column

from ..models import ActionPlan, Agency, Commitment, Theme

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {column(field, language): text for language, text in values.items()}


@transaction.atomic
def action_plan_load(*, data: dict[str, Any]) -> ActionPlan:
    """Create or update an action plan, its agencies, themes and commitments from seed data.

    Idempotent: loading the same data twice changes nothing. Rows are matched on their
    natural keys (agency code; plan slug; theme and commitment numbers within the plan).
    """
    agencies: dict[str, Agency] = {}
    for item in data.get("agencies", []):
        agency, _ = Agency.objects.update_or_create(
            code=item["code"],
            defaults={
                **_translated("name", item["name"]),
                **_translated("short_name", item.get("short_name", {})),
                "is_government": item.get("is_government", True),
            },
        )
        agencies[agency.code] = agency

    plan_data = data["plan"]
    if plan_data.get("is_current"):
        ActionPlan.objects.exclude(slug=plan_data["slug"]).filter(is_current=True).update(is_current=False)
    plan, _ = ActionPlan.objects.update_or_create(
        slug=plan_data["slug"],
        defaults={
            **_translated("name", plan_data["name"]),
            "starts_on": dt.date.fromisoformat(plan_data["starts_on"]),
            "ends_on": dt.date.fromisoformat(plan_data["ends_on"]),
            "submission_deadline": dt.date.fromisoformat(plan_data["submission_deadline"]),
            "is_current": bool(plan_data.get("is_current", False)),
        },
    )

    themes: dict[int, Theme] = {}
    for item in data.get("themes", []):
        theme, _ = Theme.objects.update_or_create(
            plan=plan, number=item["number"], defaults=_translated("name", item["name"])
        )
        themes[theme.number] = theme

    for item in data.get("commitments", []):
        agency = agencies.get(item["lead_agency"]) or Agency.objects.get(code=item["lead_agency"])
        Commitment.objects.update_or_create(
            plan=plan,
            number=item["number"],
            defaults={
                **_translated("title", item["title"]),
                "theme": themes[item["theme"]],
                "lead_agency": agency,
            },
        )
    return plan


def seed_files() -> list[Path]:
    """The seed files shipped with the project, in name order."""
    return sorted(SEED_DIR.glob("*.json"))


def action_plans_load_seed(*, paths: list[Path] | None = None) -> list[ActionPlan]:
    """Load every shipped action plan (or the given files)."""
    return [action_plan_load(data=json.loads(path.read_text(encoding="utf-8"))) for path in (paths or seed_files())]
