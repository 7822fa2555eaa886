"""Matrix declarations of the forum app. Own = forum X (commitment 4, the demo convener's);
other = forum Y (commitment 11, its own convener; roster unpublished, contacts secret)."""

from __future__ import annotations

from .matrix import ALL_STAFF, BOTH, ONLY_OWN, Rule, allow

OTHER_CONTACT = "forum11."


def objects(world) -> None:
    from forum.models import Decision, Forum, Meeting

    own = Forum.objects.get(commitment__number=4, commitment__plan__slug="2020-2024")
    other = Forum.objects.get(commitment__number=11, commitment__plan__slug="2020-2024")
    world.add("forum", own=own, other=other, secrets=[(OTHER_CONTACT, frozenset({"ndc_editor"}))])
    world.add("member", own=own.members.order_by("pk").first(), other=other.members.order_by("pk").first())
    world.add(
        "meeting",
        own=Meeting.objects.filter(forum=own).order_by("starts_at").first(),
        other=Meeting.objects.filter(forum=other).order_by("starts_at").first(),
    )
    world.add(
        "decision",
        own=Decision.objects.filter(agenda_item__meeting__forum=own).order_by("pk").first(),
        other=Decision.objects.filter(agenda_item__meeting__forum=other).order_by("pk").first(),
    )


def _forum_rules(model: str, obj: str, *, officer_lists: bool = True, convener_adds: bool, convener_deletes: bool):
    s, c = f"wagtailsnippets_forum_{model}:", f"wagtailsnippetchoosers_forum_{model}:"
    adders = allow(of=BOTH, co=BOTH, nd=BOTH) if convener_adds else allow(nd=BOTH)
    return [
        Rule((s + "list", s + "list_results"), allow=allow(of=BOTH, co=BOTH, nd=BOTH)),  # lists scoped
        Rule(s + "add", allow=adders),
        Rule(s + "delete", obj=obj, allow=allow(co=ONLY_OWN, nd=BOTH) if convener_deletes else allow(nd=BOTH)),
        Rule(s + "*", obj=obj, allow=allow(co=ONLY_OWN, nd=BOTH)),
        Rule((c + "choose", c + "choose_results", c + "chosen_multiple"), allow=ALL_STAFF),  # lists scoped
        Rule(c + "chosen", obj=obj, allow=allow(co=ONLY_OWN, nd=BOTH), refused=404),
        Rule(c + "create", allow=adders),
    ]


RULES = [
    *_forum_rules("forum", "forum", convener_adds=False, convener_deletes=False),
    *_forum_rules("member", "member", convener_adds=True, convener_deletes=False),
    *_forum_rules("meeting", "meeting", convener_adds=True, convener_deletes=True),
    *_forum_rules("decision", "decision", convener_adds=True, convener_deletes=True),
    Rule("forum_admin:*", obj="meeting", allow=allow(co=ONLY_OWN, nd=BOTH)),
    Rule(("api_v1:list_forums", "api_v1:list_meetings"), public=True),
    Rule("api_v1:get_forum", obj="forum", public=True, kwargs=lambda w, side: {"forum_id": w.get("forum", side).pk}),
]
