"""What each role may do with the budgeting app's models (scoping lives in permissions.py)."""

from .permissions import STAFF_MODELS

PERMISSIONS = {
    "ndc_editor": [
        f"budgeting.{action}_{model}" for model in (*STAFF_MODELS, "project") for action in ("add", "change", "view")
    ]
    + ["budgeting.review_project"],
    "agency_officer": ["budgeting.view_project", "budgeting.review_project"],
}
