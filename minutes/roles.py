"""What each role may do with the minutes app's models (scoping lives in permissions.py).

Document permissions are per collection in Wagtail: ``services.workflows_setup`` grants them."""

PERMISSIONS = {
    "ndc_editor": [
        "minutes.add_minutes",
        "minutes.change_minutes",
        "minutes.delete_minutes",
        "minutes.view_minutes",
        "minutes.publish_minutes",
        "minutes.lock_minutes",
        "minutes.unlock_minutes",
    ],
    "convener": [
        "minutes.add_minutes",
        "minutes.change_minutes",
        "minutes.view_minutes",
        "minutes.lock_minutes",
        "minutes.unlock_minutes",
    ],
}
