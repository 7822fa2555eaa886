"""Site set-up: roles, the home page, demo accounts. Every function is idempotent."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import GroupPagePermission, Locale, Page, Site

from .models import HomePage
from .roles import (
    CITIZEN,
    LEGACY_GROUP_NAMES,
    MODERATOR,
    NDC_EDITOR,
    ROLE_GROUPS,
    WAGTAIL_DEFAULT_GROUPS,
    role_permissions,
)

HOME_TITLE = {"zh-hant": "開放政府共創平臺", "en": "Open Government Co-creation"}
HOME_INTRO = {
    "zh-hant": "<p>這是我國開放政府國家行動方案的共創平臺：多元利害關係人論壇的成員、會議與決議，"
    "中英文會議紀錄，承諾事項表及其衡量指標，以及公眾諮詢，都在這裡公開。</p>",
    "en": "<p>This is the co-creation platform of Taiwan's Open Government National Action Plan: the members, "
    "meetings and decisions of the multi-stakeholder forums, bilingual minutes, commitment tables with their "
    "indicators, and public consultations, all in the open.</p>",
}


@transaction.atomic
def roles_setup() -> dict[str, Group]:
    """Create the role groups and grant each exactly the permissions the apps declare.

    On an existing install it also renames a role's old group (``LEGACY_GROUP_NAMES``, members
    kept), removes every other model, page and collection grant from our groups (Wagtail's default
    "Moderators" group came with page and collection grants), takes the comment moderators and
    citizens out of any approval task, and deletes Wagtail's default groups once nobody is in them.
    """
    _legacy_groups_rename()
    groups: dict[str, Group] = {}
    for role, codenames in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=ROLE_GROUPS[role])
        permissions = []
        for dotted in sorted(codenames):
            app_label, codename = dotted.split(".", 1)
            permissions.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(permissions)
        groups[role] = group
    kept_collection = _documents_grant(groups)
    kept_page: list[int] = []
    root = Page.get_first_root_node()
    if root is not None:
        for codename in PAGE_GRANTS[NDC_EDITOR]:
            grant, _ = GroupPagePermission.objects.get_or_create(
                group=groups[NDC_EDITOR],
                page=root,
                permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
            )
            kept_page.append(grant.pk)
    _stale_grants_remove(groups, kept_page, kept_collection)
    return groups


# Page grants on the root page, per role: only NDC editors edit pages.
PAGE_GRANTS = {NDC_EDITOR: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")}


def _legacy_groups_rename() -> None:
    for role, old_names in LEGACY_GROUP_NAMES.items():
        if Group.objects.filter(name=ROLE_GROUPS[role]).exists():
            continue
        legacy = Group.objects.filter(name__in=old_names).order_by("pk").first()
        if legacy is not None:
            legacy.name = ROLE_GROUPS[role]
            legacy.save(update_fields=["name"])


def _stale_grants_remove(groups: dict[str, Group], kept_page: list[int], kept_collection: list[int]) -> None:
    from wagtail.models import GroupApprovalTask, GroupCollectionPermission

    ours = list(groups.values())
    GroupPagePermission.objects.filter(group__in=ours).exclude(pk__in=kept_page).delete()
    GroupCollectionPermission.objects.filter(group__in=ours).exclude(pk__in=kept_collection).delete()
    for role in (MODERATOR, CITIZEN):
        for task in GroupApprovalTask.objects.filter(groups=groups[role]):
            task.groups.remove(groups[role])
            if not task.groups.exists():
                task.groups.add(groups[NDC_EDITOR])
    for name in WAGTAIL_DEFAULT_GROUPS:
        if name not in ROLE_GROUPS.values():
            Group.objects.filter(name=name, user__isnull=True).delete()


DOCUMENT_ROLES = ("ndc_editor", "convener", "agency_officer")


def _documents_grant(groups: dict[str, Group]) -> list[int]:
    """Staff who attach documents (minutes, consultations) may upload and choose them."""
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return []
    kept = []
    for role in DOCUMENT_ROLES:
        for codename in ("add_document", "choose_document"):
            grant, _ = GroupCollectionPermission.objects.get_or_create(
                group=groups[role],
                collection=root,
                permission=Permission.objects.get(codename=codename, content_type__app_label="wagtaildocs"),
            )
            kept.append(grant.pk)
    return kept


@transaction.atomic
def site_ensure_home() -> HomePage:
    """Make a bilingual HomePage the default site's root (replacing Wagtail's welcome page)."""
    home = HomePage.objects.first()
    if home is None:
        Locale.get_default() if Locale.objects.exists() else Locale.objects.create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = HomePage(
            title_zh_hant=HOME_TITLE["zh-hant"],
            title_en=HOME_TITLE["en"],
            title=HOME_TITLE["zh-hant"],
            slug="home-ogp",
            intro_zh_hant=HOME_INTRO["zh-hant"],
            intro_en=HOME_INTRO["en"],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="OGP Taiwan")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2 and not old_root.get_children().exists():
            old_root.delete()
    return home


def site_sync_public_address() -> None:
    """Point the Sites framework (used by allauth's emails) at PUBLIC_BASE_URL (core/links.py)."""
    from django.contrib.sites.models import Site as DjangoSite

    from .links import site_domain

    DjangoSite.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": site_domain(), "name": site_domain()})
    DjangoSite.objects.clear_cache()


DEMO_PASSWORD = "demo-ogp-2020"
DEMO_ACCOUNTS = {
    "ndc_editor": ("ndc.editor@demo.ogp.tw", "NDC", "Editor"),
    "convener": ("convener@demo.ogp.tw", "Forum", "Convener"),
    "agency_officer": ("officer@demo.ogp.tw", "Agency", "Officer"),
    "moderator": ("moderator@demo.ogp.tw", "Comment", "Moderator"),
    # a second forum's convener (commitment 11) and a second agency's officer (Ministry of Justice)
    "convener_2": ("convener2@demo.ogp.tw", "Second", "Convener"),
    "agency_officer_2": ("officer2@demo.ogp.tw", "Justice", "Officer"),
}
# The role of each demo account whose key is not a role's name.
DEMO_ACCOUNT_ROLES = {"convener_2": "convener", "agency_officer_2": "agency_officer"}


def demo_accounts_ensure() -> dict[str, object]:
    """One demo account per staff role. Refused unless settings.DEMO_DATA_ALLOWED."""
    if not getattr(settings, "DEMO_DATA_ALLOWED", False):
        raise PermissionError("Demo accounts are only created with DEMO_DATA_ALLOWED (development and tests).")
    groups = roles_setup()
    User = get_user_model()
    accounts = {}
    for role, (email, first, last) in DEMO_ACCOUNTS.items():
        user, created = User.objects.get_or_create(
            username=email, defaults={"email": email, "first_name": first, "last_name": last}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(groups[DEMO_ACCOUNT_ROLES.get(role, role)])
        accounts[role] = user
    return accounts


@transaction.atomic
def policy_profiles_load_seed() -> list:
    """Create the shipped policy profiles (Kaohsiung, Taichung, national; W-1) that are missing.

    Idempotent: a stored profile keeps what NDC edited; only rule references it lacks are added.
    """
    from dataclasses import asdict

    from .policy import SEED
    from .policy_models import PolicyProfile

    created = []
    for slug, profile in SEED.items():
        stored = PolicyProfile.objects.filter(slug=slug).first()
        if stored is not None:
            # Rule references added since the profile was stored (e.g. "adoption", T-9.4.3) are
            # filled in; the ones NDC edited stay as they are.
            missing = {k: v for k, v in profile.rule_ids.items() if k not in (stored.rule_ids or {})}
            if missing:
                stored.rule_ids = {**(stored.rule_ids or {}), **missing}
                stored.save(update_fields=["rule_ids"])
            continue
        values = asdict(profile)
        name = values.pop("name")
        values["grounds"] = list(values["grounds"])
        item = PolicyProfile(**values)
        item.name_zh_hant = name["zh-hant"]
        item.name_en = name["en"]
        item.full_clean()
        item.save()
        created.append(item)
    return created
