"""Open-data API of citizen proposals (conventions in core/api.py); never a seconder's identity."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from core.api import Id, OutSchema, Serialized, Translated, paginated, responses
from core.cache import cached_fragment
from core.i18n import translations
from core.paginator import CachedSlices
from core.policy_store import all_profiles

from . import public
from .models import Proposal

router = Router(tags=["proposals"])
profiles_router = Router(tags=["proposals"])


class ProposalOut(OutSchema):
    id: int
    title: Translated
    profile: str
    agency: str | None
    status: str
    submitted_on: dt.date
    review_due_on: dt.date
    review_passed_on: dt.date | None
    seconding_opens_on: dt.date | None
    seconding_closes_on: dt.date | None
    seconds: int
    threshold: int
    qualified_on: dt.date | None
    notified_on: dt.date | None
    response_due_on: dt.date | None
    extended_to: dt.date | None
    extension_reason: Translated
    responded_on: dt.date | None
    adoption: str | None
    url: Translated


class ProfileOut(Schema):
    slug: str
    name: Translated
    review_working_days: int
    threshold: int
    seconding_days: int | None
    seconding_months: int | None
    notify_working_days: int
    confirm_working_days: int
    response_months: int
    extension_months: int
    blackout_days: int
    withdraw_until: str
    email_code: bool


def proposal_out(item: Proposal) -> dict:
    hidden = item.is_hidden
    title = {"zh-hant": None, "en": None} if hidden else translations(item, "title")
    return {
        "id": item.pk,
        "title": title,
        "profile": item.profile,
        "agency": item.agency.code if item.agency_id else None,
        "status": item.status,
        "submitted_on": item.submitted_on,
        "review_due_on": item.review_due_on,
        "review_passed_on": item.review_passed_on,
        "seconding_opens_on": item.seconding_opens_on,
        "seconding_closes_on": item.seconding_closes_on,
        "seconds": item.second_count,
        "threshold": item.threshold or item.policy.threshold,
        "qualified_on": item.qualified_on,
        "notified_on": item.notified_on,
        "response_due_on": item.response_due_on,
        "extended_to": item.extended_to,
        "extension_reason": translations(item, "extension_reason"),
        "responded_on": item.responded_on,
        "adoption": item.adoption or None,
        "url": item.urls(),
    }


class ProposalFilters(Schema):
    status: str = Field("", max_length=20, description="in_review, returned, ..., responded")
    agency: str = Field("", max_length=40, description="An agency's code.")
    profile: str = Field("", max_length=40, description="A policy profile's slug.")


@router.get("/", response=responses(list[ProposalOut]), summary="Citizen proposals")
@paginated
def list_proposals(request, filters: Query[ProposalFilters]):
    """Every proposal, newest first, with its clocks and exact second count; filter by status, agency, profile."""
    params = public.list_filters(filters.dict())
    # The same page for everyone: cached by filters and content version; counts are stored.
    parts = ("api-proposals", hashlib.sha256(repr(sorted(params.items())).encode()).hexdigest()[:32])
    count = cached_fragment((*parts, "count"), lambda: {"n": public.filtered_count(params)})["n"]
    return Serialized(CachedSlices(parts, public.filtered(params), proposal_out), _as_is, count=count)


def _as_is(item: dict) -> dict:
    return item


@router.get("/{proposal_id}/", response=responses(ProposalOut, not_found=True), summary="One citizen proposal")
def get_proposal(request, proposal_id: Id):
    return proposal_out(get_object_or_404(public.proposals(), pk=proposal_id))


@profiles_router.get("/", response=responses(list[ProfileOut]), summary="Policy profiles")
@paginated
def list_profiles(request):
    """The numbers of each jurisdiction's rules (W-1)."""
    items = [
        {
            "slug": p.slug,
            "name": {"zh-hant": p.name.get("zh-hant") or None, "en": p.name.get("en") or None},
            "review_working_days": p.review_working_days,
            "threshold": p.threshold,
            "seconding_days": p.seconding_days,
            "seconding_months": p.seconding_months,
            "notify_working_days": p.notify_working_days,
            "confirm_working_days": p.confirm_working_days,
            "response_months": p.response_months,
            "extension_months": p.extension_months,
            "blackout_days": p.blackout_days,
            "withdraw_until": p.withdraw_until,
            "email_code": p.email_code,
        }
        for p in sorted(all_profiles().values(), key=lambda p: p.slug)
    ]
    return items
