"""Who may do what with commitment tables and their progress: the one place for scoping.

- An agency officer edits the tables of commitments his agency leads, and records their
  progress; officers of co-agencies may see those tables but not change them.
- NDC editors see every table, review submissions (Wagtail workflow) and compile the plan.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from core.roles import AGENCY_OFFICER, NDC_EDITOR, user_has_role


def user_agency_id(user) -> int | None:
    """The id of the agency an officer works for, or ``None``."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_agency_id_cache"):
        from .models import AgencyStaff

        user._agency_id_cache = AgencyStaff.objects.filter(user=user).values_list("agency_id", flat=True).first()
    return user._agency_id_cache


def is_reviewer(user) -> bool:
    """NDC editors review tables, see every table and compile the plan."""
    return user_has_role(user, NDC_EDITOR)


def can_create_table(user, commitment) -> bool:
    """An officer of the commitment's lead agency may start its table."""
    if getattr(user, "is_superuser", False):
        return True
    return user_has_role(user, AGENCY_OFFICER) and user_agency_id(user) == commitment.lead_agency_id


def can_edit_table(user, table) -> bool:
    """Only officers of the lead agency edit a table (superusers too)."""
    return can_create_table(user, table.commitment)


def can_view_table(user, table) -> bool:
    """NDC editors, and officers of the lead or a co-agency, see a table in the admin."""
    if getattr(user, "is_superuser", False) or is_reviewer(user) or can_edit_table(user, table):
        return True
    agency = user_agency_id(user)
    return (
        agency is not None
        and user_has_role(user, AGENCY_OFFICER)
        and any(a.pk == agency for a in table.co_agencies.all())
    )


def tables_visible_to(user, queryset: QuerySet) -> QuerySet:
    """The tables ``user`` may see in the admin."""
    if getattr(user, "is_superuser", False) or is_reviewer(user):
        return queryset
    agency = user_agency_id(user)
    if agency is None or not user_has_role(user, AGENCY_OFFICER):
        return queryset.none()
    return queryset.filter(Q(commitment__lead_agency_id=agency) | Q(co_agencies=agency)).distinct()


def tables_editable_by(user, queryset: QuerySet) -> QuerySet:
    """The tables ``user`` may edit (and record progress on)."""
    if getattr(user, "is_superuser", False):
        return queryset
    agency = user_agency_id(user)
    if agency is None or not user_has_role(user, AGENCY_OFFICER):
        return queryset.none()
    return queryset.filter(commitment__lead_agency_id=agency)


def commitments_for_new_tables(user, queryset: QuerySet) -> QuerySet:
    """The commitments ``user`` may start a table for (his agency's, not yet with a table)."""
    queryset = queryset.filter(table__isnull=True)
    if getattr(user, "is_superuser", False):
        return queryset
    agency = user_agency_id(user)
    if agency is None or not user_has_role(user, AGENCY_OFFICER):
        return queryset.none()
    return queryset.filter(lead_agency_id=agency)


def can_record_progress(user, indicator) -> bool:
    """The lead agency's officers report progress on its published indicators."""
    return can_edit_table(user, indicator.table)


def can_compile_plan(user) -> bool:
    return getattr(user, "is_superuser", False) or is_reviewer(user)
