"""Server-side SVG charts of results: no JavaScript, no CDN; numbers also in a table beside them."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.i18n import current_language, value_in

BAR_WIDTH = 420
ROW_HEIGHT = 28


def result_rows(result, projects: dict) -> list[dict]:
    """One row per project on the final ballot, most votes first."""
    tallies = {int(k): v for k, v in result.tallies.items()}
    rows = []
    for pk, votes in sorted(tallies.items(), key=lambda item: (-item[1], item[0])):
        project = projects.get(pk)
        if project is None:
            continue
        rows.append(
            {
                "project": project,
                "votes": votes,
                "cost": project.cost_estimate or 0,
                "binding": pk in result.winners,
                "comparison": pk in result.comparison,
                "greedy": pk in result.greedy,
                "mes": pk in result.mes,
            }
        )
    return rows


def bar_chart(rows: list[dict], *, budget: int) -> dict:
    """Geometry of a horizontal bar chart of votes (winners under the binding method filled dark)."""
    top = max([r["votes"] for r in rows] + [1])
    bars = []
    for index, row in enumerate(rows):
        y = index * (ROW_HEIGHT * 2)
        width = round(BAR_WIDTH * row["votes"] / top)
        bars.append(
            {
                "label": value_in(row["project"], "title", current_language()) or str(row["project"]),
                "votes": row["votes"],
                "y_label": y + 14,
                "y_bar": y + 18,
                "width": max(width, 1),
                "x_value": max(width, 1) + 6,
                "y_value": y + 18 + 15,
                "binding": row["binding"],
            }
        )
    return {
        "bars": bars,
        "height": max(len(rows), 1) * ROW_HEIGHT * 2 + 4,
        "width": BAR_WIDTH + 80,
        "title": _("Votes per project"),
    }
