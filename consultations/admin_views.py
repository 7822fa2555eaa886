"""Staff views in the Wagtail admin: the agency inbox, moderation, response, extension, export, suggestions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core import spreadsheet
from core.dates import format_datetime
from core.roles import NDC_EDITOR, user_has_role

from . import engagement, permissions, rules, services
from .forms import ExtensionForm, ForwardForm, HideForm, InboxForm, ResponseForm
from .models import AgencyNotificationSetting, Comment, Consultation, Suggestion


def _render(request, template: str, title: str, context: dict):
    return render(
        request, f"consultations/admin/{template}", {"page_title": title, "header_icon": "comment", **context}
    )


def _managed_consultations(user):
    qs = Consultation.objects.select_related("agency", "commitment", "response")
    agency_id = permissions.officer_agency_id(user)
    if agency_id is not None and not user_has_role(user, NDC_EDITOR):
        qs = qs.filter(agency_id=agency_id)
    return qs


def inbox(request):
    """Every comment for the officer's agency (NDC editors: all), newest first; overdue consultations flagged."""
    user = request.user
    if not permissions.can_view_inbox(user):
        raise PermissionDenied
    consultations = list(_managed_consultations(user))
    status = request.GET.get("status", "")
    comments = Comment.objects.filter(consultation__in=consultations).select_related(
        "author", "consultation", "assigned_to"
    )
    if status in Comment.InboxStatus.values:
        comments = comments.filter(inbox_status=status)
    if request.GET.get("mine"):
        comments = comments.filter(assigned_to=user)
    page = Paginator(comments.order_by("-created_at", "-pk"), 50).get_page(request.GET.get("page"))
    today = timezone.localdate()
    overdue = [c for c in consultations if c.status_on(today) == rules.OVERDUE]
    agency_id = permissions.officer_agency_id(user)
    setting = None
    if agency_id is not None:
        setting, _created = AgencyNotificationSetting.objects.get_or_create(agency_id=agency_id)
        if request.method == "POST" and request.POST.get("mode") in AgencyNotificationSetting.Mode.values:
            setting.mode = request.POST["mode"]
            setting.save()
            messages.success(request, _("Email setting saved."))
            return redirect("consultations_admin:inbox")
    return _render(
        request,
        "inbox.html",
        _("Comments inbox"),
        {
            "page": page,
            "consultations": consultations,
            "overdue": overdue,
            "status": status,
            "statuses": Comment.InboxStatus.choices,
            "setting": setting,
            "modes": AgencyNotificationSetting.Mode.choices,
            "today": today,
        },
    )


def inbox_comment(request, pk: int):
    """One comment in the inbox: opening it marks it read; the officer sets its status and assignee."""
    comment = get_object_or_404(Comment.objects.select_related("consultation", "author", "parent"), pk=pk)
    if not permissions.can_handle_comment(request.user, comment):
        raise PermissionDenied
    if request.method == "GET" and comment.inbox_status == Comment.InboxStatus.NEW:
        comment.mark(Comment.InboxStatus.READ, user=request.user)
    form = InboxForm(
        request.POST or None,
        agency_id=comment.consultation.agency_id,
        initial={"inbox_status": comment.inbox_status, "assigned_to": comment.assigned_to_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["assigned_to"] != comment.assigned_to:
                services.comment_assign(comment=comment, assignee=form.cleaned_data["assigned_to"], user=request.user)
            if form.cleaned_data["inbox_status"] != comment.inbox_status:
                comment.mark(form.cleaned_data["inbox_status"], user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("consultations_admin:inbox")
    return _render(
        request, "inbox_comment.html", _("Comment #%(pk)d") % {"pk": comment.pk}, {"comment": comment, "form": form}
    )


def consultation(request, pk: int):
    """A consultation for its agency: deadlines, extension, summary response, export."""
    item = get_object_or_404(Consultation.objects.select_related("agency", "commitment"), pk=pk)
    if not permissions.can_manage_consultation(request.user, item):
        raise PermissionDenied
    response = getattr(item, "response", None) if item.has_response else None
    initial = {}
    if response is not None:
        initial = {
            "text_zh_hant": response.text_zh_hant,
            "text_en": response.text_en,
            "cited": response.cited_comments.all(),
        }
    response_form = ResponseForm(
        request.POST if request.POST.get("action") == "respond" else None, consultation=item, initial=initial
    )
    extension_form = ExtensionForm(request.POST if request.POST.get("action") == "extend" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "respond" and response_form.is_valid():
                data = response_form.cleaned_data
                services.response_publish(
                    consultation=item,
                    text_zh_hant=data["text_zh_hant"],
                    text_en=data["text_en"],
                    cited=[c.pk for c in data["cited"]],
                    user=request.user,
                )
                messages.success(request, _("The summary response is published."))
                return redirect("consultations_admin:consultation", pk=item.pk)
            if request.POST.get("action") == "extend" and extension_form.is_valid():
                data = extension_form.cleaned_data
                services.consultation_extend(
                    consultation=item,
                    extended_to=data["extended_to"],
                    reason_zh_hant=data["reason_zh_hant"],
                    reason_en=data["reason_en"],
                    user=request.user,
                )
                messages.success(request, _("The response deadline is extended; the reason is public."))
                return redirect("consultations_admin:consultation", pk=item.pk)
        except ValidationError as error:
            target = response_form if request.POST.get("action") == "respond" else extension_form
            for message in error.messages:
                target.add_error(None, message)
    return _render(
        request,
        "consultation.html",
        str(item),
        {"item": item, "response_form": response_form, "extension_form": extension_form, "status": item.status},
    )


def export_csv(request, pk: int):
    """The consultation's comments as CSV, UTF-8 with a BOM so that Excel opens the Chinese."""
    item = get_object_or_404(Consultation, pk=pk)
    if not permissions.can_manage_consultation(request.user, item):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consultation-{item.pk}-comments.csv"'
    writer = spreadsheet.writer(response)
    writer.writerow(
        ["id", "reply_to", "posted", "author", "section", "item", "text", "visibility", "ground", "inbox_status"]
    )
    comments = item.comments.select_related("author").order_by("created_at", "pk")
    for c in comments.iterator(chunk_size=2000):
        writer.writerow(
            [
                c.pk,
                c.parent_id or "",
                format_datetime(c.created_at, "zh-hant"),
                c.author.public_name,
                c.get_section_display() if c.section else "",
                c.section_label,
                c.text,
                c.visibility,
                c.ground_label,
                c.inbox_status,
            ]
        )
    return response


def moderation(request):
    """Moderators: the queue of reported comments (most reported first), then the latest comments."""
    if not permissions.can_moderate(request.user):
        raise PermissionDenied
    queue = list(
        Comment.objects.filter(reports__handled_at__isnull=True)
        .annotate(open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True)))
        .select_related("author", "consultation")
        .order_by("-open_reports", "created_at", "pk")[:100]
    )
    comments = Comment.objects.select_related("author", "consultation").order_by("-created_at", "-pk")
    if request.GET.get("hidden"):
        comments = comments.filter(visibility=Comment.Visibility.HIDDEN)
    page = Paginator(comments, 50).get_page(request.GET.get("page"))
    return _render(request, "moderation.html", _("Moderation"), {"page": page, "queue": queue})


def moderate(request, pk: int):
    """Hide a comment on a ground of the rules with a note (K-6.2.2, T-7), restore it, or keep it
    (its open reports leave the queue in every case); the comment's earlier versions are shown."""
    if not permissions.can_moderate(request.user):
        raise PermissionDenied
    comment = get_object_or_404(Comment.objects.select_related("consultation", "author"), pk=pk)
    form = HideForm(request.POST or None, comment=comment)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "keep":
                engagement.reports_handle(comment=comment, moderator=request.user)
                messages.success(request, _("The comment stays visible; its reports are closed."))
                return redirect("consultations_admin:moderation")
            if comment.is_hidden:
                services.comment_restore(comment=comment, moderator=request.user, note=request.POST.get("note", ""))
                engagement.reports_handle(comment=comment, moderator=request.user)
                messages.success(request, _("The comment is visible again."))
                return redirect("consultations_admin:moderation")
            if form.is_valid():
                services.comment_hide(
                    comment=comment,
                    moderator=request.user,
                    ground=form.cleaned_data["ground"],
                    note=form.cleaned_data["note"],
                )
                engagement.reports_handle(comment=comment, moderator=request.user)
                messages.success(request, _("The comment is hidden and its author was emailed."))
                return redirect("consultations_admin:moderation")
        except ValidationError as error:
            form.add_error(None, error)
    context = {
        "comment": comment,
        "form": form,
        "versions": list(comment.versions.all()),
        "reports": list(comment.reports.select_related("reporter").order_by("created_at")),
    }
    return _render(request, "moderate.html", _("Moderate comment #%(pk)d") % {"pk": comment.pk}, context)


def suggestions(request):
    """NDC's inbox of suggested commitments (F-4.3)."""
    if not permissions.can_handle_suggestions(request.user):
        raise PermissionDenied
    items = Paginator(Suggestion.objects.select_related("author", "forwarded_to"), 50).get_page(request.GET.get("page"))
    return _render(request, "suggestions.html", _("Suggested commitments"), {"page": items})


def suggestion(request, pk: int):
    """NDC forwards one suggestion to the relevant lead agency (F-4.3)."""
    if not permissions.can_handle_suggestions(request.user):
        raise PermissionDenied
    item = get_object_or_404(Suggestion.objects.select_related("author", "forwarded_to"), pk=pk)
    form = ForwardForm(request.POST or None, initial={"agency": item.forwarded_to_id, "note": item.note})
    if request.method == "POST" and form.is_valid():
        services.suggestion_forward(
            suggestion=item, agency=form.cleaned_data["agency"], note=form.cleaned_data["note"], user=request.user
        )
        messages.success(request, _("Forwarded; the agency's officers and the suggester were emailed."))
        return redirect("consultations_admin:suggestions")
    return _render(request, "suggestion.html", item.title, {"item": item, "form": form})
