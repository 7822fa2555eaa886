"""What each role may do with the budgeting app's models (scoping lives in permissions.py)."""

PERMISSIONS = {
    "ndc_editor": [
        f"budgeting.{action}_{model}"
        for model in (
            "process",
            "project",
            "projectupdate",
            "consentversion",
            "pollingstation",
            "nonresidentdeclaration",
            "tallyentry",
        )
        for action in ("add", "change", "view")
    ],
    "agency_officer": ["budgeting.view_project"],
}
