"""Content titles in the admin (``__str__``: listings, choosers, breadcrumbs) follow the admin's
language: English where it exists, the Chinese original otherwise (rule F-7, issue 12)."""

from __future__ import annotations

import pytest
from django.utils import translation

from budgeting.models import PollingStation, Process, Project, TargetedSurvey
from commitments.models import ActionPlan, Agency, Commitment
from consultations.models import Consultation, ConsultationAttachment
from forum.models import AgendaItem, Meeting
from proposals.models import Proposal

CASES = [
    (Consultation, "title"),
    (ConsultationAttachment, "title"),
    (Proposal, "title"),
    (Process, "title"),
    (Project, "title"),
    (TargetedSurvey, "title"),
    (PollingStation, "name"),
    (Agency, "name"),
    (ActionPlan, "name"),
    (Meeting, "title"),
    (AgendaItem, "title"),
]


@pytest.mark.parametrize(("model", "field"), CASES, ids=[m.__name__ for m, _f in CASES])
def test_rule_F_7_title_in_the_admin_language_with_the_chinese_as_fallback(model, field):
    item = model(**{f"{field}_zh_hant": "中文標題", f"{field}_en": "English title"})
    with translation.override("en"):
        assert str(item) == "English title"
    with translation.override("zh-hant"):
        assert str(item) == "中文標題"
    pending = model(**{f"{field}_zh_hant": "只有中文", f"{field}_en": ""})
    with translation.override("en"):
        assert str(pending) == "只有中文"


def test_rule_F_7_commitment_title_in_the_admin_language():
    commitment = Commitment(number=4, title_zh_hant="青年參與", title_en="Youth participation")
    with translation.override("en"):
        assert str(commitment) == "4. Youth participation"
    with translation.override("zh-hant"):
        assert str(commitment) == "4. 青年參與"
    commitment.title_en = ""
    with translation.override("en"):
        assert str(commitment) == "4. 青年參與"
