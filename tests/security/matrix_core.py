"""Matrix declarations of the core app: the outbox of failed emails (superusers only), the API root."""

from __future__ import annotations

from .matrix import ALL_STAFF, BOTH, Rule, allow

RULES = [
    Rule(("outgoing_email:index", "outgoing_email:index_results", "outgoing_email:add", "outgoing_email:edit",
          "outgoing_email:copy")),
    Rule("outgoing_email:retry", refused=405),  # POST only
    Rule("outgoing_email:*", refused=404),  # no such email: refused before anything is shown
    Rule("api_v1:openapi-*", public=True),
    Rule("api_v1:list_profiles", public=True),
    # public reference data for NDC editors: policy profiles, voting days, workday overrides
    *(
        rule
        for model in ("policyprofile", "votingday", "workdayoverride")
        for rule in (
            Rule((f"wagtailsnippetchoosers_core_{model}:choose", f"wagtailsnippetchoosers_core_{model}:choose_results",
                  f"wagtailsnippetchoosers_core_{model}:chosen_multiple"), allow=ALL_STAFF),
            Rule(f"wagtailsnippetchoosers_core_{model}:chosen", allow=ALL_STAFF if model != "workdayoverride" else {},
                 refused=404),
            Rule((f"wagtailsnippets_core_{model}:list*", f"wagtailsnippets_core_{model}:add",
                  f"wagtailsnippetchoosers_core_{model}:create"), allow=allow(nd=BOTH)),
            # no workday override in the demo: its object URLs answer 404 to everyone
            Rule(f"wagtailsnippets_core_{model}:*", refused=404) if model == "workdayoverride" else
            Rule(f"wagtailsnippets_core_{model}:delete", allow=allow(nd=BOTH) if model == "votingday" else {}),
            Rule(f"wagtailsnippets_core_{model}:*", allow=allow(nd=BOTH)),
        )
    ),
    Rule("api_v1:api-root", public=True, ok=404),
]  # fmt: skip
