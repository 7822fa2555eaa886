"""Citizens following consultations and changing or reporting comments: services, each atomic and audited.

- ``comment_edit`` / ``comment_withdraw``: the author, while the consultation is open; the previous
  text is kept as a ``CommentVersion`` (moderators see the history; the public sees "edited" or
  "withdrawn").
- ``comment_report``: one report per user per comment (a DB constraint); open reports form the
  moderators' queue; ``reports_handle`` closes them when a moderator decides.
- ``consultation_follow`` / ``consultation_unfollow``: followers hear when the summary response
  is published (``notifications.response_published``).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import rules
from .models import Comment, CommentReport, CommentVersion, Consultation, ConsultationFollow


def _refusal_message(code: str) -> str:
    return {
        "not_author": _("Only the author can change a comment."),
        "closed": _("This consultation is closed: comments can no longer be changed."),
        "hidden": _("A moderator hid this comment: it can no longer be changed."),
        "withdrawn": _("This comment was withdrawn."),
    }[code]


def _check_change(comment: Comment, user, today: dt.date | None) -> None:
    consultation = comment.consultation
    refusal = rules.comment_change_refusal(
        is_author=comment.author_id == getattr(user, "pk", None),
        opens_on=consultation.opens_on,
        closes_on=consultation.closes_on,
        today=today or timezone.localdate(),
        hidden=comment.is_hidden,
        withdrawn=comment.is_withdrawn,
    )
    if refusal:
        raise ValidationError(_refusal_message(refusal))


def _keep_version(comment: Comment, now: dt.datetime) -> None:
    CommentVersion.objects.create(
        comment=comment,
        text=comment.text,
        section=comment.section,
        section_label=comment.section_label,
        written_at=comment.edited_at or comment.created_at,
        replaced_at=now,
    )


@transaction.atomic
def comment_edit(
    *, comment: Comment, text: str, user, section: str | None = None, section_label: str | None = None, today=None
) -> Comment:
    """The author changes their comment while the consultation is open; the previous text is kept."""
    comment = Comment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    _check_change(comment, user, today)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write your comment first."))
    if (
        text == comment.text
        and (section is None or section == comment.section)
        and (section_label is None or section_label.strip() == comment.section_label)
    ):
        return comment
    now = timezone.now()
    _keep_version(comment, now)
    comment.text = text
    if section is not None:
        comment.section = section
    if section_label is not None:
        comment.section_label = section_label.strip()
    comment.edited_at = now
    comment.save(update_fields=["text", "section", "section_label", "edited_at"])
    log(comment, "consultations.comment_edit", user=user)
    return comment


@transaction.atomic
def comment_withdraw(*, comment: Comment, user, today=None) -> Comment:
    """The author withdraws their comment while the consultation is open; its text is kept for moderators."""
    comment = Comment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    _check_change(comment, user, today)
    now = timezone.now()
    _keep_version(comment, now)
    comment.withdrawn_at = now
    comment.save(update_fields=["withdrawn_at"])
    log(comment, "consultations.comment_withdraw", user=user)
    return comment


@transaction.atomic
def comment_report(*, comment: Comment, user, reason: str = "") -> tuple[CommentReport, bool]:
    """Report a comment to the moderators; a second report by the same user gives the first back."""
    if not rules.may_report(
        is_author=comment.author_id == user.pk, hidden=comment.is_hidden, withdrawn=comment.is_withdrawn
    ):
        raise ValidationError(_("This comment cannot be reported."))
    existing = CommentReport.objects.filter(comment=comment, reporter=user).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            report = CommentReport.objects.create(comment=comment, reporter=user, reason=reason.strip()[:1000])
    except IntegrityError:
        return CommentReport.objects.get(comment=comment, reporter=user), False
    log(comment, "consultations.comment_report", user=user)
    return report, True


@transaction.atomic
def reports_handle(*, comment: Comment, moderator) -> int:
    """A moderator decided on a reported comment: its open reports leave the queue. Returns how many."""
    count = CommentReport.objects.filter(comment=comment, handled_at__isnull=True).update(
        handled_at=timezone.now(), handled_by=moderator
    )
    if count:
        log(comment, "consultations.reports_handle", user=moderator, data={"reports": count})
    return count


@transaction.atomic
def consultation_follow(*, consultation: Consultation, user) -> bool:
    """Follow a consultation (idempotent); returns whether a new follow was recorded."""
    _follow, created = ConsultationFollow.objects.get_or_create(consultation=consultation, user=user)
    return created


@transaction.atomic
def consultation_unfollow(*, consultation: Consultation, user) -> bool:
    """Stop following a consultation; returns whether there was a follow."""
    deleted, _rows = ConsultationFollow.objects.filter(consultation=consultation, user=user).delete()
    return bool(deleted)
