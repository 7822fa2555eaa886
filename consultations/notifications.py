"""Emails of the consultations app, each in the recipient's language (Chinese when unknown)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.email import email_enqueue
from core.i18n import value_in
from core.links import absolute_url


def _absolute(path: str) -> str:
    """``path`` on the public site, in the active language (the recipient's, inside ``_send``)."""
    return absolute_url(path, language=translation.get_language())


def _send(user, subject_and_body) -> None:
    """Send to ``user`` in their language; ``subject_and_body()`` builds the text."""
    if not user.email or not user.is_active:
        return
    with translation.override(getattr(user, "preferred_language", None) or "zh-hant"):
        subject, body = subject_and_body()
    email_enqueue(to=[user.email], subject=str(subject), body=str(body))


def agency_officers(agency_id: int) -> list:
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(agency_staff__agency_id=agency_id, is_active=True))


def _title(consultation) -> str:
    language = translation.get_language()
    return value_in(consultation, "title", language) or value_in(consultation, "title", "zh-hant") or ""


def comment_posted(comment_id: int) -> None:
    """A new comment reaches the agency at once (F-4.2): email now unless the agency chose a digest."""
    from .models import AgencyNotificationSetting, Comment

    comment = Comment.objects.select_related("consultation").get(pk=comment_id)
    mode = (
        AgencyNotificationSetting.objects.filter(agency_id=comment.consultation.agency_id)
        .values_list("mode", flat=True)
        .first()
    )
    if mode == AgencyNotificationSetting.Mode.DIGEST:
        return
    for officer in agency_officers(comment.consultation.agency_id):

        def build(comment=comment):
            return (
                _("New comment on “%(title)s”") % {"title": _title(comment.consultation)},
                _("A new comment was posted. Read it in your inbox:\n%(url)s\n\n%(text)s")
                % {
                    "url": _absolute(reverse("consultations_admin:inbox_comment", args=[comment.pk])),
                    "text": comment.text,
                },
            )

        _send(officer, build)
    Comment.objects.filter(pk=comment.pk).update(emailed_at=timezone.now())


def send_digests() -> int:
    """Email each digest agency's officers the comments not yet emailed; returns the number of emails."""
    from .models import AgencyNotificationSetting, Comment

    sent = 0
    for setting in AgencyNotificationSetting.objects.filter(mode=AgencyNotificationSetting.Mode.DIGEST):
        pending = list(
            Comment.objects.filter(consultation__agency_id=setting.agency_id, emailed_at__isnull=True).select_related(
                "consultation"
            )
        )
        if not pending:
            continue
        for officer in agency_officers(setting.agency_id):

            def build(pending=pending):
                lines = [f"- {_title(c.consultation)}: {c.text[:200]}" for c in pending]
                return (
                    _("%(count)d new comments for your agency") % {"count": len(pending)},
                    _("New comments since the last digest (inbox: %(url)s):")
                    % {"url": _absolute(reverse("consultations_admin:inbox"))}
                    + "\n\n"
                    + "\n".join(lines),
                )

            _send(officer, build)
            sent += 1
        Comment.objects.filter(pk__in=[c.pk for c in pending]).update(emailed_at=timezone.now())
    return sent


def comment_hidden(comment_id: int) -> None:
    """Tell the author their comment was hidden, with the ground and the note (K-6.2.2)."""
    from .models import Comment

    comment = Comment.objects.select_related("author", "consultation").get(pk=comment_id)

    def build():
        return (
            _("Your comment was hidden"),
            _("Your comment on “%(title)s” was hidden by a moderator.\nGround: %(ground)s\nNote: %(note)s\n\n%(url)s")
            % {
                "title": _title(comment.consultation),
                "ground": comment.ground_label,
                "note": comment.hidden_note or "-",
                "url": _absolute(comment.get_absolute_url()),
            },
        )

    _send(comment.author, build)


def response_recipients(consultation) -> tuple[list, set[int]]:
    """Who hears of a published summary response: every commenter, the consultation's followers
    and the followers of its commitment, each once; and the ids of those whose comment is cited."""
    from django.contrib.auth import get_user_model

    from commitments.models import CommitmentFollow

    from .models import Comment, ConsultationFollow

    ids = set(Comment.objects.filter(consultation=consultation).values_list("author_id", flat=True))
    ids |= set(ConsultationFollow.objects.filter(consultation=consultation).values_list("user_id", flat=True))
    if consultation.commitment_id:
        ids |= set(
            CommitmentFollow.objects.filter(commitment_id=consultation.commitment_id).values_list("user_id", flat=True)
        )
    cited = set(Comment.objects.filter(cited_in__consultation=consultation).values_list("author_id", flat=True))
    users = list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk"))
    return users, cited


def response_published(consultation_id: int) -> None:
    """Tell every commenter and follower that the agency answered; cited authors how their input was used."""
    from .models import Consultation

    consultation = Consultation.objects.get(pk=consultation_id)
    users, cited = response_recipients(consultation)
    for user in users:

        def build(user=user):
            url = _absolute(consultation.get_absolute_url() + "#response")
            title = _title(consultation)
            if user.pk in cited:
                body = _("The summary response to “%(title)s” cites your comment:\n%(url)s")
            else:
                body = _("The agency published its summary response to “%(title)s”:\n%(url)s")
            return (
                _("The agency answered a consultation you follow or took part in"),
                body % {"title": title, "url": url},
            )

        _send(user, build)


def suggestion_forwarded(suggestion_id: int) -> None:
    """Tell the agency's officers and the suggester where a suggested commitment went (F-4.3)."""
    from .models import Suggestion

    suggestion = Suggestion.objects.select_related("author", "forwarded_to").get(pk=suggestion_id)
    for officer in agency_officers(suggestion.forwarded_to_id):

        def build():
            return (
                _("NDC forwarded a suggested commitment: %(title)s") % {"title": suggestion.title},
                f"{suggestion.title}\n\n{suggestion.text}\n\n{suggestion.note}",
            )

        _send(officer, build)

    def build_author():
        return (
            _("Your suggested commitment was forwarded"),
            _("NDC forwarded your suggestion “%(title)s” to %(agency)s.")
            % {"title": suggestion.title, "agency": suggestion.forwarded_to.label},
        )

    _send(suggestion.author, build_author)
