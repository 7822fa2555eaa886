"""What each role may do with the consultations app's models (scoping lives in permissions.py)."""

PERMISSIONS = {
    "ndc_editor": [
        f"consultations.{action}_{model}"
        for model in ("consultation", "consultationattachment", "suggestion")
        for action in ("add", "change", "view")
    ],
    "agency_officer": [
        "consultations.add_consultation",
        "consultations.change_consultation",
        "consultations.view_consultation",
        "consultations.view_comment",
    ],
    "moderator": ["consultations.view_comment", "consultations.change_comment"],
}
