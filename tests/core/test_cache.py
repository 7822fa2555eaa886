"""Cached fragments of public pages change as soon as the content does."""

from __future__ import annotations

import pytest

from commitments.models import Commitment

pytestmark = pytest.mark.django_db


def test_cached_home_page_runs_no_query(client, fragments_on, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        response = client.get("/")
    assert "青年政策參與" in response.content.decode()


def test_an_edit_shows_at_once(client, fragments_on):
    assert "青年政策參與" in client.get("/").content.decode()
    commitment = Commitment.objects.get(number=4)
    commitment.title_zh_hant = "青年參與公共政策"
    commitment.save()
    html = client.get("/").content.decode()
    assert "青年參與公共政策" in html and "青年政策參與" not in html


def test_languages_are_cached_apart(client, fragments_on):
    client.get("/")
    assert "Youth participation in policy" in client.get("/en/").content.decode()


def test_anonymous_pages_come_from_the_page_cache(client, page_cache_on, django_assert_num_queries):
    first = client.get("/en/plans/2020-2024/commitments/4/")
    with django_assert_num_queries(0):
        second = client.get("/en/plans/2020-2024/commitments/4/")
    assert second.content == first.content


def test_page_cache_follows_edits(client, page_cache_on):
    assert "Youth participation in policy" in client.get("/en/plans/2020-2024/commitments/4/").content.decode()
    commitment = Commitment.objects.get(number=4)
    commitment.title_en = "Young people in policy making"
    commitment.save()
    assert "Young people in policy making" in client.get("/en/plans/2020-2024/commitments/4/").content.decode()


def test_logged_in_users_never_get_the_anonymous_page(client, page_cache_on, demo_accounts):
    client.get("/")
    client.force_login(demo_accounts["ndc_editor"])
    html = client.get("/").content.decode()
    assert "wagtail-userbar" in html  # the editor's own page, with the admin user bar


def test_languages_never_mix_in_the_page_cache(client, page_cache_on):
    assert '<html lang="en">' in client.get("/en/").content.decode()
    assert '<html lang="zh-Hant-TW">' in client.get("/").content.decode()
    assert '<html lang="en">' in client.get("/en/").content.decode()


def test_minutes_list_fragment_is_cached(client, fragments_on, django_assert_max_num_queries):
    first = client.get("/en/minutes/?year=2020")
    with django_assert_max_num_queries(4):
        second = client.get("/en/minutes/?year=2020")
    assert second.content == first.content
    assert client.get("/en/minutes/").status_code == 200


def test_commitment_page_body_is_cached_and_follows_edits(client, fragments_on, django_assert_max_num_queries):
    url = "/en/plans/2020-2024/commitments/4/"
    assert "Youth participation in policy" in client.get(url).content.decode()
    with django_assert_max_num_queries(2):
        client.get(url)
    commitment = Commitment.objects.get(number=4)
    commitment.title_en = "Young people in policy making"
    commitment.save()
    html = client.get(url).content.decode()
    assert "Young people in policy making" in html and "<title>Young people in policy making" in html
    assert client.get("/en/plans/2020-2024/commitments/99/").status_code == 404


def test_a_login_renews_no_page(demo_accounts):
    from django.contrib.auth.models import update_last_login

    from core.cache import stamp

    before = stamp()
    update_last_login(None, demo_accounts["ndc_editor"])
    assert stamp() == before


def test_a_comment_renews_consultation_pages_only():
    from core.cache import bump, path_stamp

    plan_page, consultations_page = path_stamp("/en/plans/2020-2024/"), path_stamp("/consultations/1/")
    home = path_stamp("/")
    bump("comments")  # what a Comment save does (MODEL_SCOPES)
    assert path_stamp("/en/plans/2020-2024/") == plan_page
    assert path_stamp("/consultations/1/") != consultations_page
    assert path_stamp("/") != home  # unknown or mixed pages depend on everything


def test_comment_save_bumps_the_comments_scope_only():
    from consultations.models import Comment
    from core.cache import scope_of

    assert scope_of(Comment) == "comments"
    from accounts.models import User

    assert scope_of(User, update_fields=["last_login"]) is None
    assert scope_of(User) == "accounts"


def test_two_level_cache_hit_needs_no_round_trip():
    from unittest import mock

    from django.core.cache import caches

    store = caches["template_fragments"]
    store.set("ogp:test:k", "x" * 5000, 60)
    remote = caches["default"]
    with mock.patch.object(type(remote), "get", side_effect=AssertionError("remote read")):
        assert store.get("ogp:test:k") == "x" * 5000
    assert remote.get(store.make_key("ogp:test:k"))[:1] == b"z"  # compressed in the shared cache


def test_every_project_app_is_a_content_scope(monkeypatch):
    from core import cache as content

    monkeypatch.setattr(content, "_project_apps", lambda: frozenset({"core", "proposals"}))
    assert "proposals" in content.all_scopes()
    assert "proposals" in content.scopes_for_path("/proposals/1/")  # unlisted paths depend on all


def test_two_level_cache_keeps_nothing_with_a_zero_timeout():
    from django.core.cache import caches

    store = caches["template_fragments"]
    store.set("ogp:test:zero", "x", 0)
    assert store.get("ogp:test:zero") is None
