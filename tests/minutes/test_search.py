"""Search finds a two-character Chinese word inside a sentence, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from django.db import connection

from core import search
from minutes.models import Minutes

from .conftest import make_minutes


def test_tokens_are_cjk_bigrams_and_lowercased_words():
    assert search.tokens("推動公民參與機制") == ["推動", "動公", "公民", "民參", "參與", "與機", "機制"]
    assert search.tokens("Open 參") == ["open", "參"]
    assert search.tokens("<p>公民參與</p> Civic") == ["公民", "民參", "參與", "civic"]
    assert search.query_text("參與 參與") == "參與"


def test_matches_in_python():
    assert search.matches(["推動公民參與機制"], "參與")
    assert search.matches(["推動公民參與機制", None], "公民參與")
    assert not search.matches(["推動公民參與機制"], "參加")
    assert not search.matches(["anything"], "  ")


@pytest.mark.django_db
def test_search_finds_a_chinese_word_inside_a_sentence_on_this_database(published, second_meeting):
    """Runs on SQLite by default and on PostgreSQL with DATABASE_URL (both are run before merging)."""
    make_minutes(second_meeting, publish=False)  # a draft: never found by the public
    found = list(search.search(Minutes.objects.published(), "參與"))
    assert [m.pk for m in found] == [published.pk], connection.vendor
    assert list(search.search(Minutes.objects.published(), "公民參與")) == [published]
    assert list(search.search(Minutes.objects.published(), "civic")) == [published]
    assert list(search.search(Minutes.objects.published(), "不存在的詞")) == []
    assert list(search.search(Minutes.objects.published(), "")) == []


@pytest.mark.django_db
def test_search_page_lists_minutes_and_commitments_in_both_languages(client, published):
    response = client.get("/minutes/search/", {"q": "參與"})
    assert response.status_code == 200
    body = response.content.decode()
    assert f"/minutes/{published.pk}/" in body
    assert "青年政策參與" in body  # commitment 4's title holds 參與 at its end
    response = client.get("/en/minutes/search/", {"q": "participation"})
    assert "Youth participation in policy" in response.content.decode()
    assert f"/en/minutes/{published.pk}/" in response.content.decode()
