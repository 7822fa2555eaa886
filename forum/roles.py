"""What each role may do with the forum app's models; scoping to a forum is in permissions.py."""

_EDITED = ("forum", "member", "meeting", "agendaitem", "attendance", "decision", "notice")

PERMISSIONS = {
    "ndc_editor": [
        *(f"forum.{action}_{model}" for model in _EDITED for action in ("add", "change", "delete", "view")),
        "forum.change_noticesettings",
        "forum.view_noticesettings",
    ],
    # Conveners edit their own forum (Forum.staff): roster and meetings, never delete a member
    # (history is kept, F-2.3) and never create or delete a forum.
    "convener": [
        "forum.view_forum",
        "forum.change_forum",
        "forum.add_member",
        "forum.change_member",
        "forum.view_member",
        *(
            f"forum.{action}_{model}"
            for model in ("meeting", "agendaitem", "attendance", "decision")
            for action in ("add", "change", "delete", "view")
        ),
        "forum.add_notice",
        "forum.view_notice",
        "commitments.view_commitment",
    ],
}
# A forum's secretariat is often an agency officer: the same permissions, scoped by Forum.staff.
PERMISSIONS["agency_officer"] = [p for p in PERMISSIONS["convener"] if not p.startswith("commitments.")]
