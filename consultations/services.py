"""Writes of the consultations app: each atomic, keyword-only, audited with Wagtail's log."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.rows import insert_row
from core.tasks import enqueue_on_commit

from . import counters, rules, tasks
from .comment_write import comment_insert_at_once
from .models import Comment, Consultation, Suggestion, SummaryResponse


def comment_post(
    *,
    consultation: Consultation,
    author,
    text: str,
    token: uuid.UUID,
    parent: Comment | None = None,
    section: str = "",
    section_label: str = "",
    today: dt.date | None = None,
) -> tuple[Comment, bool]:
    """Post a comment or reply; the same (author, token) twice gives the first one back (idempotent).

    The comment is in the agency's inbox as soon as this commits (F-4.2); the officers are
    emailed at once unless their agency chose a digest. Returns (comment, created).
    """
    today = today or timezone.localdate()
    problem = _comment_problem(consultation, text, parent, today)
    if problem is not None:
        # A retry of a form that was accepted earlier gets its comment back, even if refused now.
        existing = Comment.objects.filter(author=author, token=token).first()
        if existing is not None:
            return existing, False
        raise ValidationError(problem)
    # One statement on PostgreSQL (consultations.comment_write), else one transaction: the
    # comment, its notification task (core.tasks: in the same commit when the queue is the
    # database) and its stored counter (last). The checks above only
    # read, so they stay outside it: no savepoint is needed to survive a duplicate token. The
    # same (author, token) again is refused by the unique constraint (nothing is written) and
    # answered with the first comment: no look-up before the INSERT.
    comment = Comment(
        consultation=consultation,
        author=author,
        text=text.strip(),
        token=token,
        parent=parent,
        section=section,
        section_label=section_label.strip(),
    )
    setattr(comment, counters.COUNTED_BY_SERVICE, True)
    try:
        # PostgreSQL: one statement (consultations.comment_write); elsewhere one transaction.
        if not comment_insert_at_once(comment):
            with transaction.atomic():
                insert_row(comment)  # save(force_insert=True) without compiling the INSERT each time
                enqueue_on_commit(tasks.comment_posted, comment.pk)
                # Last: the counter row stays locked only until the commit (consultations.counters).
                counters.counters_comment_added(comment)
    except IntegrityError:
        # The same token again (a retry, or a concurrent request that won): give its comment back.
        return Comment.objects.get(author=author, token=token), False
    return comment, True


def _comment_problem(consultation: Consultation, text: str, parent: Comment | None, today: dt.date) -> str | None:
    """Why this comment cannot be posted, or None."""
    if not rules.can_comment_now(consultation.opens_on, consultation.closes_on, today):
        return _("This consultation is not open for comments.")
    if not text.strip():
        return _("Write your comment first.")
    if parent is not None:
        if parent.consultation_id != consultation.pk:
            return _("You can only reply to a comment of this consultation.")
        if not rules.reply_depth_ok(parent.parent_id is not None):
            return _("Replies are one level deep: reply to the original comment instead.")
    return None


@transaction.atomic
def comment_hide(*, comment: Comment, moderator, ground: str, note: str) -> Comment:
    """Hide a comment on one of its consultation's grounds (K-6.2.2, T-7); kept, logged, author emailed."""
    if comment.is_hidden:
        raise ValidationError(_("This comment is already hidden."))
    if ground not in comment.consultation.policy.grounds:
        raise ValidationError(_("Choose one of the grounds of the rules."))
    comment.visibility = Comment.Visibility.HIDDEN
    comment.hidden_ground = ground
    comment.hidden_note = note.strip()
    comment.hidden_at = timezone.now()
    comment.hidden_by = moderator
    comment.save(update_fields=["visibility", "hidden_ground", "hidden_note", "hidden_at", "hidden_by"])
    log(comment, "consultations.comment_hide", user=moderator, data={"ground": ground, "note": comment.hidden_note})
    transaction.on_commit(lambda: tasks.comment_hidden.enqueue(comment.pk))
    return comment


@transaction.atomic
def comment_restore(*, comment: Comment, moderator, note: str) -> Comment:
    """Show a hidden comment again (a moderation mistake); logged."""
    if not comment.is_hidden:
        raise ValidationError(_("This comment is not hidden."))
    previous = comment.hidden_ground
    comment.visibility = Comment.Visibility.VISIBLE
    comment.hidden_ground = ""
    comment.hidden_note = ""
    comment.hidden_at = None
    comment.hidden_by = None
    comment.save(update_fields=["visibility", "hidden_ground", "hidden_note", "hidden_at", "hidden_by"])
    log(comment, "consultations.comment_restore", user=moderator, data={"previous_ground": previous, "note": note})
    return comment


@transaction.atomic
def comment_assign(*, comment: Comment, assignee, user) -> Comment:
    """Assign an inbox comment to an officer of the same agency (or nobody)."""
    if assignee is not None:
        staff = getattr(assignee, "agency_staff", None) if hasattr(assignee, "agency_staff") else None
        if staff is None or staff.agency_id != comment.consultation.agency_id:
            raise ValidationError(_("Assign only to an officer of the consultation's agency."))
    comment.assigned_to = assignee
    comment.save(update_fields=["assigned_to"])
    log(comment, "consultations.comment_assign", user=user, data={"assignee": assignee.pk if assignee else None})
    return comment


@transaction.atomic
def consultation_extend(
    *, consultation: Consultation, extended_to: dt.date, reason_zh_hant: str, reason_en: str, user
) -> Consultation:
    """Extend the response deadline once, by at most 14 days, with a public reason (K-7.2, T-10.2)."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    errors = rules.extension_errors(
        consultation.closes_on, extended_to, reason_zh_hant, consultation.extended_to is not None, consultation.policy
    )
    if errors:
        raise ValidationError(errors)
    consultation.extended_to = extended_to
    consultation.extension_reason_zh_hant = reason_zh_hant.strip()
    consultation.extension_reason_en = reason_en.strip()
    consultation.save(update_fields=["extended_to", "extension_reason_zh_hant", "extension_reason_en"])
    log(consultation, "consultations.extend", user=user, data={"extended_to": extended_to.isoformat()})
    return consultation


@transaction.atomic
def response_publish(
    *, consultation: Consultation, text_zh_hant: str, text_en: str, cited: list[int], user, today: dt.date | None = None
) -> SummaryResponse:
    """Publish the bilingual summary response after closing, citing comments (K-7.2, T-10.2)."""
    today = today or timezone.localdate()
    if today <= consultation.closes_on:
        raise ValidationError(_("The summary response is published after the consultation closes."))
    if not text_zh_hant.strip():
        raise ValidationError(_("The summary response needs its Chinese text."))
    comments = list(Comment.objects.filter(consultation=consultation, pk__in=cited))
    if len(comments) != len(set(cited)):
        raise ValidationError(_("Only comments of this consultation can be cited."))
    response, _created = SummaryResponse.objects.get_or_create(consultation=consultation)
    first = response.published_at is None
    response.text_zh_hant = text_zh_hant.strip()
    response.text_en = text_en.strip()
    response.published_at = response.published_at or timezone.now()
    response.published_by = user
    response.save()
    response.cited_comments.set(comments)
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(inbox_status=Comment.InboxStatus.ANSWERED)
    log(
        consultation,
        "consultations.respond" if first else "consultations.response_edit",
        user=user,
        data={"cited": sorted(c.pk for c in comments), "late": today > consultation.deadline},
    )
    if first:
        transaction.on_commit(lambda: tasks.response_published.enqueue(consultation.pk))
    return response


@transaction.atomic
def suggestion_submit(*, author, title: str, text: str, token: uuid.UUID) -> tuple[Suggestion, bool]:
    """Send a suggested new commitment to NDC's inbox (F-4.3); idempotent per token."""
    existing = Suggestion.objects.filter(author=author, token=token).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            suggestion = Suggestion.objects.create(author=author, title=title.strip(), text=text.strip(), token=token)
    except IntegrityError:
        return Suggestion.objects.get(author=author, token=token), False
    log(suggestion, "consultations.suggest", user=author)
    return suggestion, True


@transaction.atomic
def suggestion_forward(*, suggestion: Suggestion, agency, note: str, user) -> Suggestion:
    """NDC forwards a suggested commitment to the relevant lead agency (F-4.3); its officers are emailed."""
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    suggestion.status = Suggestion.Status.FORWARDED
    suggestion.forwarded_to = agency
    suggestion.forwarded_at = timezone.now()
    suggestion.forwarded_by = user
    suggestion.note = note.strip()
    suggestion.save()
    log(suggestion, "consultations.suggestion_forward", user=user, data={"agency": agency.code})
    transaction.on_commit(lambda: tasks.suggestion_forwarded.enqueue(suggestion.pk))
    return suggestion
