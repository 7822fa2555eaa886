"""One search box over the site: Chinese-aware, both languages, types and filters, never a 500."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_consultation, forum_world):
    from forum.models import Decision

    make_consultation(
        title_zh_hant="開放資料標準徵詢",
        title_en="Open data standards consultation",
        description_zh_hant="我們希望推動公民參與機制。",
    )
    item = forum_world["held"].agenda_items.get()
    Decision.objects.create(
        agenda_item=item, resolution_zh_hant="同意成立工作小組", resolution_en="A working group is set up", present=10
    )
    return forum_world


def test_header_search_box_on_every_page_and_feeds_advertised(client):
    for url in ["/", "/en/", "/consultations/", "/en/forums/"]:
        body = client.get(url).content.decode()
        assert 'role="search"' in body and 'name="q"' in body, url
        assert 'type="application/atom+xml"' in body and "/minutes/feed/" in body, url
        assert "/consultations/feed/" in body, url


def test_consultations_feed_in_both_languages(client, make_consultation):
    make_consultation(title_zh_hant="開放資料標準徵詢", title_en="Open data standards consultation")
    chinese = client.get("/consultations/feed/")
    assert chinese.status_code == 200 and "開放資料標準徵詢" in chinese.content.decode()
    english = client.get("/en/consultations/feed/").content.decode()
    assert "Open data standards consultation" in english and "/en/consultations/" in english


def test_two_character_word_inside_a_sentence_is_found(client, world):
    # 參與 sits inside 推動公民參與機制 (core/search.py: CJK bigrams)
    body = client.get("/search/", {"q": "參與"}).content.decode()
    assert "開放資料標準徵詢" in body


def test_english_query_finds_in_english_and_shows_english_titles(client, world):
    body = client.get("/en/search/", {"q": "standards"}).content.decode()
    assert "Open data standards consultation" in body
    assert 'lang="en"' in body


def test_result_types_and_filter(client, world):
    body = client.get("/en/search/", {"q": "工作小組"}).content.decode()
    assert 'data-kind="decisions"' in body
    body = client.get("/en/search/", {"q": "開放資料"}).content.decode()
    assert 'data-kind="consultations"' in body and 'data-kind="decisions"' in body
    filtered = client.get("/en/search/", {"q": "開放資料", "type": "decisions"}).content.decode()
    assert 'data-kind="decisions"' in filtered and 'data-kind="consultations"' not in filtered
    assert 'value="consultations"' in filtered  # the other type stays offered


def test_commitments_found_in_both_languages(client, plan):
    from commitments.models import Commitment

    commitment = Commitment.objects.get(plan=plan, number=4)
    word = commitment.title_zh_hant[:2]
    body = client.get("/search/", {"q": word}).content.decode()
    assert 'data-kind="commitments"' in body and commitment.title_zh_hant in body


def test_results_paginated_with_query_kept(client, make_consultation):
    for n in range(25):
        make_consultation(title_zh_hant=f"預算徵詢{n}", title_en=f"Budget {n}")
    first = client.get("/en/search/", {"q": "預算"}).content.decode()
    assert "25 results" in first and "page=2" in first and "q=%E9%A0%90%E7%AE%97" in first
    second = client.get("/en/search/", {"q": "預算", "page": 2})
    assert second.status_code == 200 and "Page 2 of 2" in second.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "   "},
        {"q": "x" * 5000},
        {"q": "\x00\x01"},
        {"q": "<script>alert(1)</script>"},
        {"q": "' OR 1=1 --"},
        {"q": "參", "page": "abc"},
        {"q": "參", "page": "-1"},
        {"q": "參", "page": "99999"},
        {"q": "參", "type": "nonsense"},
        {"q": "%%%"},
        {"q": "AND OR NOT ( )"},
    ],
)
def test_no_500_on_any_query_string(client, params):
    response = client.get("/en/search/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_unpublished_minutes_and_tables_are_not_found(client, staff, commitment4):
    from commitments.models import CommitmentTable

    CommitmentTable.objects.create(commitment=commitment4, live=False, problem_zh_hant="秘密草稿內容")
    body = client.get("/en/search/", {"q": "秘密草稿"}).content.decode()
    assert "0 results" in body and "search-hit" not in body
