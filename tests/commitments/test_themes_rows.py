"""``themes_with_commitments`` (home and plan pages) read as joined rows: the same themes and
commitments in the same order as the models give, agency labels and addresses in each language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from commitments.models import Theme
from commitments.public import themes_with_commitments

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_themes_rows_match_the_models(plan, language):
    Theme.objects.create(plan=plan, number=99, name_zh_hant="空的主題", name_en="")  # no commitment
    with translation.override(language):
        rows = themes_with_commitments(plan)
        expected = [
            (theme.number, theme.name_zh_hant, theme.name_en, [
                (c.number, c.title_zh_hant, c.title_en, c.lead_agency.label,
                 reverse("commitments:detail", kwargs={"plan": plan.slug, "number": c.number}))
                for c in theme.commitments.select_related("lead_agency").order_by("number")
            ])
            for theme in Theme.objects.filter(plan=plan).order_by("number")
        ]  # fmt: skip
        got = [
            (theme.number, theme.name_zh_hant, theme.name_en, [
                (c.number, c.title_zh_hant, c.title_en, c.lead_agency.label, c.detail_url) for c in theme.commitments
            ])
            for theme in rows
        ]  # fmt: skip
    assert got == expected
    assert got[-1][3] == [] and sum(len(t[3]) for t in got) >= 2
