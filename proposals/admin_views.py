"""Staff views in the Wagtail admin: the review queue (NDC editors, the management team) and
each agency's proposals to confirm, decline, extend and respond to (agency officers)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.roles import NDC_EDITOR, user_has_role

from . import permissions, seconding, services, similar
from .forms import AssignForm, DeclineForm, ExtensionForm, MeetingForm, ResponseForm, ReviewForm
from .models import Confirmation, Proposal, Status
from .public import counted_seconds


def _render(request, template: str, title: str, context: dict):
    return render(request, f"proposals/admin/{template}", {"page_title": title, "header_icon": "pick", **context})


def queue(request):
    """NDC: proposals in review with working-day due dates (overdue first), and every open step.
    Officers: their agency's proposals (lead or co-agency)."""
    user = request.user
    if not permissions.can_view_staff_queue(user):
        raise PermissionDenied
    # Each row shows the counted seconds, so the agency follows progress while seconding (K-6.3.4).
    items = (
        Proposal.objects.select_related("agency")
        .annotate(second_count=counted_seconds())
        .exclude(status__in=[Status.WITHDRAWN])
    )
    if not user_has_role(user, NDC_EDITOR):
        agency_id = permissions.officer_agency_id(user)
        items = items.filter(agency_id=agency_id) | items.filter(co_agencies=agency_id)
        items = items.distinct()
    status = request.GET.get("status", "")
    if status in Status.values:
        items = items.filter(status=status)
    # The oldest first: with working-day deadlines, the earliest submitted are due first.
    in_review = sorted(
        items.filter(status=Status.IN_REVIEW).order_by("submitted_on", "pk")[:200],
        key=lambda p: (p.review_due_on, p.pk),
    )
    others = Paginator(items.exclude(status=Status.IN_REVIEW).order_by("-submitted_on", "-pk"), 50).get_page(
        request.GET.get("page")
    )
    return _render(
        request,
        "queue.html",
        _("Citizen proposals"),
        {"in_review": in_review, "page": others, "today": timezone.localdate(), "statuses": Status.choices},
    )


def manage(request, pk: int):
    """One proposal for staff: review (NDC), confirm/decline, extend, respond (its agency)."""
    proposal = get_object_or_404(Proposal.objects.select_related("agency", "author"), pk=pk)
    user = request.user
    is_team = bool(permissions.can_review(user))
    can_confirm = bool(permissions.can_confirm(user, proposal))
    can_respond = bool(permissions.can_respond(user, proposal))
    if not (is_team or can_confirm):
        raise PermissionDenied
    action = request.POST.get("action", "")
    review_form = ReviewForm(
        request.POST if action in {"pass", "return", "reject", "duplicate"} else None,
        grounds=proposal.policy.grounds,
        initial={"agency": proposal.agency_id},
    )
    decline_form = DeclineForm(request.POST if action == "decline" else None)
    extension_form = ExtensionForm(request.POST if action == "extend" else None)
    meeting_form = MeetingForm(request.POST if action == "meeting" else None)
    response_form = ResponseForm(
        request.POST if action == "respond" else None,
        initial={
            "adoption": proposal.adoption,
            "response_zh_hant": proposal.response_zh_hant,
            "response_en": proposal.response_en,
        },
    )
    if request.method == "POST":
        forms_by_action = {
            "decline": decline_form,
            "extend": extension_form,
            "respond": response_form,
            "meeting": meeting_form,
        }
        target = forms_by_action.get(action, review_form)
        try:
            done = _meeting(proposal, action, meeting_form, user, can_respond) or _apply(
                request,
                proposal,
                action,
                review_form,
                decline_form,
                extension_form,
                response_form,
                is_team=is_team,
                can_confirm=can_confirm,
                can_respond=can_respond,
            )
        except ValidationError as error:
            for message in error.messages:
                target.add_error(None, message)
        else:
            if done:
                messages.success(request, _("Saved; the step is on the proposal's public timeline."))
                return redirect("proposals_admin:manage", pk=proposal.pk)
    return _render(
        request,
        "manage.html",
        str(proposal),
        {
            "proposal": proposal,
            "events": proposal.events.all(),
            "count": seconding.seconds_count(proposal.pk),
            "assign_form": AssignForm(initial={"agency": proposal.agency_id}),
            "ip_counts": _ip_counts(proposal) if is_team else [],
            "similar": similar.similar(proposal.title_zh_hant or proposal.title_en or "", exclude=proposal.pk),
            "review_form": review_form,
            "decline_form": decline_form,
            "extension_form": extension_form,
            "response_form": response_form,
            "meeting_form": meeting_form,
            "is_team": is_team,
            "can_confirm": can_confirm and proposal.confirmation == Confirmation.PENDING,
            "can_respond": can_respond,
            "today": timezone.localdate(),
        },
    )


def _ip_counts(proposal) -> list[dict]:
    """The addresses with the most seconds (for spotting fraud); staff only, never public."""
    from django.db.models import Count

    return list(
        proposal.seconds.filter(invalidation__isnull=True)
        .exclude(ip=None)
        .values("ip")
        .annotate(n=Count("id"))
        .order_by("-n")[:10]
    )


def _meeting(proposal, action: str, form, user, can_respond: bool) -> bool:
    """Record a meeting held while drafting the response (K-6.4.1); False for other actions."""
    if action != "meeting":
        return False
    if not can_respond:
        raise PermissionDenied
    if not form.is_valid():
        raise ValidationError(_("Correct the meeting's details."))
    data = form.cleaned_data
    services.proposal_meeting_record(
        proposal=proposal,
        user=user,
        held_on=data["held_on"],
        participants=data["participants"],
        summary_zh_hant=data["summary_zh_hant"],
        summary_en=data["summary_en"],
    )
    return True


def _apply(
    request,
    proposal,
    action,
    review_form,
    decline_form,
    extension_form,
    response_form,
    *,
    is_team: bool,
    can_confirm: bool,
    can_respond: bool,
) -> bool:
    user = request.user
    if action in {
        "pass",
        "return",
        "reject",
        "duplicate",
        "notify",
        "assign",
        "invalidate",
        "commend",
        "together",
    } and (not is_team):
        raise PermissionDenied
    if action in {"confirm", "decline"} and not can_confirm:
        raise PermissionDenied
    if action in {"extend", "respond"} and not can_respond:
        raise PermissionDenied
    if action in {"pass", "return", "reject", "duplicate"}:
        if not review_form.is_valid():
            return False
        data = review_form.cleaned_data
        if action == "pass":
            services.proposal_review_pass(
                proposal=proposal, user=user, agency=data["agency"], co_agencies=list(data["co_agencies"])
            )
        elif action == "return":
            services.proposal_return(
                proposal=proposal, user=user, reasons_zh_hant=data["reasons_zh_hant"], reasons_en=data["reasons_en"]
            )
        elif action == "reject":
            services.proposal_reject(
                proposal=proposal,
                user=user,
                ground=data["ground"],
                reasons_zh_hant=data["reasons_zh_hant"],
                reasons_en=data["reasons_en"],
            )
        else:
            original = Proposal.objects.filter(pk=data["duplicate_of"] or 0).first()
            if original is None:
                raise ValidationError(_("Give the number of the earlier proposal."))
            services.proposal_mark_duplicate(
                proposal=proposal,
                user=user,
                duplicate_of=original,
                reasons_zh_hant=data["reasons_zh_hant"],
                reasons_en=data["reasons_en"],
            )
        return True
    if action == "confirm":
        services.proposal_agency_confirm(proposal=proposal, user=user)
        return True
    if action == "decline":
        if not decline_form.is_valid():
            return False
        services.proposal_agency_decline(proposal=proposal, user=user, reasons=decline_form.cleaned_data["reasons"])
        return True
    if action == "notify":
        services.proposal_notify(proposal=proposal, user=user)
        return True
    if action == "extend":
        if not extension_form.is_valid():
            return False
        data = extension_form.cleaned_data
        services.proposal_extend(
            proposal=proposal,
            user=user,
            extended_to=data["extended_to"],
            reason_zh_hant=data["reason_zh_hant"],
            reason_en=data["reason_en"],
        )
        return True
    if action == "respond":
        if not response_form.is_valid():
            return False
        data = response_form.cleaned_data
        services.proposal_respond(
            proposal=proposal,
            user=user,
            adoption=data["adoption"],
            response_zh_hant=data["response_zh_hant"],
            response_en=data["response_en"],
        )
        return True
    if action == "assign":
        form = AssignForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Choose the lead agency."))
        services.proposal_assign_agency(
            proposal=proposal,
            user=user,
            agency=form.cleaned_data["agency"],
            co_agencies=list(form.cleaned_data["co_agencies"]),
        )
        return True
    if action == "invalidate":
        ip = request.POST.get("ip", "").strip()
        ids = list(proposal.seconds.filter(ip=ip).values_list("pk", flat=True)) if ip else []
        seconding.seconds_invalidate(
            proposal=proposal, user=user, second_ids=ids, reason=request.POST.get("reason", "")
        )
        return True
    if action == "commend":
        services.proposal_commend(proposal=proposal, user=user, note=request.POST.get("note", ""))
        return True
    if action == "together":
        numbers = [int(n) for n in request.POST.get("numbers", "").replace("，", ",").split(",") if n.strip().isdigit()]
        others = list(Proposal.objects.filter(pk__in=numbers).exclude(pk=proposal.pk))
        services.proposals_handle_together(proposals=[proposal, *others], user=user)
        return True
    raise ValidationError(_("Choose an action."))
