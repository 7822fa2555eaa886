"""Admin of the budgeting app: audit actions, processes, projects, declarations, paper tallies."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

LOG_ACTIONS = {
    "budgeting.consent_publish": (_("Publish consent text"), _("Consent text published")),
    "budgeting.project_propose": (_("Propose project"), _("Project proposed")),
    "budgeting.project_enter_paper": (_("Enter paper proposal"), _("Paper proposal entered")),
    "budgeting.project_refine": (_("Record workshop notes"), _("Workshop notes recorded")),
    "budgeting.project_review": (_("Review feasibility"), _("Feasibility reviewed")),
    "budgeting.project_update": (_("Add progress update"), _("Progress update added")),
    "budgeting.declaration_review": (_("Review declaration"), _("Declaration reviewed")),
    "budgeting.tally_enter": (_("Enter paper tally"), _("Paper tally entered")),
    "budgeting.tally_mismatch": (_("Reconcile paper tally"), _("Paper tally entries differ")),
    "budgeting.tally_reconcile": (_("Reconcile paper tally"), _("Paper tally reconciled")),
    "budgeting.shortlist": (_("Shortlist for round 2"), _("Round 2 shortlist set")),
    "budgeting.results_publish": (_("Publish results"), _("Results published")),
}


@hooks.register("register_log_actions")
def register_budgeting_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)
