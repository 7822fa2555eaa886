"""Admin views of the forum app beyond the snippet forms: send a meeting's notice (F-9) and
download its allowance list (F-2.4). Both are refused outside the user's own forums."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.i18n import current_language

from . import permissions
from .models import Meeting
from .services import allowance_csv, meeting_changed_since_notice, meeting_send_notice, notice_recipients


def _meeting(request, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("forum__commitment"), pk=pk)


def notice(request, pk: int):
    """GET: who will receive the notice and what was sent before; POST: send it."""
    meeting = _meeting(request, pk)
    if not permissions.can_send_notice(request.user, meeting):
        raise PermissionDenied
    edit_url = reverse("wagtailsnippets_forum_meeting:edit", args=[meeting.pk])
    if request.method == "POST":
        sent = meeting_send_notice(meeting=meeting, user=request.user)
        messages.success(
            request,
            _("Notice %(number)d sent to %(count)d recipients with the calendar invitation.")
            % {"number": sent.sequence, "count": len(sent.recipients)},
        )
        return redirect(edit_url)
    notices = list(meeting.notices.order_by("sequence").select_related("sent_by"))
    return TemplateResponse(
        request,
        "forum/admin/notice.html",
        {
            "meeting": meeting,
            "recipients": notice_recipients(meeting),
            "members_without_email": meeting.forum.members.current().filter(email=""),
            "notices": notices,
            "changed": meeting_changed_since_notice(meeting),
            "edit_url": edit_url,
            "page_title": _("Meeting notice"),
            "header_title": _("Meeting notice"),
            "header_icon": "mail",
        },
    )


def allowances(request, pk: int):
    """The meeting's allowance list as CSV (non-government members present, F-2.4)."""
    meeting = _meeting(request, pk)
    if not permissions.can_download_allowances(request.user, meeting):
        raise PermissionDenied
    response = HttpResponse(allowance_csv(meeting, current_language()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="allowances-meeting-{meeting.pk}.csv"'
    return response
