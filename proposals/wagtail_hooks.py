"""Admin of citizen proposals: the management team's review queue and the agencies' queue."""

from __future__ import annotations

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, permissions, rules

EXTRA_ACTIONS = {"seconds_invalidated": (_("Invalidate seconds"), _("Seconds invalidated"))}


@hooks.register("register_log_actions")
def register_proposal_log_actions(actions):
    for kind, label in rules.EVENT_LABELS.items():
        actions.register_action(f"proposals.{kind}", label, label)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", admin_views.queue, name="queue"),
        path("<int:pk>/", admin_views.manage, name="manage"),
    ]
    return [path("proposals/", include((urls, "proposals_admin"), namespace="proposals_admin"))]


class _QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(permissions.can_view_staff_queue(request.user))


@hooks.register("register_admin_menu_item")
def register_proposals_menu():
    return _QueueMenuItem(_("Citizen proposals"), reverse_lazy("proposals_admin:queue"), icon_name="pick", order=310)
