"""Matrix declarations of the commitments app: tables, progress, plans, agencies, the API.

Own = Ministry of Education (the demo officer's agency, commitment 4, with a new draft revision);
other = Ministry of Justice (commitment 11's draft table, never published).
"""

from __future__ import annotations

from .matrix import ALL_STAFF, BOTH, ONLY_OWN, Rule, allow

OWN_DRAFT = "（教育部修訂草稿）青年參與管道仍待擴充。"
OTHER_DRAFT = "採購資訊分散，不易監督。"


def objects(world) -> None:
    from commitments.models import Agency, Commitment, CommitmentTable, IndicatorProgress

    own = CommitmentTable.objects.get(commitment__number=4, commitment__plan__slug="2020-2024")
    own.problem_zh_hant = OWN_DRAFT
    own.save_revision(user=world.users["officer"])
    own.refresh_from_db()
    other = CommitmentTable.objects.get(commitment__number=11, commitment__plan__slug="2020-2024")
    world.add(
        "table",
        own=own,
        other=other,
        secrets=[(OWN_DRAFT, frozenset({"officer", "ndc_editor"})), (OTHER_DRAFT, frozenset({"ndc_editor"}))],
    )
    world.add(
        "progress",
        own=IndicatorProgress.objects.filter(indicator__table=own).first(),
        other=IndicatorProgress.objects.filter(indicator__table__commitment__number=1).first(),
    )
    world.add("agency", own=Agency.objects.get(code="moe"), other=Agency.objects.get(code="moj"))
    four = Commitment.objects.get(number=4, plan__slug="2020-2024")
    eleven = Commitment.objects.get(number=11, plan__slug="2020-2024")
    world.add("commitment", own=four, other=eleven)
    world.add("plan", own=four.plan, other=four.plan)
    world.add("theme", own=four.theme, other=eleven.theme)


T = "wagtailsnippets_commitments_commitmenttable:"
TC = "wagtailsnippetchoosers_commitments_commitmenttable:"
P = "wagtailsnippets_commitments_indicatorprogress:"
PC = "wagtailsnippetchoosers_commitments_indicatorprogress:"
OBJECT_READS = (
    "usage",
    "history",
    "history_results",
    "copy",
    "revisions_revert",
    "revisions_compare",
    "confirm_workflow_cancellation",
    "workflow_history",
    "workflow_history_detail",
)
UNSCOPED = (
    ("agency", "agency", BOTH),
    ("commitment", "commitment", BOTH),
    ("actionplan", "plan", None),
    ("theme", "theme", None),
)


def _unscoped(model: str, obj: str, readers) -> list[Rule]:
    """Public reference data: NDC editors manage it; officers and conveners list agencies and commitments."""
    s, c = f"wagtailsnippets_commitments_{model}:", f"wagtailsnippetchoosers_commitments_{model}:"
    return [
        Rule((s + "list", s + "list_results"), allow=allow(of=readers, co=readers, nd=BOTH)),
        Rule(s + "add", allow=allow(nd=BOTH)),
        Rule(s + "*", obj=obj, allow=allow(nd=BOTH)),
        Rule((c + "choose", c + "choose_results", c + "chosen_multiple"), allow=ALL_STAFF),
        Rule(c + "chosen", obj=obj, allow=ALL_STAFF),
        Rule(c + "create", allow=allow(nd=BOTH)),
    ]


RULES = [
    # commitment tables: the lead agency's officers only; NDC reviews (publish, unpublish)
    Rule((T + "list", T + "list_results"), allow=allow(of=BOTH, nd=BOTH)),
    Rule(T + "add", allow=allow(of=BOTH)),
    Rule(T + "edit", obj="table", allow=allow(of=ONLY_OWN)),
    Rule(T + "delete", obj="table"),
    Rule(tuple(T + name for name in OBJECT_READS), obj="table", allow=allow(of=ONLY_OWN)),
    Rule((T + "revisions_unschedule", T + "unpublish"), obj="table", allow=allow(nd=BOTH)),
    Rule((T + "lock", T + "unlock"), obj="table", allow=allow(of=ONLY_OWN), ok=405),  # POST only
    # no task in progress: Wagtail sends whoever may see the table back to its editor
    Rule((T + "workflow_action", T + "collect_workflow_action_data"), obj="table", ok=302,
         allow=allow(of=ONLY_OWN, nd=BOTH)),
    Rule((TC + "choose", TC + "choose_results", TC + "chosen_multiple"), allow=ALL_STAFF),  # lists scoped
    Rule(TC + "chosen", obj="table", allow=allow(of=ONLY_OWN, nd=BOTH), refused=404),
    Rule(TC + "create", allow=allow(of=BOTH)),
    # indicator progress: the lead agency's officers
    Rule((P + "list", P + "list_results"), allow=allow(of=BOTH, nd=BOTH)),
    Rule(P + "add", allow=allow(of=BOTH)),
    Rule(P + "delete", obj="progress"),
    Rule(P + "*", obj="progress", allow=allow(of=ONLY_OWN)),
    Rule((PC + "choose", PC + "choose_results", PC + "chosen_multiple"), allow=ALL_STAFF),
    Rule(PC + "chosen", obj="progress", allow=allow(of=ONLY_OWN, nd=BOTH), refused=404),
    Rule(PC + "create", allow=allow(of=BOTH)),
    *(rule for model, obj, readers in UNSCOPED for rule in _unscoped(model, obj, readers)),
    Rule("commitments_monitoring", allow=allow(nd=BOTH)),
    Rule(("api_v1:*commitment*", "api_v1:*action_plan*"), public=True,
         kwargs=lambda w, side: {"number": 4, "plan_id": "2020-2024"}),
]  # fmt: skip
