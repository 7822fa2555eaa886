"""Who may do what in the budgeting app (rules predicates, core.permissions; docs/architecture.md).

- NDC editors are the budgeting staff: processes and their calendars, consent texts, paper
  proposals, polling stations and double-entry paper tallies, non-resident declarations,
  workshop notes, shortlists and results.
- Agency officers review the feasibility of (and post progress on) their own agency's projects.
- Verified users propose projects online. Voting needs no account: the identity gate decides.
"""

from __future__ import annotations

import rules
from django.db.models import QuerySet

from commitments.permissions import is_officer_of, user_agency_id
from core.permissions import is_agency_officer, is_ndc_editor, object_perm, register_scoped_policy

STAFF_MODELS = ("process", "consentversion", "pollingstation", "nonresidentdeclaration", "tallyentry", "targetedsurvey")


@rules.predicate
def is_project_officer(user, project) -> bool:
    """An officer of the agency that reviews ``project``."""
    return project is not None and is_officer_of(user, project.agency_id)


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


def _staff_scope(user, action: str, queryset: QuerySet) -> QuerySet:
    return queryset if is_ndc_editor(user) else queryset.none()


def _project_scope(user, action: str, queryset: QuerySet) -> QuerySet:
    """The queryset twin of the project predicates."""
    if is_ndc_editor(user):
        return queryset
    if action in ("view", "review") and is_agency_officer(user):
        agency = user_agency_id(user)
        return queryset.filter(agency_id=agency) if agency is not None else queryset.none()
    return queryset.none()


def _register() -> None:
    from .models import PollingStation, Process, Project, TargetedSurvey

    for model in STAFF_MODELS:
        for action in ("add", "change", "delete", "view"):
            object_perm(f"budgeting.{action}_{model}", is_ndc_editor)
    for action in ("add", "change", "delete"):
        object_perm(f"budgeting.{action}_project", is_ndc_editor)
    object_perm("budgeting.view_project", is_ndc_editor | is_project_officer)
    object_perm("budgeting.review_project", is_ndc_editor | is_project_officer)
    register_scoped_policy(Process, _staff_scope)
    register_scoped_policy(PollingStation, _staff_scope)
    register_scoped_policy(TargetedSurvey, _staff_scope)
    register_scoped_policy(Project, _project_scope)


_register()


# Helpers for views and services: each is one question to the rules above.


def is_budgeting_staff(user) -> bool:
    return bool(is_ndc_editor(user))


def can_manage_process(user, process=None) -> bool:
    """Consent, paper proposals and tallies, declarations, shortlist and results of a process."""
    return is_ndc_editor(user) and user.has_perm("budgeting.change_process", process)


def can_review_project(user, project) -> bool:
    """Feasibility review and progress updates: NDC editors, and officers of the project's agency."""
    return user.has_perm("budgeting.review_project", project)


def can_review_any(user) -> bool:
    return is_ndc_editor(user) or (is_agency_officer(user) and user_agency_id(user) is not None)


def can_propose(user) -> bool:
    """Online proposals come from verified users (P-1)."""
    return is_verified(user)


def officer_agency_id(user) -> int | None:
    return user_agency_id(user) if is_agency_officer(user) else None
