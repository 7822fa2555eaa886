"""What each role may do with the commitments app's models (scoping lives in permissions.py)."""

_MODELS = ("agency", "actionplan", "theme", "commitment")

PERMISSIONS = {
    "ndc_editor": [
        f"commitments.{action}_{model}" for model in _MODELS for action in ("add", "change", "delete", "view")
    ],
    "agency_officer": ["commitments.view_commitment", "commitments.view_agency"],
    "convener": ["commitments.view_commitment", "commitments.view_agency"],
}
