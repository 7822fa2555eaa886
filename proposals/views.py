"""Public pages of citizen proposals: list, proposal with timeline, propose, second, board, similar."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from commitments.models import Agency
from core.cache import cached_fragment, render_cached
from core.i18n import value_in
from core.net import client_ip
from core.paginator import CountedPaginator
from core.params import text_param
from core.prepared import PreparedQuery
from core.ratelimit import RateLimit, RateLimitUnavailable, hit_many

from . import permissions, public, rules, seconding, services, similar
from .forms import CodeForm, ProposalForm, SecondForm, profile_choices
from .models import Proposal, Second, Status


def _limited(request) -> str | None:
    """Why this second is refused by the per-user and per-IP limits, or None."""
    try:
        limits = settings.PROPOSAL_SECOND_RATE_LIMITS
        # Both counters in one round trip (core.ratelimit.hit_many).
        within = all(
            hit_many(
                [
                    (f"proposals:user:{request.user.pk}", RateLimit(*limits["user"])),
                    (f"proposals:ip:{client_ip(request)}", RateLimit(*limits["ip"])),
                ]
            )
        )
    except RateLimitUnavailable:
        return _("Seconding is busy; try again in a moment. Nothing was saved.")
    return None if within else _("Too many seconds from you in a short time. Wait a minute and try again.")


def _login(request):
    return redirect(f"{reverse('account_login')}?next={request.path}")


def index(request):
    """All proposals with filters (status, agency, profile), each with progress to its threshold.
    The page body (filters, list, pager) is one cached fragment per filter and page, by content
    version (core.cache.render_cached): a hit runs none of its queries, the stored count included."""
    current = {k: request.GET.get(k, "") for k in ("status", "agency", "profile")}
    page_number = request.GET.get("page", "")

    def build() -> dict:
        items = CountedPaginator(
            public.filtered(request.GET), settings.PAGE_SIZE, count=public.filtered_count(request.GET)
        ).get_page(page_number)
        return {
            "page": items,
            "statuses": Status.choices,
            "agencies": Agency.objects.filter(is_government=True).order_by("code"),
            "profiles": profile_choices(),
            "current": current,
        }

    return render_cached(request, "proposals/index.html", ("proposals-list", *current.values(), page_number), build)


# Compiled once per process and language (core.prepared): the proposal with its agency and exact count.
_PROPOSAL = PreparedQuery(lambda pk: public.proposals().filter(pk=pk))


def _get(pk: int) -> Proposal:
    found = _PROPOSAL.objects(pk)
    if not found:
        raise Http404
    return found[0]


OPINIONS_SHOWN = 100


def _opinions(proposal: Proposal) -> QuerySet[Second]:
    """Comments left with the counted seconds, newest first (K-6.3.4); no seconder identity.
    Lazy: the page shows them inside a cached fragment, so the query runs only when it is rebuilt."""
    seconds = Second.objects.filter(proposal=proposal, confirmed=True, invalidation__isnull=True).exclude(opinion="")
    return seconds.only("opinion", "created_at").order_by("-created_at", "-pk")[:OPINIONS_SHOWN]


def _detail_context(request, proposal: Proposal, **extra) -> dict:
    today = timezone.localdate()
    user = request.user
    my_second = None
    if user.is_authenticated:
        my_second = Second.objects.filter(proposal=proposal, user=user).first()
    closes = proposal.seconding_closes_on
    threshold = proposal.threshold or proposal.policy.threshold
    return {
        "proposal": proposal,
        "events": proposal.events.all(),
        "co_agencies": proposal.co_agencies.all(),
        "count": proposal.second_count,
        "threshold": threshold,
        "percent": min(100, int(proposal.second_count * 100 / threshold)) if threshold else 0,
        "days_left": rules.days_left(today, closes) if proposal.status == Status.SECONDING else None,
        "refusal": seconding.second_refusal(proposal, today),
        "my_second": my_second,
        "second_form": extra.pop("second_form", None) or SecondForm(),
        "code_form": extra.pop("code_form", None) or CodeForm(),
        "can_withdraw": user.is_authenticated
        and proposal.author_id == user.pk
        and rules.can_withdraw(proposal.status, proposal.policy),
        "invalidations": proposal.invalidations.all(),
        "opinions": [] if proposal.is_hidden else _opinions(proposal),
        "duplicates": proposal.duplicates.all(),
        "together": Proposal.objects.filter(handled_with_id=proposal.handled_with_id).exclude(pk=proposal.pk)
        if proposal.handled_with_id
        else [],
        "today": today,
        **extra,
    }


def detail(request, pk: int):
    """A proposal: its text (hidden when not accepted), progress, days left and the full timeline (W-5)."""
    # The proposal with its exact count, cached by content version (a second renews the scope).
    proposal = cached_fragment(("proposal", pk), lambda: {"item": _get(pk)})["item"]
    return render(request, "proposals/detail.html", _detail_context(request, proposal))


def propose(request):
    """Write a proposal; similar earlier ones are shown as one types (K-6.1.1) and again before sending."""
    if not request.user.is_authenticated:
        return _login(request)
    form = ProposalForm(request.POST or None)
    similar_items = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                proposal, _created = services.proposal_submit(
                    author=request.user,
                    title=data["title"],
                    content=data["content"],
                    benefits=data["benefits"],
                    evidence=data["evidence"],
                    agency=data["agency"],
                    profile=data["profile"],
                    token=data["token"],
                    commendation_consent=data["commendation_consent"],
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error.messages)
            else:
                messages.success(request, _("Thank you: your proposal was received and is in review."))
                return redirect(proposal.get_absolute_url())
        status = 400
        similar_items = similar.similar(request.POST.get("title", "")[:500])
    else:
        refusal = permissions.is_verified(request.user) and services.blackout_message(
            timezone.localdate(), text_param(request.GET, "profile", max_length=40)
        )
        if refusal:
            messages.warning(request, refusal)
    return render(request, "proposals/propose.html", {"form": form, "similar": similar_items}, status=status)


@require_GET
def similar_json(request):
    """Similar proposals for the topic being typed (K-6.1.1): a small JSON list."""
    query = text_param(request.GET, "q", max_length=500)
    exclude = request.GET.get("exclude", "")
    exclude_pk = int(exclude) if exclude.isdigit() and len(exclude) < 19 else None

    def build() -> dict:
        return {
            "items": [
                {
                    "id": p.pk,
                    "title": value_in(p, "title", "zh-hant") or value_in(p, "title", "en") or p.title,
                    "status": str(p.status_label),
                    "url": p.get_absolute_url(),
                }
                for p in similar.similar(query, exclude=exclude_pk)
            ]
        }

    # The same answer for everyone: cached by query, language and content version.
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    return JsonResponse(cached_fragment(("proposals-similar", digest, exclude_pk), build))


@require_POST
def second(request, pk: int):
    """Second a proposal with one click (K-6.3.3); the code step follows where the profile asks (T-9.3.4)."""
    if not request.user.is_authenticated:
        return _login(request)
    # The service reads the proposal (fresh, once); a missing one is a 404 before any counting.
    proposal = Proposal(pk=pk)
    form = SecondForm(request.POST)
    problem = None
    if not form.is_valid():
        problem = _("Check the form below; nothing was saved.")
    elif (limited := _limited(request)) is not None:
        problem = limited
    else:
        try:
            item = seconding.proposal_second(
                proposal=proposal,
                user=request.user,
                opinion=form.cleaned_data["opinion"],
                notify=form.cleaned_data["notify"],
                ip=client_ip(request),
            )
        except Proposal.DoesNotExist as error:
            raise Http404 from error
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            if item.confirmed:
                messages.success(request, _("Thank you: your second is counted. It cannot be withdrawn."))
            else:
                messages.info(request, _("We emailed you a code: enter it below to confirm your second."))
            return redirect(proposal.get_absolute_url() + "#second")
    context = _detail_context(request, _get(pk), second_form=form, second_problem=problem)
    return render(request, "proposals/detail.html", context, status=400)


@require_POST
def second_confirm(request, pk: int):
    """Confirm a second with the emailed code (T-9.3.4); or ask for a new code."""
    if not request.user.is_authenticated:
        return _login(request)
    proposal = _get(pk)
    item = Second.objects.filter(proposal=proposal, user=request.user, confirmed=False).first()
    form = CodeForm(request.POST)
    problem = None
    try:
        if item is None:
            raise ValidationError(_("There is no second waiting for a code."))
        if request.POST.get("resend"):
            seconding.second_resend_code(second=item, user=request.user)
            messages.info(request, _("A new code is on its way."))
            return redirect(proposal.get_absolute_url() + "#second")
        if not form.is_valid():
            raise ValidationError(_("Enter the code from the email."))
        seconding.second_confirm(second=item, user=request.user, code=form.cleaned_data["code"])
    except ValidationError as error:
        problem = " ".join(error.messages)
    else:
        messages.success(request, _("Thank you: your second is confirmed and counted."))
        return redirect(proposal.get_absolute_url() + "#second")
    proposal = _get(pk)
    context = _detail_context(request, proposal, code_form=form, code_problem=problem)
    return render(request, "proposals/detail.html", context, status=400)


@require_POST
def withdraw(request, pk: int):
    """The proposer withdraws (K-6.2.5, T-9.2.4)."""
    if not request.user.is_authenticated:
        return _login(request)
    proposal = _get(pk)
    try:
        services.proposal_withdraw(proposal=proposal, user=request.user)
    except PermissionDenied:
        raise
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your proposal is withdrawn."))
    return redirect(proposal.get_absolute_url())


def board(request):
    """Agencies' overdue answers and the proposals waiting longest for a response (W-5)."""
    today = timezone.localdate()
    # Lazy: the queries run only when the cached fragment is rebuilt.
    board = SimpleLazyObject(lambda: public.board(today))
    return render(request, "proposals/board.html", {"board": board, "today": today.isoformat()})
