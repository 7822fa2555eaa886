"""Public pages of the consultations app: lists, a consultation with its comments, posting, suggestions."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.verified import read_with_verified
from core.cache import cached_fragment
from core.net import client_ip
from core.ratelimit import RateLimitUnavailable

from . import permissions, public, ratelimit, rules, services
from .forms import CommentForm, ReplyForm, SuggestionForm
from .models import Comment, Consultation, Suggestion


def index(request):
    """Open, upcoming and closed consultations with their dates and response deadlines.

    The lists are the same for every visitor: a cached fragment (by content version, day and page),
    so their queries run lazily, only when it is rebuilt."""
    today = timezone.localdate()
    items = public.consultations()
    page = request.GET.get("page", "")
    return render(
        request,
        "consultations/index.html",
        {
            "open_now": items.filter(opens_on__lte=today, closes_on__gte=today).order_by("closes_on"),
            "upcoming": items.filter(opens_on__gt=today).order_by("opens_on"),
            "closed": SimpleLazyObject(
                lambda: Paginator(
                    items.filter(closes_on__lt=today).order_by("-closes_on", "-pk"), settings.PAGE_SIZE
                ).get_page(page)
            ),
            "today": today,
            "page_key": page[:20],
        },
    )


def overdue(request):
    """The public board of late agencies: overdue responses and responses published late, per
    agency (K-7.2, T-10.2, W-5)."""
    today = timezone.localdate()
    board = SimpleLazyObject(public.late_board)  # read only when the cached fragment is rebuilt
    return render(request, "consultations/overdue.html", {"board": board, "today": today})


def _detail_context(request, consultation: Consultation, form=None, reply_form=None, reply_to=None) -> dict:
    comments = public.comment_pages(consultation, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    user = request.user
    return {
        "consultation": consultation,
        "status": consultation.status,
        "comments": comments,
        "cited": SimpleLazyObject(lambda: public.cited_ids(consultation)),
        "form": form or CommentForm(),
        "reply_form": reply_form,
        "reply_to": reply_to,
        "can_comment": permissions.can_comment(user),
        "can_moderate": permissions.can_moderate(user),
        "can_manage": user.is_authenticated and permissions.can_manage_consultation(user, consultation),
        "statuses": {k: str(v) for k, v in rules.STATUS_LABELS.items()},
        "following": user.is_authenticated and consultation.follows.filter(user=user).exists(),
    }


def detail(request, pk: int):
    """A consultation: its text, attachments, deadlines, response and comments (paginated)."""
    try:
        # The consultation with what the page shows of it, cached by content version (its counters
        # are in the "comments" scope of this path: a new comment renews it).
        consultation = cached_fragment(("consultation", pk), lambda: {"item": public.consultation_detail(pk)})["item"]
    except Consultation.DoesNotExist as error:
        raise Http404 from error
    return render(request, "consultations/detail.html", _detail_context(request, consultation))


# What posting reads of the consultation (its dates); the rest of the row is never needed.
WRITE_FIELDS = ("pk", "opens_on", "closes_on")


@require_POST
def comment(request, pk: int):
    """Post a comment or a reply: verified users, while open, within the rate limits; the text is kept on error."""
    # The write needs only the consultation's own row; the page (attachments, response, counts)
    # is read only when the answer is the page again (a refusal or a form error).
    # The user's verified address is read with that row (accounts.verified).
    consultation = read_with_verified(Consultation, pk, WRITE_FIELDS, request.user)
    if consultation is None:
        raise Http404
    is_reply = bool(request.POST.get("parent"))
    form = (ReplyForm if is_reply else CommentForm)(request.POST)
    problem = None
    if not request.user.is_authenticated:
        problem = _("Sign in with a verified email address to comment. Your text is kept below.")
    elif not permissions.can_comment(request.user):
        problem = _(
            "Confirm your email address first (see the message we sent you); then post. Your text is kept below."
        )
    elif not consultation.is_open:
        if timezone.localdate() < consultation.opens_on:
            problem = _("This consultation opens on %(date)s; comments are not accepted yet. Your text is kept below.")
        else:
            problem = _(
                "This consultation closed on %(date)s; comments are no longer accepted. Your text is kept below."
            )
        from core.dates import format_date

        date = consultation.opens_on if timezone.localdate() < consultation.opens_on else consultation.closes_on
        problem = problem % {"date": format_date(date)}
    if problem is None and form.is_valid():
        data = form.cleaned_data
        try:
            allowed = ratelimit.allow(user_id=request.user.pk, ip=client_ip(request), token=str(data["token"]))
        except RateLimitUnavailable:
            allowed = None
        if allowed is None:
            problem = _("Comments cannot be accepted at this moment. Try again in a moment; your text is kept below.")
        elif not allowed:
            problem = _("You are posting too fast. Wait a minute and send again; your text is kept below.")
        else:
            parent = None
            if data.get("parent"):
                parent = Comment.objects.filter(pk=data["parent"], consultation=consultation).first()
            try:
                posted, created = services.comment_post(
                    consultation=consultation,
                    author=request.user,
                    text=data["text"],
                    token=data["token"],
                    parent=parent,
                    section=data.get("section", ""),
                    section_label=data.get("section_label", ""),
                )
            except ValidationError as error:
                problem = " ".join(error.messages)
            else:
                if created:
                    messages.success(request, _("Thank you: your comment is published and was sent to the agency."))
                return redirect(posted.get_absolute_url())
    if problem:
        form.add_error(None, problem)
    reply_to = None
    if is_reply and request.POST["parent"].isdigit():
        target = Comment.objects.filter(pk=int(request.POST["parent"]), consultation=consultation).first()
        reply_to = (target.parent_id or target.pk) if target else None
    consultation = public.consultation_detail(pk)
    context = _detail_context(
        request, consultation, form=None if is_reply else form, reply_form=form if is_reply else None, reply_to=reply_to
    )
    return render(request, "consultations/detail.html", context, status=400 if problem or form.errors else 200)


def suggest(request):
    """Suggest a new commitment: it goes to NDC's inbox, then to the relevant agency (F-4.3)."""
    user = request.user
    if not user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    form = SuggestionForm(request.POST or None)
    if request.method == "POST":
        if not permissions.can_comment(user):
            form.add_error(None, _("Confirm your email address first; your text is kept below."))
        elif form.is_valid():
            services.suggestion_submit(
                author=user,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                token=form.cleaned_data["token"],
            )
            messages.success(request, _("Thank you: NDC received your suggestion. You can follow it here."))
            return redirect("consultations:my_suggestions")
    return render(request, "consultations/suggest.html", {"form": form}, status=400 if form.errors else 200)


def my_suggestions(request):
    """The suggester sees where each of their suggestions went (F-4.3)."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    items = Suggestion.objects.filter(author=request.user).select_related("forwarded_to")
    return render(request, "consultations/my_suggestions.html", {"items": items})
