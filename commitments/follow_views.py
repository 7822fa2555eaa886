"""Following a commitment: a signed-in user follows or stops following it (POST only)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Commitment, CommitmentFollow


def following(user, plan: str, number: int) -> bool:
    """Whether ``user`` follows commitment ``number`` of ``plan`` (no query for anonymous visitors)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return CommitmentFollow.objects.filter(user=user, commitment__plan__slug=plan, commitment__number=number).exists()


@require_POST
def follow(request, plan: str, number: int):
    """Follow (``action=follow``) or stop following (``action=unfollow``) a commitment."""
    commitment = get_object_or_404(Commitment, plan__slug=plan, number=number)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={commitment.get_absolute_url()}")
    if request.POST.get("action") == "unfollow":
        CommitmentFollow.objects.filter(commitment=commitment, user=request.user).delete()
        messages.success(request, _("You no longer follow this commitment."))
    else:
        CommitmentFollow.objects.get_or_create(commitment=commitment, user=request.user)
        messages.success(
            request, _("You follow this commitment: we will email you when a consultation on it is answered.")
        )
    return redirect(commitment.get_absolute_url())
