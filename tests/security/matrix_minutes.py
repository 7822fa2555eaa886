"""Matrix declarations of the minutes app. Own = draft minutes of forum X (the demo convener's);
other = draft minutes of forum Y (commitment 11), never published."""

from __future__ import annotations

from .matrix import ALL_STAFF, BOTH, ONLY_OWN, Rule, allow

OWN_DRAFT = "與會者討論青年諮詢委員的遴選方式與任期"
OTHER_DRAFT = "採購平臺應公開之資料欄位"


def objects(world) -> None:
    from minutes.models import Minutes

    own = Minutes.objects.get(meeting__forum__commitment__number=4, live=False)
    other = Minutes.objects.get(meeting__forum__commitment__number=11)
    world.add(
        "minutes",
        own=own,
        other=other,
        secrets=[(OWN_DRAFT, frozenset({"convener", "ndc_editor"})), (OTHER_DRAFT, frozenset({"ndc_editor"}))],
    )


S = "wagtailsnippets_minutes_minutes:"
C = "wagtailsnippetchoosers_minutes_minutes:"
WRITERS = allow(co=ONLY_OWN, nd=BOTH)  # the forum's convener and NDC editors

RULES = [
    Rule((S + "list", S + "list_results", S + "add"), allow=allow(co=BOTH, nd=BOTH)),
    Rule((S + "delete", S + "revisions_unschedule", S + "unpublish"), obj="minutes", allow=allow(nd=BOTH)),
    Rule((S + "lock", S + "unlock"), obj="minutes", allow=WRITERS, ok=405),  # POST only
    Rule((S + "workflow_action", S + "collect_workflow_action_data"), obj="minutes", allow=WRITERS, ok=302),
    Rule(S + "workflow_history_detail", obj="minutes", allow=WRITERS, ok=404),  # no such workflow state
    Rule(S + "*", obj="minutes", allow=WRITERS),
    Rule((C + "choose", C + "choose_results", C + "chosen_multiple"), allow=ALL_STAFF),  # lists scoped
    Rule(C + "chosen", obj="minutes", allow=WRITERS, refused=404),
    Rule(C + "create", allow=allow(co=BOTH, nd=BOTH)),
    Rule("minutes_translation_queue", allow=allow(nd=BOTH)),
    Rule("minutes_pdf_preview", obj="minutes", allow=WRITERS),
    Rule("api_v1:list_minutes", public=True),
    # drafts are not open data: 404 for everyone, whoever asks
    Rule(
        "api_v1:get_minutes",
        obj="minutes",
        public=True,
        ok=404,
        kwargs=lambda w, side: {"minutes_id": w.get("minutes", side).pk},
    ),
]
