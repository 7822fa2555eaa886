"""The action plan's skeleton as data (rules F-1, F-A1, F-6)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from commitments.models import ActionPlan, Agency, Commitment, Theme
from commitments.services import action_plan_load, action_plans_load_seed, seed_files

pytestmark = pytest.mark.django_db

# Annex 1 of 004_a13b12672b088ca7.txt, as printed there.
ANNEX_1 = [
    (1, "極大化開放資料加值應用", "政府資料開放與運用法制化", "國發會"),
    (2, "極大化開放資料加值應用", "建立開放資料集平臺，提供加值運用", "科技部"),
    (3, "擴大民眾參與公共政策機制", "公民投票電子連署", "中選會"),
    (4, "擴大民眾參與公共政策機制", "青年政策參與", "教育部"),
    (5, "擴大民眾參與公共政策機制", "地方創生互動平臺機制建置", "國發會"),
    (6, "增加性別及族群包容性對話機制", "促進性別包容對話與參與", "行政院性平處"),
    (7, "增加性別及族群包容性對話機制", "促進新住民公共參與及發展", "內政部"),
    (8, "增加性別及族群包容性對話機制", "擴大原住民族國際合作與交流", "原民會"),
    (9, "增加性別及族群包容性對話機制", "推動客家議題公共參與", "客委會"),
    (10, "落實清廉施政", "強化政治獻金透明化", "內政部"),
    (11, "落實清廉施政", "建置與精進機關採購廉政平臺", "法務部"),
    (12, "執行洗錢防制", "實質受益人資訊透明", "法務部"),
]


def test_rule_F_A1_twelve_commitments_in_five_themes_with_lead_agencies(plan):
    commitments = Commitment.objects.filter(plan=plan).select_related("theme", "lead_agency").order_by("number")
    actual = [(c.number, c.theme.name_zh_hant, c.title_zh_hant, c.lead_agency.short_name_zh_hant) for c in commitments]
    assert actual == ANNEX_1
    assert Theme.objects.filter(plan=plan).count() == 5


def test_rule_F_A1_every_commitment_has_english_title_and_agency_name(plan):
    for commitment in Commitment.objects.filter(plan=plan).select_related("lead_agency", "theme"):
        assert commitment.title_en, commitment.number
        assert commitment.lead_agency.name_en
        assert commitment.theme.name_en


def test_rule_F_1_each_commitment_is_led_by_a_government_agency(plan):
    agencies = {c.lead_agency for c in Commitment.objects.filter(plan=plan).select_related("lead_agency")}
    assert agencies and all(agency.is_government for agency in agencies)


def test_rule_F_6_plan_period_and_submission_deadline(plan):
    assert plan.starts_on == dt.date(2020, 5, 1)
    assert plan.ends_on == dt.date(2024, 5, 31)
    assert plan.submission_deadline == dt.date(2020, 3, 31)
    assert plan.is_current


def test_seed_is_idempotent():
    def snapshot():
        return (
            list(Agency.objects.order_by("code").values()),
            list(ActionPlan.objects.order_by("slug").values()),
            list(Theme.objects.order_by("plan", "number").values()),
            list(Commitment.objects.order_by("plan", "number").values()),
        )

    before = snapshot()
    action_plans_load_seed()
    action_plans_load_seed()
    assert snapshot() == before


def test_a_second_action_plan_is_only_data():
    data = json.loads(seed_files()[0].read_text(encoding="utf-8"))
    data["plan"] = {
        "slug": "2025-2028",
        "name": {"zh-hant": "第三期行動方案", "en": "Third action plan"},
        "starts_on": "2025-01-01",
        "ends_on": "2028-12-31",
        "submission_deadline": "2024-10-31",
        "is_current": True,
    }
    data["commitments"] = data["commitments"][:3]
    second = action_plan_load(data=data)
    assert ActionPlan.objects.current() == second
    assert ActionPlan.objects.filter(is_current=True).count() == 1
    assert second.commitments.count() == 3
    assert Commitment.objects.filter(plan__slug="2020-2024").count() == 12


def test_plan_period_must_be_ordered():
    from django.db import IntegrityError, transaction

    plan = ActionPlan.objects.get(slug="2020-2024")
    plan.ends_on = plan.starts_on
    with pytest.raises(IntegrityError), transaction.atomic():
        plan.save()
