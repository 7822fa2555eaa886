"""Matrix declarations of the core app: the outbox of failed emails (superusers only), the API root."""

from __future__ import annotations

from .matrix import Rule

RULES = [
    Rule(("outgoing_email:index", "outgoing_email:index_results", "outgoing_email:add", "outgoing_email:edit",
          "outgoing_email:copy")),
    Rule("outgoing_email:retry", refused=405),  # POST only
    Rule("outgoing_email:*", refused=404),  # no such email: refused before anything is shown
    Rule("api_v1:openapi-*", public=True),
    Rule("api_v1:api-root", public=True, ok=404),
]  # fmt: skip
