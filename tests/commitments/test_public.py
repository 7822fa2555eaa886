"""Public pages and API of commitment tables: Annex 2 layout, progress, dashboard (F-A2, F-7, W-2, W-3, K-4)."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import rules
from commitments.models import Commitment, IndicatorProgress
from commitments.services import action_plan_compile, indicator_progress_record

from .conftest import publish_many

pytestmark = pytest.mark.django_db

URL = "/plans/2020-2024/commitments/4/"


def test_annex_2_layout_in_chinese_rule_F_A2(client, published_table):
    html = client.get(URL).content.decode()
    for heading in ("承諾事項名稱與編號", "承諾事項的起迄時間", "主（協）辦機關", "承諾事項將涉及哪些公共問題？"):
        assert heading in html
    assert "青年參與公共事務的管道有限" in html
    assert "臺灣青年民主協會" in html
    assert "2020/5–2021/4" in html  # coverage per plan year
    assert "優質教育" in html  # SDG 4


def test_annex_2_layout_in_english_rule_F_7(client, published_table):
    html = client.get("/en" + URL).content.decode()
    assert "What public problem will the commitment address?" in html
    assert "Young people have few ways to take part in public affairs." in html
    assert "Quality education" in html


def test_missing_english_shows_translation_pending_rule_F_7(client, published_table):
    type(published_table).objects.filter(pk=published_table.pk).update(problem_en="")
    html = client.get("/en" + URL).content.decode()
    assert 'Translation pending</span> <span lang="zh-Hant">青年參與公共事務的管道有限' in html


def test_contact_data_never_public_rule_K_4(client, published_table):
    for url in (URL, "/en" + URL, "/api/v1/commitments/4/"):
        text = client.get(url).content.decode()
        assert "officer@example.gov.tw" not in text and "02-1234-5678" not in text and "王小明" not in text


def test_draft_content_is_not_public(client, draft_table):
    html = client.get(URL).content.decode()
    assert "青年參與公共事務的管道有限" not in html
    data = client.get("/api/v1/commitments/4/").json()
    assert data["status"] == "draft" and data["indicators"] == [] and data["published"] is False


def test_progress_and_overdue_on_commitment_page(client, published_table, moe_officer):
    first, second = list(published_table.indicators.order_by("ends_on"))[:2]
    indicator_progress_record(indicator=first, user=moe_officer, status=rules.COMPLETED, note_zh_hant="如期完成")
    indicator_progress_record(indicator=second, user=moe_officer, status=rules.DELAYED)
    html = client.get(URL).content.decode()
    assert "如期完成" in html
    assert "逾期" in html or "Overdue" in html


def test_dashboard_chart_and_overdue_named_rule_W_3(client, published_table, moe_officer):
    second = list(published_table.indicators.order_by("ends_on"))[1]
    indicator_progress_record(indicator=second, user=moe_officer, status=rules.DELAYED)
    for prefix in ("", "/en"):
        html = client.get(f"{prefix}/plans/2020-2024/dashboard/").content.decode()
        assert "<svg" in html and "<rect" in html
        assert "https://" not in html.split("<svg", 1)[1].split("</svg>")[0].replace("http://www.w3.org/2000/svg", "")
        overdue = html.split('class="overdue-list"')[1]
        assert ("辦理青年政策論壇（第2年，1）" if not prefix else "Youth policy forums held (year 2, 1)") in overdue


def test_progress_recording_refused_for_other_agency(published_table, moj_officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        indicator_progress_record(indicator=published_table.indicators.first(), user=moj_officer, status="completed")
    assert not IndicatorProgress.objects.exists()


def test_api_detail_keys(client, published_table, moe_officer):
    first = published_table.indicators.order_by("ends_on").first()
    indicator_progress_record(
        indicator=first, user=moe_officer, status=rules.IN_PROGRESS, reported_on=dt.date(2020, 9, 1)
    )
    data = client.get("/api/v1/commitments/4/").json()
    for key in ("co_agencies", "period", "status", "submitted_at", "days_late", "ogp_values", "sdgs", "participants"):
        assert key in data
    assert data["status"] == "published"
    assert data["period"] == {"start": "2020-05-01", "end": "2024-05-31"}
    assert data["ogp_values"]["participation"]["relevant"] is True
    assert data["ogp_values"]["participation"]["argument"]["en"]
    assert data["ogp_values"]["accountability"]["relevant"] is False
    assert [g["number"] for g in data["sdgs"]] == [4, 16, 17]
    indicator = data["indicators"][0]
    assert set(indicator) >= {"description", "starts_on", "ends_on", "target", "verification", "status", "progress"}
    assert indicator["target"]["unit"] == {"zh-hant": "場", "en": "forums"}
    assert indicator["status"] == "in_progress"
    assert indicator["progress"][0]["reported_on"] == "2020-09-01"
    assert len(data["indicators"]) == 4
    # the existing keys still work
    assert data["lead_agency"]["name"]["en"] == "Ministry of Education"
    assert data["url"]["en"] == "/en/plans/2020-2024/commitments/4/"


def test_api_action_plans(client, published_table, ndc_editor):
    plans = client.get("/api/v1/action-plans/").json()
    assert plans["count"] == 1
    item = plans["items"][0]
    assert item["period"] == {"start": "2020-05-01", "end": "2024-05-31"}
    assert item["deadline"] == "2020-03-31"
    assert item["exports"] is None
    action_plan_compile(plan=published_table.plan, user=ndc_editor, formats=("json", "csv"))
    detail = client.get(f"/api/v1/action-plans/{item['id']}/").json()
    assert set(detail["exports"]) == {"pdf", "odt", "json", "csv"}
    assert detail["exports"]["json"] == "/plans/2020-2024/compiled/1/json/"
    assert detail["exports"]["pdf"] is None  # not made in this compilation
    assert client.get("/api/v1/action-plans/2020-2024/").json()["id"] == item["id"]
    assert client.get("/api/v1/action-plans/999/").status_code == 404


@pytest.mark.parametrize("per_year", [1, 5])
def test_commitment_page_and_api_queries_are_fixed(
    client, plan, moe_officer, ndc_editor, per_year, django_assert_max_num_queries
):
    # rule: a fixed number of queries whatever the number of indicators (4 or 20 per table)
    from commitments.demo import TEXTS, build_table, publish_table

    table = build_table(Commitment.objects.get(plan=plan, number=4), texts=TEXTS[4], indicators_per_year=per_year)
    publish_table(table, submitter=moe_officer, reviewer=ndc_editor)
    for indicator in table.indicators.all():
        IndicatorProgress.objects.create(indicator=indicator, status=rules.IN_PROGRESS)
    client.get(URL)
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(10):
        assert len(client.get("/api/v1/commitments/4/").json()["indicators"]) == 4 * per_year


@pytest.mark.parametrize("count", [2, 8])
def test_dashboard_and_plan_queries_are_fixed(
    client, plan, moe_officer, ndc_editor, count, django_assert_max_num_queries
):
    from django.contrib.auth import get_user_model

    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    publish_many(plan, count, 1, superuser, ndc_editor)
    client.get("/plans/2020-2024/dashboard/")
    with django_assert_max_num_queries(10):
        client.get("/plans/2020-2024/dashboard/")
    with django_assert_max_num_queries(10):
        client.get("/plans/2020-2024/")
    with django_assert_max_num_queries(6):
        client.get("/api/v1/action-plans/")


def test_page_cache_shows_publication_and_progress_at_once(client, settings, draft_table, moe_officer, ndc_editor):
    from django.core.cache import cache

    from commitments.services import commitment_table_review, commitment_table_submit

    settings.CACHE_MIDDLEWARE_SECONDS = 60
    cache.clear()
    assert "青年參與公共事務的管道有限" not in client.get(URL).content.decode()
    commitment_table_submit(table=draft_table, user=moe_officer)
    assert "逾期" in client.get(URL).content.decode()  # submitted late: a lifecycle update() refreshes the cache
    commitment_table_review(table=draft_table, user=ndc_editor, approve=True)
    assert "青年參與公共事務的管道有限" in client.get(URL).content.decode()
    dashboard = client.get("/plans/2020-2024/dashboard/").content.decode()
    assert "擴大民眾參與公共政策機制: 尚未開始 4, 執行中 0" in dashboard
    indicator_progress_record(indicator=draft_table.indicators.first(), user=moe_officer, status=rules.IN_PROGRESS)
    dashboard = client.get("/plans/2020-2024/dashboard/").content.decode()
    assert "擴大民眾參與公共政策機制: 尚未開始 3, 執行中 1" in dashboard
    cache.clear()
