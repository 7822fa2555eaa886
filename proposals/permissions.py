"""Who may do what with proposals: django-rules predicates (core.permissions, docs "Permissions").

- Verified citizens propose and second (K-6.1.2, T-3); the proposer withdraws their own.
- NDC editors are the management team (管理小組): review, return, reject, duplicates,
  agency assignment, notification, invalidation of fraudulent seconds, commendations.
- Agency officers see, confirm or decline their agency's proposals (lead or co-agency, K-6.2.6);
  the lead agency's officers extend and respond (K-6.4).
"""

from __future__ import annotations

import rules
from django.db.models import Q, QuerySet

from commitments.permissions import is_officer_of, user_agency_id
from core.permissions import is_agency_officer, is_ndc_editor, object_perm, register_scoped_policy


def is_verified(user) -> bool:
    """A confirmed email address (K-6.1.2, T-3)."""
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
    return user_agency_id(user) if is_agency_officer(user) else None


@rules.predicate
def is_lead_officer(user, proposal) -> bool:
    """An officer of the proposal's lead agency."""
    return proposal is not None and is_officer_of(user, proposal.agency_id)


@rules.predicate
def is_involved_officer(user, proposal) -> bool:
    """An officer of the lead agency or of a co-agency."""
    agency_id = officer_agency_id(user)
    if proposal is None or agency_id is None:
        return False
    return proposal.agency_id == agency_id or proposal.co_agencies.filter(pk=agency_id).exists()


def _scope(user, action: str, queryset: QuerySet) -> QuerySet:
    """The queryset twin of the predicates: NDC all; officers their agency's (lead or co-agency)."""
    if is_ndc_editor(user):
        return queryset
    agency = officer_agency_id(user)
    if agency is None:
        return queryset.none()
    return queryset.filter(Q(agency_id=agency) | Q(co_agencies=agency)).distinct()


def _register() -> None:
    from .models import Proposal

    object_perm("proposals.view_proposal", is_ndc_editor | is_involved_officer)
    object_perm("proposals.change_proposal", is_ndc_editor | is_involved_officer)
    register_scoped_policy(Proposal, _scope)


_register()


# Helpers for views and services: each one question to the rules above.


def can_view_staff_queue(user) -> bool:
    """NDC editors and agency officers (with the model grant) open the admin queue."""
    return bool(user.has_perm("proposals.view_proposal")) and (
        is_ndc_editor(user) or officer_agency_id(user) is not None
    )


def can_review(user) -> bool:
    """The management team reviews, assigns agencies, notifies (K-6.2, K-6.3.5)."""
    return bool(is_ndc_editor(user)) and user.has_perm("proposals.change_proposal")


def can_confirm(user, proposal) -> bool:
    """Confirm or decline competence: the lead or a co-agency (K-6.2.6); NDC on its behalf."""
    return bool(user.has_perm("proposals.change_proposal", proposal))


def can_respond(user, proposal) -> bool:
    """Extend and respond: the lead agency (K-6.4); NDC on its behalf."""
    return bool(user.has_perm("proposals.change_proposal", proposal)) and (
        bool(is_ndc_editor(user)) or bool(is_lead_officer(user, proposal))
    )
