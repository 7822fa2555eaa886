"""Matrix declarations of the budgeting app (process desk, tallies, reviews, snippets, the API).

NDC editors are the budgeting staff; agency officers review their agency's projects.
"""

from __future__ import annotations

from .matrix import ALL_STAFF, BOTH, Rule, allow


def objects(world) -> None:
    from budgeting.models import PollingStation, Process, Project

    process = Process.objects.order_by("pk").first()
    world.add("process", own=process, other=process)
    station = PollingStation.objects.order_by("pk").first()
    world.defaults.update(
        {"process_id": process.pk if process else 1, "station_pk": station.pk if station else 1, "round_": 1}
    )
    own = Project.objects.filter(agency__code="moe").order_by("pk").first() or Project.objects.order_by("pk").first()
    other = Project.objects.exclude(agency__code="moe").order_by("pk").first() or own
    world.add("project", own=own, other=other)


NDC = allow(nd=BOTH)  # the budgeting staff


def _staff_snippet(model: str, *, deletable: bool = False) -> list[Rule]:
    s, c = f"wagtailsnippets_budgeting_{model}:", f"wagtailsnippetchoosers_budgeting_{model}:"
    return [
        Rule(s + "delete", allow=NDC if deletable else {}),
        Rule(s + "*", allow=NDC),
        Rule((c + "choose", c + "choose_results", c + "chosen_multiple"), allow=ALL_STAFF),  # lists scoped
        Rule(c + "chosen", allow=NDC, refused=404),
        Rule(c + "create", allow=NDC),
    ]


RULES = [
    Rule(("budgeting_admin:desk", "budgeting_admin:paper", "budgeting_admin:tally"), allow=NDC),
    Rule(("budgeting_admin:consent", "budgeting_admin:reconcile", "budgeting_admin:shortlist",
          "budgeting_admin:publish", "budgeting_admin:declaration"), refused=405),  # POST only
    Rule(("budgeting_admin:reviews", "budgeting_admin:review"), allow=allow(of=BOTH, nd=BOTH)),
    # no targeted survey in the demo: its object URLs answer 404 to everyone
    Rule(("wagtailsnippets_budgeting_targetedsurvey:list*", "wagtailsnippets_budgeting_targetedsurvey:add",
          "wagtailsnippetchoosers_budgeting_targetedsurvey:create"), allow=NDC),
    Rule(("wagtailsnippetchoosers_budgeting_targetedsurvey:choose*",
          "wagtailsnippetchoosers_budgeting_targetedsurvey:chosen_multiple"), allow=ALL_STAFF),
    Rule("wagtail*_budgeting_targetedsurvey:*", refused=404),
    Rule(("wagtailsnippets_budgeting_project:list", "wagtailsnippets_budgeting_project:list_results"),
         allow=allow(of=BOTH, nd=BOTH)),
    Rule("wagtailsnippetchoosers_budgeting_project:chosen", allow=allow(of=BOTH, nd=BOTH), refused=404),
    *_staff_snippet("project"),
    *_staff_snippet("process"),
    *_staff_snippet("pollingstation"),
    Rule(("api_v1:list_processes", "api_v1:get_process", "api_v1:list_projects", "api_v1:get_results"), public=True),
]  # fmt: skip
