"""Reading policy data from the database for the apps' pure rules (cached, invalidated on save).

- ``get_profile(slug)``: the ``core.policy.Profile`` (unknown or empty slug: the default one;
  the shipped ``SEED`` when the table has no row yet, e.g. before ``setup_site``).
- ``workday_overrides()``: ``{date: is_working_day}`` for ``core.workdays``.
- ``voting_days()``: ``[(date, {"zh-hant": name, "en": name})]`` for the K-8 blackout.
"""

from __future__ import annotations

import datetime as dt
import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from . import policy

_VERSION_KEY = "ogp:policy-version"
_SECONDS = 300
# Per-process memo {(name, version): (expires, value)}: no query at all on a hot path. A change
# bumps the shared version (every process then reloads); entries expire after _SECONDS anyway.
_memo: dict[tuple[str, int], tuple[float, object]] = {}


# The shared version is read from the cache at most every _VERSION_SECONDS per process (a hot
# path such as seconding asks for policy data several times a request).
_VERSION_SECONDS = 5.0
_local_version: list = [None, 0.0]


def _version() -> int:
    now = time.monotonic()
    if _local_version[0] is not None and _local_version[1] > now:
        return _local_version[0]
    version = cache.get(_VERSION_KEY)
    if version is None:
        cache.add(_VERSION_KEY, 1, timeout=None)
        version = cache.get(_VERSION_KEY, 1)
    _local_version[0], _local_version[1] = version, now + _VERSION_SECONDS
    return version


def invalidate(**_kwargs) -> None:
    """Forget cached policy data (called on every save or delete of the policy models)."""
    cache.set(_VERSION_KEY, time.time_ns(), timeout=None)
    _local_version[0] = None


def _cached(name: str, build):
    version = _version()
    now = time.monotonic()
    hit = _memo.get((name, version))
    if hit is not None and hit[0] > now:
        return hit[1]
    value = build()
    if len(_memo) > 256:
        _memo.clear()
    _memo[(name, version)] = (now + _SECONDS, value)
    return value


def all_profiles() -> dict[str, policy.Profile]:
    """Every stored profile by slug (the shipped seed when none is stored)."""

    def build() -> dict[str, policy.Profile]:
        from .policy_models import PolicyProfile

        stored = {p.slug: p.as_profile() for p in PolicyProfile.objects.all()}
        return stored or dict(policy.SEED)

    return _cached("profiles", build)


def get_profile(slug: str | None) -> policy.Profile:
    """The profile ``slug`` (unknown or empty: the default profile)."""
    profiles = all_profiles()
    if slug and slug in profiles:
        return profiles[slug]
    return profiles.get(policy.DEFAULT_PROFILE) or policy.SEED[policy.DEFAULT_PROFILE]


def workday_overrides() -> dict[dt.date, bool]:
    """Typhoon closures and late changes, for ``core.workdays``."""

    def build() -> dict[dt.date, bool]:
        from .policy_models import WorkdayOverride

        return dict(WorkdayOverride.objects.values_list("day", "is_working_day"))

    return _cached("overrides", build)


def voting_days() -> list[tuple[dt.date, dict[str, str]]]:
    """Voting days with their names in both languages (K-8)."""

    def build():
        from .policy_models import VotingDay

        return [
            (v.day, {"zh-hant": v.name_zh_hant or v.name, "en": v.name_en or v.name_zh_hant or v.name})
            for v in VotingDay.objects.order_by("day")
        ]

    return _cached("voting", build)


def connect() -> None:
    """Invalidate on any change of the policy models (called from CoreConfig.ready)."""
    from .policy_models import PolicyProfile, VotingDay, WorkdayOverride

    for model in (PolicyProfile, WorkdayOverride, VotingDay):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"ogp-policy-save-{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"ogp-policy-delete-{model.__name__}")
