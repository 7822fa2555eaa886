"""Who may do what in the budgeting app: django-rules predicates, the one place permissions are checked.

NDC editors are the budgeting staff (processes, consent texts, paper proposals and tallies,
declarations, results); agency officers review the feasibility of their own agency's projects
and post their progress; verified users propose online. Voting needs no account: the identity
gate decides (``gate.py``).
"""

from __future__ import annotations

import rules

from core.roles import AGENCY_OFFICER, NDC_EDITOR, user_has_role


@rules.predicate
def is_budgeting_staff(user) -> bool:
    return user_has_role(user, NDC_EDITOR)


@rules.predicate
def is_verified(user) -> bool:
    """A signed-in user with a confirmed email address."""
    if not user.is_authenticated or not user.is_active:
        return False
    cached = getattr(user, "_verified_email", None)
    if cached is None:
        from allauth.account.models import EmailAddress

        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._verified_email = cached
    return cached


def officer_agency_id(user) -> int | None:
    """The agency an agency officer works for, or None."""
    if not user.is_authenticated or not user_has_role(user, AGENCY_OFFICER):
        return None
    staff = getattr(user, "agency_staff", None) if hasattr(user, "agency_staff") else None
    return staff.agency_id if staff is not None else None


@rules.predicate
def is_agency_officer(user) -> bool:
    return officer_agency_id(user) is not None


@rules.predicate
def is_projects_agency_officer(user, project) -> bool:
    """An officer of the agency the project is assigned to for review."""
    agency_id = officer_agency_id(user)
    return agency_id is not None and project is not None and project.agency_id == agency_id


rules.add_perm("budgeting.propose_project", is_verified)
rules.add_perm("budgeting.manage_process", is_budgeting_staff)
rules.add_perm("budgeting.enter_paper", is_budgeting_staff)
rules.add_perm("budgeting.review_project", is_budgeting_staff | is_projects_agency_officer)
rules.add_perm("budgeting.update_project", is_budgeting_staff | is_projects_agency_officer)
rules.add_perm("budgeting.enter_tally", is_budgeting_staff)
rules.add_perm("budgeting.review_declaration", is_budgeting_staff)
rules.add_perm("budgeting.publish_results", is_budgeting_staff)


def can(user, permission: str, obj=None) -> bool:
    """Whether ``user`` holds a budgeting permission (on ``obj``), by the predicates above."""
    return rules.has_perm(f"budgeting.{permission}", user, obj)
