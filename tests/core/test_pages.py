"""Public pages in both languages, the language switch and "translation pending" (rule F-7)."""

from __future__ import annotations

import re

import pytest

from commitments.models import Commitment
from tests.core.test_seed import ANNEX_1

pytestmark = pytest.mark.django_db


def test_home_page_in_chinese_lists_all_commitments_with_lead_agencies(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hant-TW">' in html
    for _number, theme, title, agency in ANNEX_1:
        assert title in html
        assert theme in html
        assert f"主辦機關：{agency}" in html
    assert "尚未公布會議紀錄" in html and "目前沒有進行中的意見徵詢" in html


def test_home_page_in_english_lists_all_commitments(client):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    for commitment in Commitment.objects.select_related("lead_agency"):
        assert commitment.title_en in html
        assert f"Lead agency: {commitment.lead_agency.name_en}" in html
    assert "No minutes have been published yet." in html


def test_language_switch_leads_to_the_same_page(client):
    zh = client.get("/plans/2020-2024/commitments/4/").content.decode()
    assert 'href="/en/plans/2020-2024/commitments/4/" hreflang="en"' in zh
    en = client.get("/en/plans/2020-2024/commitments/4/").content.decode()
    assert 'href="/plans/2020-2024/commitments/4/" hreflang="zh-hant"' in en
    home_en = client.get("/en/").content.decode()
    assert 'href="/" hreflang="zh-hant"' in home_en


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_commitment_page_in_both_languages(client, prefix):
    response = client.get(f"{prefix}/plans/2020-2024/commitments/4/")
    assert response.status_code == 200
    html = response.content.decode()
    assert ("青年政策參與" if not prefix else "Youth participation in policy") in html
    assert ("教育部" if not prefix else "Ministry of Education") in html


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_plan_page_in_both_languages(client, prefix):
    response = client.get(f"{prefix}/plans/2020-2024/")
    assert response.status_code == 200
    assert ("民國109年3月31日" if not prefix else "31 March 2020") in response.content.decode()


def test_missing_english_is_shown_as_translation_pending(client):
    Commitment.objects.filter(number=4).update(title_en="")
    html = client.get("/en/plans/2020-2024/commitments/4/").content.decode()
    assert "Translation pending" in html
    assert '<span lang="zh-Hant">青年政策參與</span>' in html
    home = client.get("/en/").content.decode()
    assert re.search(r"Translation pending</span>\s*<span lang=\"zh-Hant\">青年政策參與", home)


def test_unknown_commitment_is_404(client):
    assert client.get("/plans/2020-2024/commitments/99/").status_code == 404
    assert client.get("/en/plans/nope/").status_code == 404


def test_pages_use_no_external_assets(client):
    html = client.get("/").content.decode()
    assert not re.search(r'(src|href)="https?://', html)


def test_home_page_query_count_is_fixed(client, django_assert_max_num_queries, plan):
    client.get("/")  # warm Wagtail's site cache
    with django_assert_max_num_queries(12):
        client.get("/")
    # Twelve more commitments do not add queries.
    theme = plan.themes.first()
    for number in range(13, 25):
        Commitment.objects.create(
            plan=plan, theme=theme, number=number, title_zh_hant=f"測試{number}", lead_agency_id=1
        )
    with django_assert_max_num_queries(12):
        client.get("/")


def test_commitment_page_query_count(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get("/en/plans/2020-2024/commitments/4/")
