"""Emails of the proposals app: to the proposer, the agency's officers and opt-in seconders,
each in the recipient's language with links to the right language's page.

``send`` is the one place mail leaves the app (``core.email.email_enqueue``); links are built
with ``core.links.absolute_url`` inside the recipient's language.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.email import email_enqueue
from core.i18n import value_in
from core.links import absolute_url


def send(*, to: str, subject: str, body: str) -> None:
    """Queue one email through the worker (never lost when the mail server fails)."""
    email_enqueue(to=[to], subject=subject, body=str(body))


def _language(user) -> str:
    return getattr(user, "preferred_language", None) or "zh-hant"


def _title(proposal) -> str:
    language = translation.get_language()
    return value_in(proposal, "title", language) or value_in(proposal, "title", "zh-hant") or proposal.title or ""


def _to_user(user, build) -> None:
    if not user or not user.email or not user.is_active:
        return
    with translation.override(_language(user)):
        subject, body = build()
    send(to=user.email, subject=subject, body=body)


def _agency_officers(agency_ids: list[int]) -> list:
    from django.contrib.auth import get_user_model

    if not agency_ids:
        return []
    return list(get_user_model().objects.filter(agency_staff__agency_id__in=agency_ids, is_active=True))


def _page(proposal) -> str:
    return absolute_url(proposal.get_absolute_url())


STEP_MESSAGES = {
    "submitted": lambda: _(
        "We received your proposal; the management team reviews it within the working days of the rules."
    ),
    "resubmitted": lambda: _("We received your revised proposal; the review starts again."),
    "review_passed": lambda: _("Your proposal passed review; seconding opens tomorrow."),
    "returned": lambda: _("Your proposal was returned with reasons: you may revise and resubmit it, or withdraw it."),
    "not_accepted": lambda: _("Your proposal was not accepted; the ground and reasons are on its page."),
    "duplicate": lambda: _("Your proposal duplicates an earlier one; the page links to it."),
    "agency_declined": lambda: _("The agency declined the proposal with reasons; the management team assigns another."),
    "qualified": lambda: _("The proposal reached its threshold and qualified."),
    "expired": lambda: _("Seconding closed below the threshold."),
    "notified": lambda: _("The agency was notified; its response is due by the date on the proposal's page."),
    "extended": lambda: _("The agency extended its response deadline once; the reason is on the proposal's page."),
    "responded": lambda: _("The agency responded to the proposal."),
    "response_updated": lambda: _("The agency updated its response."),
    "withdrawn": lambda: _("The proposal was withdrawn by its proposer."),
    "commended": lambda: _("The proposer was commended for an adopted proposal."),
}
SECONDER_STEPS = {"qualified", "expired", "notified", "extended", "responded", "response_updated", "withdrawn"}
AGENCY_STEPS = {"review_passed", "qualified", "notified"}


def step(proposal_id: int, kind: str) -> None:
    """Email the proposer, and for some steps opt-in seconders and the agency, about ``kind``."""
    from .models import Proposal

    proposal = Proposal.objects.select_related("author").get(pk=proposal_id)
    message = STEP_MESSAGES.get(kind)
    if message is None:
        return

    def build():
        return (
            _("Proposal “%(title)s”: %(step)s") % {"title": _title(proposal), "step": message()},
            _("%(step)s\n\nFollow every step of the proposal here:\n%(url)s")
            % {"step": message(), "url": _page(proposal)},
        )

    _to_user(proposal.author, build)
    if kind in SECONDER_STEPS:
        for second in proposal.seconds.filter(notify=True, confirmed=True, invalidation__isnull=True).select_related(
            "user"
        ):
            if second.user_id != proposal.author_id:
                _to_user(second.user, build)
    if kind in AGENCY_STEPS and proposal.agency_id:
        agency_ids = [proposal.agency_id, *proposal.co_agencies.values_list("pk", flat=True)]
        for officer in _agency_officers(agency_ids):

            def build_officer():
                return (
                    _("Proposal “%(title)s”: %(step)s") % {"title": _title(proposal), "step": message()},
                    _("%(step)s\n\nHandle it in the admin:\n%(url)s")
                    % {"step": message(), "url": absolute_url(reverse("proposals_admin:manage", args=[proposal.pk]))},
                )

            _to_user(officer, build_officer)


def second_code(second_id: int, code: str) -> None:
    """The code that confirms a second (T-9.3.4), valid for a few minutes."""
    from . import rules
    from .models import Second

    second = Second.objects.select_related("user", "proposal").get(pk=second_id)

    def build():
        return (
            _("Your code to confirm your second: %(code)s") % {"code": code},
            _(
                "Enter this code on the proposal's page to confirm your second of “%(title)s”: %(code)s\n"
                "It expires in %(minutes)d minutes.\n%(url)s"
            )
            % {
                "code": code,
                "title": _title(second.proposal),
                "minutes": rules.CODE_MINUTES,
                "url": _page(second.proposal),
            },
        )

    _to_user(second.user, build)
