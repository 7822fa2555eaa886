"""Who may do what with proposals: django-rules predicates (CONTRACTS item 7), the one place.

- Citizens with a verified email propose, second and withdraw their own (K-6.1.2, T-3).
- NDC editors are the management team (管理小組): review, return, reject, duplicates,
  agency assignment, notification, invalidation of fraudulent seconds, commendations.
- Agency officers confirm or decline, extend and respond for their own agency's proposals
  (lead or co-agency for confirmation; the lead agency responds).
"""

from __future__ import annotations

import rules as django_rules

from core.roles import AGENCY_OFFICER, NDC_EDITOR, user_has_role


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
    if not user.is_authenticated or not user_has_role(user, AGENCY_OFFICER):
        return None
    staff = getattr(user, "agency_staff", None) if hasattr(user, "agency_staff") else None
    return staff.agency_id if staff is not None else None


@django_rules.predicate
def is_verified_citizen(user) -> bool:
    return is_verified(user)


@django_rules.predicate
def is_management_team(user) -> bool:
    return user_has_role(user, NDC_EDITOR)


@django_rules.predicate
def is_agency_officer(user) -> bool:
    return officer_agency_id(user) is not None


@django_rules.predicate
def is_author(user, proposal) -> bool:
    return proposal is not None and user.is_authenticated and proposal.author_id == user.pk


@django_rules.predicate
def is_lead_officer(user, proposal) -> bool:
    agency_id = officer_agency_id(user)
    return proposal is not None and agency_id is not None and proposal.agency_id == agency_id


@django_rules.predicate
def is_involved_officer(user, proposal) -> bool:
    """An officer of the lead agency or of a co-agency."""
    agency_id = officer_agency_id(user)
    if proposal is None or agency_id is None:
        return False
    return proposal.agency_id == agency_id or proposal.co_agencies.filter(pk=agency_id).exists()


can_propose = is_verified_citizen
can_second = is_verified_citizen
can_withdraw = is_author
can_review = is_management_team
can_view_staff_queue = is_management_team | is_agency_officer
can_confirm = is_involved_officer | is_management_team
can_respond = is_lead_officer | is_management_team

django_rules.add_perm("proposals.add_proposal", can_propose)
django_rules.add_perm("proposals.add_second", can_second)
django_rules.add_perm("proposals.withdraw_proposal", can_withdraw)
django_rules.add_perm("proposals.review_proposal", can_review)
django_rules.add_perm("proposals.view_proposal_queue", can_view_staff_queue)
django_rules.add_perm("proposals.confirm_proposal", can_confirm)
django_rules.add_perm("proposals.respond_proposal", can_respond)
