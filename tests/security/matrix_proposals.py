"""Matrix declarations of the proposals app (management queue and a proposal's desk, the API).

Own = a proposal assigned to the Ministry of Education (the demo officer's agency); other = one
assigned elsewhere (or none). NDC editors are the management team and see every proposal.
"""

from __future__ import annotations

from .matrix import BOTH, Rule, allow


def objects(world) -> None:
    from proposals.models import Proposal

    own = Proposal.objects.filter(agency__code="moe").order_by("pk").first() or Proposal.objects.order_by("pk").first()
    other = Proposal.objects.exclude(agency__code="moe").order_by("pk").first() or own
    world.add("proposal", own=own, other=other)
    world.defaults["proposal_id"] = own.pk if own else 1


RULES = [
    Rule("proposals_admin:queue", allow=allow(of=BOTH, nd=BOTH)),  # officers: their agency's proposals only
    Rule("proposals_admin:manage", allow=allow(nd=BOTH)),
    Rule("api_v1:list_proposals", public=True),
    Rule("api_v1:get_proposal", public=True),
]
