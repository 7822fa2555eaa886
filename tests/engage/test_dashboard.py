"""The admin home says what to do next, per role, scoped, translated, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from consultations import engagement
from tests.factories import CitizenFactory

from .conftest import admin_language

pytestmark = pytest.mark.django_db


def _home(client, user, language="zh-hant"):
    admin_language(user, language)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_officer_sees_new_comments_and_responses_due_with_days_left_K_7_2(
    client, staff, make_consultation, citizen, post
):
    open_one = make_consultation()
    post(open_one, citizen, "第一則")
    closed = make_consultation(opens=-30, closes=-3, title_zh_hant="已截止徵詢", title_en="Closed consultation")
    body = _home(client, staff["agency_officer"])
    assert 'id="dashboard-consultations-officer' in body or "dashboard-consultations-officer" in body
    assert "1 則新意見待讀" in body
    assert "已截止徵詢" in body and "尚餘 11 天" in body  # rule K-7.2: due 14 days after closing
    english = _home(client, staff["agency_officer"], "en")
    assert "1 new comment to read" in english
    assert "Publish the summary response to “Closed consultation”" in english and "11 days left" in english
    assert f"/admin/consultations/manage/{closed.pk}/" in english


def test_officer_of_another_agency_sees_nothing_of_moe(client, staff, make_consultation, citizen, post):
    from django.contrib.auth.models import Group

    from commitments.models import Agency, AgencyStaff
    from core.roles import ROLE_GROUPS

    post(make_consultation(), citizen)
    other = CitizenFactory(email="other.officer@example.org")
    other.groups.add(Group.objects.get(name=ROLE_GROUPS["agency_officer"]))
    AgencyStaff.objects.create(user=other, agency=Agency.objects.exclude(code="moe").first())
    body = _home(client, other, "en")
    assert "new comment to read" not in body
    assert "No new comment and no summary response due." in body


def test_officer_sees_own_table_state_and_indicators_falling_due(client, staff, commitment4, today):
    from commitments.models import Indicator
    from tests.factories import CommitmentTableFactory

    # published, then a new version returned by NDC: a draft again for its officer, still public
    yesterday = timezone.now() - dt.timedelta(days=1)
    table = CommitmentTableFactory(commitment=commitment4, live=True, last_published_at=yesterday, submitted=True)
    table.current_workflow_task_state.reject(user=staff["ndc_editor"])
    Indicator.objects.create(
        table=table,
        description_zh_hant="完成法規盤點",
        description_en="Review the regulations",
        starts_on=today - dt.timedelta(days=100),
        ends_on=today + dt.timedelta(days=5),
    )
    body = _home(client, staff["agency_officer"], "en")
    assert "dashboard-commitments-officer" in body
    assert "Finish and submit the table of Commitment 4" in body
    assert "Report progress on “Review the regulations”" in body and "5 days left" in body


def test_convener_sees_next_meeting_notice_not_sent_and_decision_and_minutes_not_written(client, staff, forum_world):
    body = _home(client, staff["convener"], "en")
    assert "Send the notice of “Third meeting”" in body and "5 days left" in body
    assert "Record the decision on “Open data item” (Second meeting)" in body
    assert "Write the minutes of “Second meeting”" in body and "7 days left" in body
    chinese = _home(client, staff["convener"])
    assert "第三次會議" in chinese and "開放資料議題" in chinese


def test_convener_of_another_forum_sees_none_of_it(client, staff, forum_world, plan):
    from django.contrib.auth.models import Group

    from commitments.models import Commitment
    from core.roles import ROLE_GROUPS
    from forum.models import Forum

    other = CitizenFactory(email="other.convener@example.org")
    other.groups.add(Group.objects.get(name=ROLE_GROUPS["convener"]))
    Forum.objects.create(commitment=Commitment.objects.get(plan=plan, number=1)).staff.add(other)
    body = _home(client, other, "en")
    assert "Third meeting" not in body and "Second meeting" not in body


def test_moderator_sees_the_queue_with_report_counts(client, staff, open_consultation, citizen, post):
    comment = post(open_consultation, citizen, "可疑的意見")
    for n in range(3):
        engagement.comment_report(comment=comment, user=CitizenFactory(email=f"r{n}@example.org"))
    body = _home(client, staff["moderator"], "en")
    assert f"Comment #{comment.pk} on “Draft consultation”" in body and "3 reports" in body
    engagement.reports_handle(comment=comment, moderator=staff["moderator"])
    assert "No reported comment is waiting." in _home(client, staff["moderator"], "en")


def test_ndc_editor_sees_approvals_translations_and_late_agencies(client, staff, commitment4, make_consultation):
    from tests.factories import CommitmentTableFactory

    CommitmentTableFactory(commitment=commitment4, submitted=True)
    make_consultation(opens=-60, closes=-40)  # response overdue
    body = _home(client, staff["ndc_editor"], "en")
    assert "Review the table of Commitment 4" in body
    assert "summary response overdue" in body
    assert "commitment tables not submitted" in body  # the 2020 deadline has passed (F-6)
    assert "dashboard-minutes-editor" in body


def test_staff_without_tasks_get_no_foreign_panels(client, staff):
    body = _home(client, staff["moderator"], "en")
    assert "dashboard-commitments-officer" not in body and "dashboard-forum-convener" not in body


@pytest.mark.parametrize("role", ["agency_officer", "convener", "moderator", "ndc_editor"])
def test_dashboard_queries_do_not_grow_with_data(client, staff, role, make_consultation, citizen, post,
                                                 django_assert_max_num_queries, forum_world):  # fmt: skip
    def load():
        admin_language(staff[role], "en")
        client.force_login(staff[role])
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured)

    load()
    first = load()
    for n in range(3):
        consultation = make_consultation(opens=-30, closes=-3 - n)
        post(make_consultation(), citizen, f"意見{n}")
        engagement.comment_report(
            comment=post(make_consultation(), citizen), user=CitizenFactory(email=f"x{n}@example.org")
        )
        assert consultation
    load()  # warms the per-process policy data the new items need (core.policy_store)
    assert load() == first
