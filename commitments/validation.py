"""Feed the pure rules (``rules.py``) from a table instance or from the admin form."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from . import rules
from .annex import ANNEX_LABELS

FIELD_LABELS = {
    "problem": ANNEX_LABELS["problem"],
    "description": ANNEX_LABELS["description"],
    "contribution": ANNEX_LABELS["contribution"],
}

SUBMISSION_REFUSED = _("The table cannot be submitted to NDC yet: %(count)s problem(s) to fix, marked below.")


def _text(value) -> str:
    return value or ""


def data_from_values(plan, values: dict, indicators: list[dict], participant_kinds: list[str]) -> rules.TableData:
    """Build the rules' input from plain values (form cleaned data or model attributes)."""
    return rules.TableData(
        plan_starts_on=plan.starts_on,
        plan_ends_on=plan.ends_on,
        starts_on=values.get("starts_on") or plan.starts_on,
        ends_on=values.get("ends_on") or plan.ends_on,
        ogp_values={
            name: rules.OgpValue(
                relevant=bool(values.get(f"{name}_relevant")), argument=_text(values.get(f"{name}_argument_zh_hant"))
            )
            for name in rules.OGP_VALUES
        },
        indicators=[
            rules.IndicatorData(
                description=_text(item.get("description_zh_hant")),
                description_en=_text(item.get("description_en")),
                starts_on=item.get("starts_on"),
                ends_on=item.get("ends_on"),
                target_value=item.get("target_value"),
                target_unit=_text(item.get("target_unit_zh_hant")),
                verification=_text(item.get("verification_zh_hant")),
            )
            for item in indicators
        ],
        participant_kinds=participant_kinds,
        english={name: _text(values.get(f"{name}_en")) for name in rules.ENGLISH_REQUIRED},
        english_ogp_arguments={name: _text(values.get(f"{name}_argument_en")) for name in rules.OGP_VALUES},
    )


INDICATOR_FIELDS = (
    "description_zh_hant",
    "description_en",
    "starts_on",
    "ends_on",
    "target_value",
    "target_unit_zh_hant",
    "verification_zh_hant",
)
TABLE_FIELDS = (
    "starts_on",
    "ends_on",
    *(f"{name}_relevant" for name in rules.OGP_VALUES),
    *(f"{name}_argument_zh_hant" for name in rules.OGP_VALUES),
    *(f"{name}_argument_en" for name in rules.OGP_VALUES),
    *(f"{name}_en" for name in rules.ENGLISH_REQUIRED),
)


def table_problems(table) -> list[rules.Problem]:
    """What stops ``table`` (an instance, e.g. the latest revision) from being submitted."""
    values = {name: getattr(table, name) for name in TABLE_FIELDS}
    indicators = [{name: getattr(i, name) for name in INDICATOR_FIELDS} for i in table.indicators.all()]
    kinds = [p.kind for p in table.participants.all()]
    data = data_from_values(table.commitment.plan, values, indicators, kinds)
    return rules.check_table(data, {k: str(v) for k, v in FIELD_LABELS.items()})


def form_problems(form, plan) -> list[rules.Problem]:
    """What stops the submitted admin form (with its inline formsets) from being submitted."""
    values = {name: form.cleaned_data.get(name) for name in TABLE_FIELDS}

    def live_forms(name: str):
        formset = form.formsets.get(name)
        if formset is None:
            return []
        return [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]

    indicators = [{n: f.cleaned_data.get(n) for n in INDICATOR_FIELDS} for f in live_forms("indicators")]
    kinds = [f.cleaned_data.get("kind") for f in live_forms("participants")]
    data = data_from_values(plan, values, indicators, kinds)
    return rules.check_table(data, {k: str(v) for k, v in FIELD_LABELS.items()})


FIX_BELOW = _("Before it goes to NDC, the table needs these fixes (F-5, F-7):")
