"""Public actions of citizens on consultations: follow, edit or withdraw a comment, report a comment."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import engagement, permissions
from .forms import CommentEditForm, ReportForm
from .models import Comment, Consultation


def _login(request):
    return redirect(f"{reverse('account_login')}?next={request.path}")


@require_POST
def follow(request, pk: int):
    """Follow (``action=follow``) or stop following (``action=unfollow``) a consultation."""
    consultation = get_object_or_404(Consultation, pk=pk)
    if not request.user.is_authenticated:
        return _login(request)
    if request.POST.get("action") == "unfollow":
        engagement.consultation_unfollow(consultation=consultation, user=request.user)
        messages.success(request, _("You no longer follow this consultation."))
    else:
        engagement.consultation_follow(consultation=consultation, user=request.user)
        messages.success(request, _("You follow this consultation: we will email you when the agency answers."))
    return redirect(consultation.get_absolute_url())


def _own_comment(request, pk: int) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("consultation"), pk=pk)
    if comment.author_id != request.user.pk:
        raise Http404
    return comment


def edit(request, pk: int):
    """The author edits their comment while the consultation is open (the previous text is kept)."""
    if not request.user.is_authenticated:
        return _login(request)
    comment = _own_comment(request, pk)
    form = CommentEditForm(request.POST or None, initial={"text": comment.text})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                engagement.comment_edit(comment=comment, text=form.cleaned_data["text"], user=request.user)
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                messages.success(request, _("Your comment is changed; it shows as edited."))
                return redirect(comment.get_absolute_url())
        status = 400
    return render(request, "consultations/comment_edit.html", {"comment": comment, "form": form}, status=status)


@require_POST
def withdraw(request, pk: int):
    """The author withdraws their comment while the consultation is open."""
    if not request.user.is_authenticated:
        return _login(request)
    comment = _own_comment(request, pk)
    try:
        engagement.comment_withdraw(comment=comment, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your comment is withdrawn."))
    return redirect(comment.get_absolute_url())


def report(request, pk: int):
    """Report a comment to the moderators (verified users; one report per user per comment)."""
    if not request.user.is_authenticated:
        return _login(request)
    comment = get_object_or_404(Comment.objects.select_related("consultation", "author"), pk=pk)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not permissions.can_comment(request.user):
            form.add_error(None, _("Confirm your email address first; your text is kept below."))
        elif form.is_valid():
            try:
                _report, created = engagement.comment_report(
                    comment=comment, user=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                if created:
                    messages.success(request, _("Thank you: the moderators will look at this comment."))
                else:
                    messages.info(request, _("You already reported this comment."))
                return redirect(comment.get_absolute_url())
        status = 400
    return render(request, "consultations/comment_report.html", {"comment": comment, "form": form}, status=status)
