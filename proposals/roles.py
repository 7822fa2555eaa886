"""What each role may do with the proposals app's models (scoping lives in permissions.py)."""

PERMISSIONS = {
    "ndc_editor": [f"proposals.{a}_{m}" for m in ("proposal", "second") for a in ("change", "view")],
    "agency_officer": ["proposals.view_proposal", "proposals.change_proposal"],
}
