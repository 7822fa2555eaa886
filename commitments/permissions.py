"""Who may do what with commitment tables and their progress (rules predicates, core.permissions).

- An agency officer edits, locks and submits the tables of commitments his agency leads, and
  records their progress; officers of co-agencies may see those tables but not change them.
  Officers of any other agency see nothing of them, drafts included.
- NDC editors see every table, review submissions (Wagtail workflow) and compile the plan.
"""

from __future__ import annotations

import rules
from django.db.models import Q, QuerySet

from core.permissions import is_agency_officer, is_ndc_editor, object_perm, register_scoped_policy


def user_agency_id(user) -> int | None:
    """The id of the agency an officer works for, or ``None``."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_agency_id_cache"):
        from .models import AgencyStaff

        user._agency_id_cache = AgencyStaff.objects.filter(user=user).values_list("agency_id", flat=True).first()
    return user._agency_id_cache


def is_officer_of(user, agency_id: int | None) -> bool:
    """Whether ``user`` is an agency officer working for agency ``agency_id``."""
    return agency_id is not None and is_agency_officer(user) and user_agency_id(user) == agency_id


@rules.predicate
def is_lead_officer(user, table) -> bool:
    """An officer of the lead agency of ``table``'s commitment."""
    return table is not None and is_officer_of(user, table.commitment.lead_agency_id)


@rules.predicate
def is_co_agency_officer(user, table) -> bool:
    agency = user_agency_id(user)
    return (
        table is not None
        and agency is not None
        and is_agency_officer(user)
        and any(a.pk == agency for a in table.co_agencies.all())
    )


@rules.predicate
def is_progress_officer(user, progress) -> bool:
    """An officer of the lead agency of the table the progress report belongs to."""
    return progress is not None and is_lead_officer(user, progress.indicator.table)


def _register() -> None:
    from .models import CommitmentTable, IndicatorProgress

    object_perm("commitments.view_commitmenttable", is_ndc_editor | is_lead_officer | is_co_agency_officer)
    for action in ("add", "change", "delete", "lock", "unlock"):
        object_perm(f"commitments.{action}_commitmenttable", is_lead_officer)
    object_perm("commitments.publish_commitmenttable", is_ndc_editor)
    object_perm("commitments.view_indicatorprogress", is_ndc_editor | is_progress_officer)
    for action in ("add", "change", "delete"):
        object_perm(f"commitments.{action}_indicatorprogress", is_progress_officer)
    register_scoped_policy(CommitmentTable, _tables_scope)
    register_scoped_policy(IndicatorProgress, _progress_scope)


def _tables_scope(user, action: str, queryset: QuerySet) -> QuerySet:
    """The queryset twin of the table predicates above."""
    agency = user_agency_id(user) if is_agency_officer(user) else None
    if action == "view":
        if is_ndc_editor(user):
            return queryset
        if agency is None:
            return queryset.none()
        return queryset.filter(Q(commitment__lead_agency_id=agency) | Q(co_agencies=agency)).distinct()
    if action == "publish":
        return queryset if is_ndc_editor(user) else queryset.none()
    return queryset.filter(commitment__lead_agency_id=agency) if agency is not None else queryset.none()


def _progress_scope(user, action: str, queryset: QuerySet) -> QuerySet:
    if action == "view" and is_ndc_editor(user):
        return queryset
    agency = user_agency_id(user) if is_agency_officer(user) else None
    if agency is None:
        return queryset.none()
    return queryset.filter(indicator__table__commitment__lead_agency_id=agency)


_register()


# Helpers for views and services: each is one question to the rules above.


def is_reviewer(user) -> bool:
    """NDC editors review tables, see every table and compile the plan."""
    return is_ndc_editor(user)


def can_create_table(user, commitment) -> bool:
    """An officer of the commitment's lead agency may start its table."""
    if getattr(user, "is_superuser", False):
        return True
    return user.has_perm("commitments.add_commitmenttable") and is_officer_of(user, commitment.lead_agency_id)


def can_edit_table(user, table) -> bool:
    """Only officers of the lead agency edit a table (superusers too)."""
    return user.has_perm("commitments.change_commitmenttable", table)


def can_view_table(user, table) -> bool:
    """NDC editors, and officers of the lead or a co-agency, see a table in the admin."""
    return user.has_perm("commitments.view_commitmenttable", table)


def tables_visible_to(user, queryset: QuerySet) -> QuerySet:
    """The tables of ``queryset`` that ``user`` may see in the admin."""
    from core.permissions import policy_for

    from .models import CommitmentTable

    return queryset.filter(pk__in=policy_for(CommitmentTable).instances_user_has_permission_for(user, "view"))


def tables_editable_by(user, queryset: QuerySet) -> QuerySet:
    """The tables of ``queryset`` that ``user`` may edit (and record progress on)."""
    from core.permissions import policy_for

    from .models import CommitmentTable

    return queryset.filter(pk__in=policy_for(CommitmentTable).instances_user_has_permission_for(user, "change"))


def commitments_for_new_tables(user, queryset: QuerySet) -> QuerySet:
    """The commitments ``user`` may start a table for (his agency's, not yet with a table)."""
    queryset = queryset.filter(table__isnull=True)
    if getattr(user, "is_superuser", False):
        return queryset
    agency = user_agency_id(user)
    if agency is None or not is_agency_officer(user) or not user.has_perm("commitments.add_commitmenttable"):
        return queryset.none()
    return queryset.filter(lead_agency_id=agency)


def can_record_progress(user, indicator) -> bool:
    """The lead agency's officers report progress on its indicators."""
    return user.has_perm("commitments.add_indicatorprogress") and (
        user.is_superuser or is_lead_officer(user, indicator.table)
    )


def can_compile_plan(user) -> bool:
    return is_ndc_editor(user) and user.has_perm("commitments.add_compiledplan")
