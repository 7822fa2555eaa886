"""Compiling the national action plan: the bilingual PDF of 12 commitments with 5 indicators each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from .common import Site, seconds


def _publish_twelve():
    from commitments.demo import TEXTS, build_table, publish_table
    from commitments.models import ActionPlan, Commitment, Indicator

    plan = ActionPlan.objects.current()
    User = get_user_model()
    root, _ = User.objects.get_or_create(username="bench-root", defaults={"is_superuser": True, "is_staff": True})
    for commitment in Commitment.objects.filter(plan=plan).order_by("number"):
        if hasattr(commitment, "table"):
            continue
        table = build_table(commitment, texts=TEXTS[4])  # one indicator per plan year (4) ...
        Indicator.objects.create(  # ... and a fifth
            table=table,
            description_zh_hant="年度成果報告公開",
            description_en="Annual results report published",
            starts_on=plan.starts_on,
            ends_on=plan.starts_on + dt.timedelta(days=200),
            target_value=Decimal(1),
            target_unit_zh_hant="份",
            target_unit_en="report",
            sort_order=9,
        )
        publish_table(table, submitter=root, reviewer=root)
    return plan


STATE: dict = {}


def setup() -> None:
    STATE["plan"] = _publish_twelve().pk


def run(site: Site) -> None:
    from commitments import exports
    from commitments.models import ActionPlan
    from commitments.services.tables import plan_snapshot

    plan = ActionPlan.objects.get(pk=STATE["plan"])
    holder = {}

    def compile_pdf():
        data = plan_snapshot(plan, version=1, compiled_at=timezone.now())
        holder["pdf"] = exports.render_pdf_bytes(data)
        holder["count"] = len(data["commitments"])
        holder["indicators"] = sum(len(c["indicators"]) for c in data["commitments"])

    elapsed = seconds(compile_pdf)
    note = f"{holder['count']} commitments, {holder['indicators']} indicators, {len(holder['pdf']) // 1024} KB"
    note += f"; = {elapsed * site.floor:,.0f} one-line requests at the floor's {site.floor:,.0f} req/s"
    site.report.add("compile bilingual plan PDF (12 commitments × 5 indicators)", elapsed, "s", note, section="PDFs")
