"""The voting flow on the public site (P-2, P-3): consent → identity check → ballot → receipt.

What the session remembers between steps, per process: the consent version agreed to and,
after the identity check, only the scoped keyed hash of the ID (for 15 minutes). The raw ID and
birth date live only in the request that checks them; the receipt (the ballot's random id) only
in the answer to the ballot.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.cache import cached_fragment, scopes_for_path
from core.net import client_ip

from . import captcha, gate, rules, services
from .forms import BallotForm, ConsentForm, DeclarationForm, IdentityForm
from .models import ConsentVersion, Process

VERIFIED_FOR = dt.timedelta(minutes=15)


def _process(pk: int) -> Process:
    return get_object_or_404(Process.objects.prefetch_related("phases"), pk=pk)


# What voting reads never changes with a vote: cached by the versions of the budgeting pages'
# scopes except the ballots' own (core.cache), so a ballot reads no process, phase, project or
# consent row; any change of them (a "budgeting" save) renews it at once.
STABLE_SCOPES = frozenset(scopes_for_path("/budgeting/") - {"ballots"})


def _voting(pk: int) -> dict:
    """The process (phases prefetched) and the ids of its consent versions, cached."""

    def build() -> dict:
        process = _process(pk)
        return {"process": process, "consents": frozenset(process.consent_versions.values_list("pk", flat=True))}

    return cached_fragment(("budgeting-voting", pk), build, scopes=STABLE_SCOPES)


def _ballot_projects(process: Process, round_: int) -> list:
    """The projects of a round's ballot (services.ballot_projects), cached like ``_voting``."""
    parts = ("budgeting-ballot", process.pk, round_)
    return cached_fragment(parts, lambda: {"items": services.ballot_projects(process, round_)}, scopes=STABLE_SCOPES)[
        "items"
    ]


def _receipt(request, process: Process, receipt: str) -> HttpResponse:
    """Step 4: the receipt, shown once. The page is the same for every anonymous voter of a process
    but for the receipt number: without a signed-in user (whose menu is in the frame) or pending
    messages, it is rendered once per language and content version with a random mark in the
    number's place (stored with the page, as the shared cache serves every server process), and
    the number put in. The cached page holds no receipt."""
    if request.user.is_authenticated or request.GET or len(messages.get_messages(request)):
        return render(request, "budgeting/vote_receipt.html", {"process": process, "receipt": receipt})

    def build() -> dict:
        mark = secrets.token_hex(16)
        context = {"process": process, "receipt": mark}
        return {"html": render_to_string("budgeting/vote_receipt.html", context, request), "mark": mark}

    page = cached_fragment(("budgeting-receipt", process.pk, request.path), build, scopes=STABLE_SCOPES)
    return HttpResponse(page["html"].replace(page["mark"], receipt))


def _state(request, process: Process) -> dict:
    return request.session.get(f"budgeting:{process.pk}", {})


def _save(request, process: Process, **values) -> None:
    state = {**_state(request, process), **values}
    request.session[f"budgeting:{process.pk}"] = {k: v for k, v in state.items() if v is not None}


def _round(process: Process) -> int | None:
    return rules.voting_round(process.phase_on(timezone.localdate()))


def _closed(request, process: Process):
    return render(request, "budgeting/vote_closed.html", {"process": process}, status=200)


def _verified_hash(request, process: Process) -> str | None:
    state = _state(request, process)
    at = state.get("verified_at")
    if not state.get("voter") or not at:
        return None
    if timezone.now() - dt.datetime.fromisoformat(at) > VERIFIED_FOR:
        return None
    return state["voter"]


@never_cache
def consent(request, pk: int):
    """Step 1 (P-2): the issue, the voting rules and the privacy notice; the voter must agree."""
    process = _process(pk)
    if _round(process) is None:
        return _closed(request, process)
    current = services.consent_current(process)
    if current is None:
        raise Http404
    form = ConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _save(request, process, consent=current.pk, voter=None, verified_at=None)
        return redirect("budgeting:vote_identity", pk=process.pk)
    return render(request, "budgeting/vote_consent.html", {"process": process, "consent": current, "form": form})


def _identity_page(request, process: Process, form, status: int = 200, refused: str | None = None):
    question = captcha.challenge_new(request.session)
    return render(
        request,
        "budgeting/vote_identity.html",
        {"process": process, "form": form, "question": question, "refused": refused},
        status=status,
    )


@never_cache
def identity(request, pk: int):
    """Step 2 (P-3): national ID + date of birth + CAPTCHA, checked with the household registry."""
    process = _process(pk)
    if _round(process) is None:
        return _closed(request, process)
    if not _state(request, process).get("consent"):
        return redirect("budgeting:vote", pk=process.pk)
    if request.method != "POST":
        return _identity_page(request, process, IdentityForm())
    form = IdentityForm(request.POST)
    if not form.is_valid():
        return _identity_page(request, process, form, status=400)
    if not request.session.session_key:
        request.session.save()
    data = form.cleaned_data
    try:
        voter = gate.identity_check(
            session=request.session,
            session_key=request.session.session_key,
            ip=client_ip(request),
            national_id=data["national_id"],
            birth_date=data["birth_date"],
            captcha_answer=data["captcha"],
            case_code=process.case_code,
            scope=f"process:{process.pk}",
            policy=process.eligibility,
            on=timezone.localdate(),
            non_resident_status=lambda hashed: services.declaration_status(process, hashed),
        )
    except gate.IdentityRefused as refusal:
        if refusal.code == rules.NOT_RESIDENT and process.allow_non_residents:
            hashed = gate.voter_hash(scope=f"process:{process.pk}", national_id=data["national_id"])
            _save(request, process, declare=hashed)
            return redirect("budgeting:declare", pk=process.pk)
        status = (
            429 if refusal.code == "limited" else 503 if refusal.code in ("unavailable", "limit_unavailable") else 403
        )
        if refusal.code in ("captcha", "format"):
            status = 400
            form.add_error(None, refusal.message)
            return _identity_page(request, process, form, status=status)
        form = IdentityForm()
        return _identity_page(request, process, form, status=status, refused=str(refusal.message))
    if services.has_voted(process=process, voter_hash=voter, round_=_round(process)):
        return render(request, "budgeting/vote_refused.html", {"process": process}, status=409)
    _save(request, process, voter=voter, verified_at=timezone.now().isoformat())
    return redirect("budgeting:vote_ballot", pk=process.pk)


@never_cache
def captcha_image(request):
    """The CAPTCHA picture of the session's current challenge (never cached)."""
    current = captcha.challenge_current(request.session)
    if not current:
        raise Http404
    response = HttpResponse(captcha.image_png(current["code"]), content_type="image/png")
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def ballot(request, pk: int):
    """Step 3: the ballot, by the process's rules; one ballot per identity (P-1); step 4, the receipt."""
    voting = _voting(pk)
    process = voting["process"]
    round_ = _round(process)
    if round_ is None:
        return _closed(request, process)
    voter = _verified_hash(request, process)
    state = _state(request, process)
    if not voter or not state.get("consent"):
        messages.info(request, _("Please agree to the terms and confirm your identity first."))
        return redirect("budgeting:vote", pk=process.pk)
    projects = _ballot_projects(process, round_)
    form = BallotForm(
        request.POST if request.method == "POST" else None,
        projects=projects,
        single=process.ballot_kind == rules.SINGLE,
    )
    if request.method == "POST" and form.is_valid():
        try:
            cast = services.ballot_cast(
                process=process,
                voter_hash=voter,
                # Only its id and process are needed: a consent of another process is refused.
                consent=ConsentVersion(
                    pk=state["consent"], process_id=process.pk if state["consent"] in voting["consents"] else None
                ),
                choices=form.chosen(),
                projects=(round_, projects),  # read above for the form: not read again
            )
        except services.AlreadyVoted:
            _save(request, process, voter=None, verified_at=None)
            return render(request, "budgeting/vote_refused.html", {"process": process}, status=409)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            # The receipt is shown once, in this answer, and kept nowhere: a session holding the
            # ballot's id (and its expiry time) could be joined to the roll's time of voting.
            _save(request, process, voter=None, verified_at=None, consent=None)
            return _receipt(request, process, str(cast.id))
    return render(
        request,
        "budgeting/vote_ballot.html",
        {
            "process": process,
            "form": form,
            "projects": projects,
            "round": round_,
            "checked": set(request.POST.getlist("projects")),
        },
        status=400 if form.is_bound else 200,
    )


@never_cache
def declare(request, pk: int):
    """Non-residents who work or study in the area declare it, with evidence for staff review (P-1)."""
    process = _process(pk)
    hashed = _state(request, process).get("declare")
    if not process.allow_non_residents or not hashed:
        return redirect("budgeting:vote", pk=process.pk)
    form = DeclarationForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.declaration_submit(
            process=process,
            voter_hash=hashed,
            basis=form.cleaned_data["basis"],
            place=form.cleaned_data["place"],
            evidence=form.cleaned_data.get("evidence"),
        )
        _save(request, process, declare=None)
        messages.success(request, _("Thank you. Staff will review your declaration; vote again after it is approved."))
        return redirect(reverse("budgeting:process", args=[process.pk]))
    return render(request, "budgeting/vote_declare.html", {"process": process, "form": form})
