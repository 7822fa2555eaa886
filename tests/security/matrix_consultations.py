"""Matrix declarations of the consultations app. Own = a consultation of the Ministry of Education
(commitment 4) and a comment on it; other = NDC's consultation (commitment 1) and its comment."""

from __future__ import annotations

from .matrix import ALL_STAFF, BOTH, ONLY_OWN, Rule, allow


def objects(world) -> None:
    import uuid

    from consultations.models import Comment, Consultation, Suggestion

    own = Consultation.objects.filter(agency__code="moe").order_by("pk").first()
    other = Consultation.objects.exclude(agency__code="moe").order_by("pk").first()
    world.add("consultation", own=own, other=other)
    world.add(
        "comment",
        own=Comment.objects.filter(consultation=own).order_by("pk").first(),
        other=Comment.objects.filter(consultation=other).order_by("pk").first(),
    )
    suggestion = Suggestion.objects.create(
        author=world.users["citizen"], title="建議", text="建議新增承諾事項。", token=uuid.uuid4()
    )
    world.add("suggestion", own=suggestion, other=suggestion)


S = "wagtailsnippets_consultations_consultation:"
C = "wagtailsnippetchoosers_consultations_consultation:"
MANAGERS = allow(of=ONLY_OWN, nd=BOTH)  # the consultation's agency officers and NDC editors


def _consultation_id(world, side):
    return {"consultation_id": world.get("consultation", side).pk}


RULES = [
    Rule((S + "list", S + "list_results", S + "add"), allow=allow(of=BOTH, nd=BOTH)),
    Rule(S + "delete", obj="consultation"),
    Rule(S + "*", obj="consultation", allow=MANAGERS),
    Rule((C + "choose", C + "choose_results", C + "chosen_multiple"), allow=ALL_STAFF),  # lists scoped
    Rule(C + "chosen", obj="consultation", allow=MANAGERS, refused=404),
    Rule(C + "create", allow=allow(of=BOTH, nd=BOTH)),
    Rule(("consultations_admin:consultation", "consultations_admin:export"), obj="consultation", allow=MANAGERS),
    Rule("consultations_admin:inbox", allow=allow(of=BOTH, nd=BOTH)),
    Rule("consultations_admin:inbox_comment", obj="comment", allow=MANAGERS),
    Rule("consultations_admin:moderation", allow=allow(mo=BOTH)),
    Rule("consultations_admin:moderate", obj="comment", allow=allow(mo=BOTH)),
    Rule("consultations_admin:suggestions", allow=allow(nd=BOTH)),
    Rule("consultations_admin:suggestion", obj="suggestion", allow=allow(nd=BOTH)),
    Rule("api_v1:list_consultations", public=True),
    Rule(("api_v1:get_consultation", "api_v1:list_comments"), obj="consultation", public=True, kwargs=_consultation_id),
]
