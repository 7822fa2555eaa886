"""What each role may do with the commitments app's models (scoping lives in permissions.py)."""

_MODELS = ("agency", "actionplan", "theme", "commitment")

PERMISSIONS = {
    "ndc_editor": [
        *(f"commitments.{action}_{model}" for model in _MODELS for action in ("add", "change", "delete", "view")),
        # NDC reviews tables through the workflow; the lead agency writes them.
        "commitments.view_commitmenttable",
        # approving in the workflow publishes the table, which needs the publish permission
        "commitments.publish_commitmenttable",
        "commitments.view_indicatorprogress",
        "commitments.add_compiledplan",
        "commitments.view_compiledplan",
    ],
    "agency_officer": [
        "commitments.view_commitment",
        "commitments.view_agency",
        "commitments.add_commitmenttable",
        "commitments.change_commitmenttable",
        "commitments.view_commitmenttable",
        "commitments.lock_commitmenttable",
        "commitments.unlock_commitmenttable",
        "commitments.add_indicatorprogress",
        "commitments.change_indicatorprogress",
        "commitments.view_indicatorprogress",
    ],
    "convener": ["commitments.view_commitment", "commitments.view_agency"],
}
