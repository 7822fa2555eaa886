"""What to do next: the panels of the Wagtail admin home ("dashboard"), one per app and role.

Each app contributes its own panels from its own ``wagtail_hooks.py`` with Wagtail's
``construct_homepage_panels`` hook, so ``core`` never names a higher app::

    @hooks.register("construct_homepage_panels")
    def _panels(request, panels):
        if permissions.can_view_inbox(request.user):
            panels.append(TaskPanel(name="...", heading=_("..."), rows=..., order=10))

A panel is a list of ``TaskRow``: a sentence saying what waits, a link to where it is done, an
optional detail (a deadline, days left) and a tone ("" / "warning" / "critical"). Panels are
built in a fixed number of queries each, scoped through the app's ``permissions.py`` helpers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wagtail.admin.ui.components import Component

# How far ahead "falling due" looks, in days.
HORIZON_DAYS = 30
ROWS_PER_PANEL = 8


@dataclass(frozen=True)
class TaskRow:
    """One thing waiting: what (``text``), where it is done (``url``), when (``detail``), how urgent (``tone``)."""

    text: str
    url: str = ""
    detail: str = ""
    tone: str = ""  # "", "warning" (due soon) or "critical" (late)


class TaskPanel(Component):
    """A dashboard panel listing ``TaskRow``s, or saying there is nothing to do."""

    template_name = "core/admin/task_panel.html"

    def __init__(
        self,
        *,
        name: str,
        heading: str,
        rows: Iterable[TaskRow] | Callable[[], Iterable[TaskRow]],
        order: int = 50,
        empty: str = "",
        more_url: str = "",
    ) -> None:
        self.name = name
        self.heading = heading
        self._rows = rows
        self.order = order
        self.empty = empty
        self.more_url = more_url

    def rows(self) -> list[TaskRow]:
        rows = self._rows() if callable(self._rows) else self._rows
        return list(rows)

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        rows = self.rows()
        return {
            "panel_id": f"dashboard-{self.name}",
            "heading": self.heading,
            "rows": rows[:ROWS_PER_PANEL],
            "more": len(rows) - ROWS_PER_PANEL if len(rows) > ROWS_PER_PANEL else 0,
            "more_url": self.more_url,
            "empty": self.empty,
        }


def days_left_label(days: int) -> str:
    """ "3 days left", "due today", "2 days late" in the active language."""
    from django.utils.translation import ngettext

    if days > 0:
        return ngettext("%(n)d day left", "%(n)d days left", days) % {"n": days}
    if days == 0:
        from django.utils.translation import gettext

        return gettext("due today")
    return ngettext("%(n)d day late", "%(n)d days late", -days) % {"n": -days}


def tone_for(days: int) -> str:
    """The urgency of a deadline ``days`` away: late, within a week, or later."""
    if days < 0:
        return "critical"
    if days <= 7:
        return "warning"
    return ""
