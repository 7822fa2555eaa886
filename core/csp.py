"""Content-Security-Policy per path (django-csp).

Public pages (the site, allauth's pages, the API and its docs page) get
``settings.CONTENT_SECURITY_POLICY``: no ``unsafe-inline``, no ``unsafe-eval``, everything from
this site only; their scripts and styles live in static files. The Wagtail admin under
``settings.ADMIN_CONTENT_SECURITY_POLICY["PATHS"]`` gets that setting's directives instead,
which allow what Wagtail's admin needs (inline styles and scripts, ``blob:`` previews).
A view's own ``@csp_replace``/``@csp_update`` still applies on top.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def admin_path(path: str) -> bool:
    """Whether ``path`` is served with the admin's policy."""
    policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", {}) or {}
    return path.startswith(tuple(policy.get("PATHS", ())))


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy on admin paths."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and admin_path(request.path_info):
            parts.config = dict(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
