"""Admin panel helpers shared by every app."""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column

from core.i18n import LANGUAGE_CODES, column


def side_by_side(field: str, heading=None, **kwargs) -> FieldRowPanel:
    """The Chinese and English columns of a translated field, side by side in one row (F-7)."""
    return FieldRowPanel(
        [FieldPanel(column(field, language), **kwargs) for language in LANGUAGE_CODES], heading=heading
    )


class YesNoColumn(Column):
    """A listing column for a yes/no field, shown as "是"/"否" (Yes/No) in the admin's language,
    never as a raw True/False."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return "—"
        return gettext("Yes") if value else gettext("No")


def yes_no(model, field: str, label=None) -> YesNoColumn:
    """A yes/no column of ``model.field``, labelled with the field's verbose name (translated)."""
    return YesNoColumn(field, label=label or capfirst(model._meta.get_field(field).verbose_name), sort_key=field)
