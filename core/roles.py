"""Staff and public roles, as Django groups with Wagtail permissions.

Each app lists what its roles may do in its own ``roles.py``::

    PERMISSIONS = {"ndc_editor": ["commitments.change_commitment", ...], ...}

``roles_setup`` (run by ``make run`` and by tests) creates the groups and grants the
union of every app's list. Scoping (a convener's own forum, an officer's own agency)
is checked in each app's permission module, not here.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

NDC_EDITOR = "ndc_editor"
CONVENER = "convener"
AGENCY_OFFICER = "agency_officer"
MODERATOR = "moderator"
CITIZEN = "citizen"

# Group names are stored in the database; they are the roles' names in the admin. They are our
# own: Wagtail's default groups ("Moderators", "Editors") carry page and collection grants that
# none of our roles must inherit (a comment moderator once could unpublish the home page).
# Stored as English msgids and read in the admin's language (``core.stored_names``).
ROLE_GROUPS: dict[str, str] = {
    NDC_EDITOR: gettext_noop("NDC editors"),
    CONVENER: gettext_noop("Forum conveners"),
    AGENCY_OFFICER: gettext_noop("Agency officers"),
    MODERATOR: gettext_noop("Comment moderators"),
    CITIZEN: gettext_noop("Citizens"),
}
# Names a role's group had on older installs: ``roles_setup`` renames them (members kept).
LEGACY_GROUP_NAMES: dict[str, tuple[str, ...]] = {MODERATOR: ("Moderators",)}
# Wagtail's default groups: removed by ``roles_setup`` once nobody is in them.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
ROLE_LABELS = {
    NDC_EDITOR: _("NDC editor"),
    CONVENER: _("Forum convener"),
    AGENCY_OFFICER: _("Agency officer"),
    MODERATOR: _("Comment moderator"),
    CITIZEN: _("Citizen"),
}
STAFF_ROLES = (NDC_EDITOR, CONVENER, AGENCY_OFFICER, MODERATOR)

# Core's own data (W-1, K-8): NDC editors keep the policy profiles and the calendars.
PERMISSIONS = {
    NDC_EDITOR: [
        f"core.{action}_{model}"
        for model in ("policyprofile", "workdayoverride", "votingday")
        for action in ("add", "change", "view", "delete")
        if not (model == "policyprofile" and action == "delete")
    ]
}


def project_apps() -> list[str]:
    """The installed apps of this project (not third-party ones), in INSTALLED_APPS order."""
    base = Path(settings.BASE_DIR).resolve()
    paths = {c.name: Path(c.path).resolve() for c in apps.get_app_configs()}
    return [name for name, path in paths.items() if path.is_relative_to(base) and "site-packages" not in path.parts]


def role_permissions() -> dict[str, set[str]]:
    """Every role's permissions ("app_label.codename"), gathered from the apps' roles modules."""
    result: dict[str, set[str]] = {role: set() for role in ROLE_GROUPS}
    for app in project_apps():
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
