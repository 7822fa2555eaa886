"""Admin of background work: outgoing emails (status, attempts, last error; send a failed one again).

Imported from ``CoreConfig.ready`` (it registers Wagtail hooks). Under Settings; visible to
superusers and to groups given ``core.view_outgoingemail``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .email import email_retry
from .models import OutgoingEmail


class RetryColumn(Column):
    """A "send again" button on failed rows."""

    cell_template_name = "core/admin/retry_cell.html"


class OutgoingEmailViewSet(ModelViewSet):
    """Read-only list of queued, sent and failed emails."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing emails")
    add_to_settings_menu = True
    url_prefix = "outgoing-emails"
    inspect_view_enabled = True
    list_filter = ["status"]
    list_display = [
        "subject",
        Column("to", label=_("to")),
        "status",
        "attempts",
        Column("last_error", label=_("last error")),
        DateColumn("created_at", label=_("created")),
        RetryColumn("retry", label=_("send again")),
    ]
    search_fields = ["subject"]
    form_fields = ["status"]
    inspect_view_fields = [
        "created_at",
        "to",
        "subject",
        "body",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("retry/<int:pk>/", retry_view, name="retry")]


@require_POST
def retry_view(request, pk: int):
    if not request.user.has_perm("core.change_outgoingemail"):
        raise PermissionDenied
    email = get_object_or_404(OutgoingEmail, pk=pk)
    email_retry(email_id=email.pk, user=request.user)
    messages.success(request, _("The email is queued again."))
    return redirect(reverse("outgoing_email:index"))


viewset = OutgoingEmailViewSet("outgoing_email")


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return viewset
