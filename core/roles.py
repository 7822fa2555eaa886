"""Staff and public roles, as Django groups with Wagtail permissions.

Each app lists what its roles may do in its own ``roles.py``::

    PERMISSIONS = {"ndc_editor": ["commitments.change_commitment", ...], ...}

``roles_setup`` (run by ``make run`` and by tests) creates the groups and grants the
union of every app's list. Scoping (a convener's own forum, an officer's own agency)
is checked in each app's permission module, not here.
"""

from __future__ import annotations

from importlib import import_module

from django.utils.translation import gettext_lazy as _

NDC_EDITOR = "ndc_editor"
CONVENER = "convener"
AGENCY_OFFICER = "agency_officer"
MODERATOR = "moderator"
CITIZEN = "citizen"

# Group names are stored in the database; they are the roles' names in the admin.
ROLE_GROUPS: dict[str, str] = {
    NDC_EDITOR: "NDC editors",
    CONVENER: "Forum conveners",
    AGENCY_OFFICER: "Agency officers",
    MODERATOR: "Moderators",
    CITIZEN: "Citizens",
}
ROLE_LABELS = {
    NDC_EDITOR: _("NDC editor"),
    CONVENER: _("Forum convener"),
    AGENCY_OFFICER: _("Agency officer"),
    MODERATOR: _("Moderator"),
    CITIZEN: _("Citizen"),
}
STAFF_ROLES = (NDC_EDITOR, CONVENER, AGENCY_OFFICER, MODERATOR)
ROLE_APPS = ("accounts", "commitments", "forum", "minutes", "consultations", "budgeting")


def role_permissions() -> dict[str, set[str]]:
    """Every role's permissions ("app_label.codename"), gathered from the apps' roles modules."""
    result: dict[str, set[str]] = {role: set() for role in ROLE_GROUPS}
    for app in ROLE_APPS:
        try:
            module = import_module(f"{app}.roles")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.roles":
                raise
            continue
        for role, permissions in getattr(module, "PERMISSIONS", {}).items():
            result[role].update(permissions)
    for role in STAFF_ROLES:
        result[role].add("wagtailadmin.access_admin")
    return result


def user_has_role(user, role: str) -> bool:
    """Whether ``user`` is in ``role``'s group (superusers have every role)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    names = getattr(user, "_role_group_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._role_group_names = names
    return ROLE_GROUPS[role] in names
