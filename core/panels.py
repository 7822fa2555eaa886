"""Admin panel helpers shared by every app."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core.i18n import LANGUAGE_CODES, column


def side_by_side(field: str, heading=None, **kwargs) -> FieldRowPanel:
    """The Chinese and English columns of a translated field, side by side in one row (F-7)."""
    return FieldRowPanel(
        [FieldPanel(column(field, language), **kwargs) for language in LANGUAGE_CODES], heading=heading
    )
