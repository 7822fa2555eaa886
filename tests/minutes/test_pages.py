"""Public pages, feed, home slot and API of the minutes: both languages, filters, fixed queries."""

from __future__ import annotations

import datetime as dt

import pytest

from forum.models import AgendaItem, Meeting
from minutes.models import Minutes
from minutes.public import latest_minutes
from tests.factories import DecisionFactory

from .conftest import make_minutes, other_forum_meeting

pytestmark = pytest.mark.django_db


def many_minutes(forum, count: int, year: int = 2020) -> list:
    result = []
    for n in range(count):
        meeting = Meeting.objects.create(
            forum=forum, title_zh_hant=f"會議{n}", title_en=f"Meeting {n}",
            starts_at=dt.datetime(year, 1, 1, 2, 0, tzinfo=dt.UTC) + dt.timedelta(days=n),
        )  # fmt: skip
        item = AgendaItem.objects.create(meeting=meeting, position=1, title_zh_hant="議題")
        DecisionFactory(agenda_item=item, present=1, consensus=True)
        result.append(make_minutes(meeting))
    return result


def test_list_newest_first_both_languages_and_drafts_hidden(client, published, second_meeting):
    draft = make_minutes(second_meeting, publish=False)
    later = many_minutes(published.forum, 1, year=2021)[0]
    zh = client.get("/minutes/").content.decode()
    assert zh.index(f"/minutes/{later.pk}/") < zh.index(f"/minutes/{published.pk}/")
    assert f"/minutes/{draft.pk}/" not in zh
    assert "民國109年3月31日" in zh
    en = client.get("/en/minutes/").content.decode()
    assert f"/en/minutes/{published.pk}/" in en and "31 March 2020" in en
    assert client.get(f"/minutes/{draft.pk}/").status_code == 404


def test_list_lines_show_what_the_minutes_give(client, published, second_meeting):
    """A line is read as a ``.values()`` row (minutes.page.listed): the same languages status as
    ``Minutes.languages_complete`` (pending English flagged), title, date and commitment."""
    from django.utils import translation

    from minutes.page import ListedMinutes, forum_labels, listed, listed_rows

    pending = make_minutes(second_meeting, english=False)
    lines = {line.pk: line for line in listed(listed_rows(Minutes.objects.published()))}
    for minutes in (published, pending):
        line = lines[minutes.pk]
        assert line.languages_complete == minutes.languages_complete
        assert line.get_absolute_url() == minutes.get_absolute_url()
        assert (line.title_zh_hant, line.title_en) == (minutes.meeting.title_zh_hant, minutes.meeting.title_en)
        assert line.commitment_number == minutes.commitment.number and line.starts_at == minutes.meeting.starts_at
    assert "en" in lines[published.pk].languages_complete and "en" not in lines[pending.pk].languages_complete
    en = client.get("/en/minutes/").content.decode()
    assert en.count("English translation pending") == 1
    for language in ("zh-hant", "en"):
        with translation.override(language):
            line = ListedMinutes({"commitment_number": published.commitment.number})
            forum_labels([line])
            assert line.forum == str(published.forum)


def test_filters_theme_commitment_year(client, published):
    foreign_meeting = other_forum_meeting(5)
    foreign = make_minutes(foreign_meeting)
    theme = published.commitment.theme.number
    body = client.get("/minutes/", {"commitment": 4}).content.decode()
    assert f"/minutes/{published.pk}/" in body and f"/minutes/{foreign.pk}/" not in body
    body = client.get("/minutes/", {"year": 2021}).content.decode()
    assert f"/minutes/{foreign.pk}/" in body and f"/minutes/{published.pk}/" not in body
    body = client.get("/minutes/", {"theme": theme}).content.decode()
    assert f"/minutes/{published.pk}/" in body
    assert client.get("/minutes/", {"year": "nonsense", "page": "x"}).status_code == 200


def test_forum_page_and_pagination(client, forum, settings):
    settings.PAGE_SIZE = 2
    items = many_minutes(forum, 3)
    page1 = client.get(f"/minutes/forums/{forum.pk}/").content.decode()
    assert f"/minutes/{items[2].pk}/" in page1 and f"/minutes/{items[0].pk}/" not in page1
    assert 'rel="next"' in page1
    page2 = client.get(f"/minutes/forums/{forum.pk}/", {"page": 2}).content.decode()
    assert f"/minutes/{items[0].pk}/" in page2


@pytest.mark.parametrize("size", [2, 12])
def test_list_page_fixed_queries(client, forum, size, django_assert_max_num_queries):
    many_minutes(forum, size)
    client.get("/minutes/")
    with django_assert_max_num_queries(10):
        response = client.get("/minutes/")
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_api_list_fixed_queries(client, forum, size, django_assert_max_num_queries):
    many_minutes(forum, size)
    with django_assert_max_num_queries(4):
        data = client.get("/api/v1/minutes/").json()
    assert data["count"] == size


def test_detail_page_fixed_queries(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        assert client.get(f"/minutes/{published.pk}/").status_code == 200


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_detail_page_lean_read_shows_the_full_read(client, published, settings, monkeypatch, prefix):
    """The page reads only what it shows (``minutes.page``, revision ids without their content):
    it is the page the full read (``with_facts``, ``published_revisions``) renders, byte for byte."""
    from minutes import services, views

    settings.FRAGMENT_CACHE_SECONDS = 0
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    url = f"{prefix}/minutes/{published.pk}/"
    lean = client.get(url)
    monkeypatch.setattr(views, "minutes_for_page", lambda pk: Minutes.objects.published().with_facts().get(pk=pk))
    monkeypatch.setattr(services, "published_versions", services.published_revisions)
    full = client.get(url)
    assert lean.status_code == full.status_code == 200
    assert lean.content == full.content


def test_api_shape_and_only_published(client, published, second_meeting):
    draft = make_minutes(second_meeting, english=False, publish=False)
    data = client.get("/api/v1/minutes/").json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item == client.get(f"/api/v1/minutes/{published.pk}/").json()
    assert item["id"] == published.pk and item["meeting"] == published.meeting_id
    assert item["forum"] == published.forum.pk and item["commitment"] == 4
    assert item["date"] == "2020-03-31"
    assert item["published_at"].startswith(str(published.first_published_at.year))
    assert item["languages_complete"] == ["zh-hant", "en"]
    assert item["url"] == {"zh-hant": f"/minutes/{published.pk}/", "en": f"/en/minutes/{published.pk}/"}
    assert set(item["pdf"]) == {"zh-hant", "en", "bilingual"}
    assert client.get(f"/api/v1/minutes/{draft.pk}/").status_code == 404
    assert "email" not in str(data) and "phone" not in str(data)


def test_atom_feed_per_language(client, published):
    zh = client.get("/minutes/feed/")
    assert zh["Content-Type"].startswith("application/atom+xml")
    body = zh.content.decode()
    assert "第1次多方利害關係人論壇會議" in body and f"/minutes/{published.pk}/" in body
    en = client.get("/en/minutes/feed/").content.decode()
    assert "1st multi-stakeholder forum meeting" in en and f"/en/minutes/{published.pk}/" in en


def test_home_page_latest_minutes(client, rf, published, second_meeting):
    make_minutes(second_meeting, publish=False)
    assert latest_minutes() == [published]
    body = client.get("/").content.decode()
    assert f"/minutes/{published.pk}/" in body


def test_page_cache_shows_newly_published_minutes_at_once(client, settings, published, second_meeting):
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    assert "第2次多方利害關係人論壇會議" not in client.get("/minutes/").content.decode()
    draft = make_minutes(second_meeting, publish=False)
    draft.save_revision().publish()
    assert "第2次多方利害關係人論壇會議" in client.get("/minutes/").content.decode()


def test_feed_is_cached_and_renewed_by_newly_published_minutes(
    client, settings, published, second_meeting, monkeypatch, django_assert_num_queries
):
    from django.urls.resolvers import URLResolver

    settings.CACHE_MIDDLEWARE_SECONDS = 60
    settings.FRAGMENT_CACHE_SECONDS = 300
    first = client.get("/minutes/feed/")
    assert first.status_code == 200 and not first.cookies

    def no_view(*args, **kwargs):
        raise AssertionError("the feed reached the URL resolver: not answered from the page cache")

    with monkeypatch.context() as patch, django_assert_num_queries(0):
        patch.setattr(URLResolver, "resolve", no_view)
        assert client.get("/minutes/feed/").content == first.content
    draft = make_minutes(second_meeting, publish=False)
    draft.save_revision().publish()
    assert f"/minutes/{draft.pk}/" in client.get("/minutes/feed/").content.decode()
