"""The agency's response to a qualified proposal: Taichung's numbers and states (T-9.4.3, T-9.4.4),
the meeting the agency may hold while drafting (K-6.4.1) and comments while seconding (K-6.3.4)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from proposals import rules, services
from proposals import seconding as sec
from proposals.models import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def notified_taichung(seconding_proposal, citizens, set_threshold, staff):
    """A Taichung proposal qualified by one emailed-code second, notified on 2026-01-15."""
    set_threshold("taichung", 1)
    proposal = seconding_proposal(profile="taichung")
    second = sec.proposal_second(proposal=proposal, user=citizens[0])
    code = re.search(r"\d{6}", mail.outbox[-1].subject).group()
    sec.second_confirm(second=second, user=citizens[0], code=code)
    proposal.refresh_from_db()
    return services.proposal_notify(proposal=proposal, user=staff["ndc_editor"], today=dt.date(2026, 1, 15))


def test_rule_T_9_4_4_taichung_answers_in_two_months_and_extends_once_by_one_month_with_reasons(
    client, notified_taichung, staff
):
    proposal = notified_taichung
    assert proposal.response_due_on == dt.date(2026, 3, 15)  # 2 months from 2026-01-16 (T-2.4)
    with pytest.raises(ValidationError, match="T-9.4.4"):  # more than one month
        services.proposal_extend(
            proposal=proposal, user=staff["agency_officer"], extended_to=dt.date(2026, 4, 16), reason_zh_hant="研議"
        )
    with pytest.raises(ValidationError):  # no reason
        services.proposal_extend(
            proposal=proposal, user=staff["agency_officer"], extended_to=dt.date(2026, 4, 15), reason_zh_hant=""
        )
    proposal = services.proposal_extend(
        proposal=proposal,
        user=staff["agency_officer"],
        extended_to=dt.date(2026, 4, 15),
        reason_zh_hant="需跨局處研議預算",
        reason_en="Needs a budget review across bureaus",
    )
    with pytest.raises(ValidationError):  # only once
        services.proposal_extend(
            proposal=proposal, user=staff["agency_officer"], extended_to=dt.date(2026, 4, 14), reason_zh_hant="再延"
        )
    assert "需跨局處研議預算" in client.get(f"/proposals/{proposal.pk}/").content.decode()  # reason published


def test_rule_T_9_4_3_taichung_states_adopted_partly_or_not_with_published_reasons(client, notified_taichung, staff):
    proposal = notified_taichung
    assert rules.adoptions_allowed(proposal.policy) == ("adopted", "partly_adopted", "not_adopted")
    with pytest.raises(ValidationError, match="T-9.4.3"):
        services.proposal_respond(
            proposal=proposal, user=staff["agency_officer"], adoption="under_study", response_zh_hant="研議中"
        )
    with pytest.raises(ValidationError):  # reasons are required
        services.proposal_respond(
            proposal=proposal, user=staff["agency_officer"], adoption="not_adopted", response_zh_hant="  "
        )
    proposal = services.proposal_respond(
        proposal=proposal,
        user=staff["agency_officer"],
        adoption="partly_adopted",
        response_zh_hant="部分採納：本學期先試辦十校。",
    )
    assert proposal.status == Status.RESPONDED
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "部分採納：本學期先試辦十校。" in page


def test_rule_K_6_4_3_kaohsiung_may_answer_under_study_first(seconding_proposal):
    proposal = seconding_proposal()
    assert rules.adoptions_allowed(proposal.policy)[0] == "under_study"
    assert rules.adoption_errors("under_study", "研議中", proposal.policy) == []


def test_rule_K_6_3_4_comments_open_while_seconding_and_the_agency_follows_progress(
    client, seconding_proposal, citizens, staff
):
    proposal = seconding_proposal()
    sec.proposal_second(proposal=proposal, user=citizens[0], opinion="午餐用在地食材，支持！")
    sec.proposal_second(proposal=proposal, user=citizens[1])
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "午餐用在地食材，支持！" in page  # the comment is public while seconding
    assert citizens[0].email not in page and citizens[0].nickname not in page  # no seconder identity
    client.force_login(staff["agency_officer"])  # the lead agency's officer
    queue = client.get("/admin/proposals/").content.decode()
    assert f"#{proposal.pk}" in queue and "2 / 1500" in queue


def test_rule_K_6_4_1_agency_records_a_meeting_while_drafting_its_response(
    client, seconding_proposal, citizens, set_threshold, staff, today
):
    set_threshold("kaohsiung", 1)
    proposal = seconding_proposal()
    sec.proposal_second(proposal=proposal, user=citizens[0])
    with pytest.raises(ValidationError):  # not notified yet: nothing to draft
        services.proposal_meeting_record(
            proposal=proposal, user=staff["agency_officer"], held_on=today, participants="提案人", summary_zh_hant="x"
        )
    services.proposal_notify(proposal=proposal, user=staff["ndc_editor"], today=today)
    with pytest.raises(ValidationError):  # a meeting in the future cannot be recorded
        services.proposal_meeting_record(
            proposal=proposal,
            user=staff["agency_officer"],
            held_on=today + dt.timedelta(days=3),
            participants="提案人",
            summary_zh_hant="x",
        )
    client.force_login(staff["agency_officer"])
    response = client.post(
        f"/admin/proposals/{proposal.pk}/",
        {
            "action": "meeting",
            "held_on": today.isoformat(),
            "participants": "提案人、教育局、附議人代表",
            "summary_zh_hant": "同意先行試辦十校。",
        },
    )
    assert response.status_code == 302
    assert client.post(f"/admin/proposals/{proposal.pk}/", {"action": "meeting"}).status_code == 200  # errors shown
    page = client.get(f"/en/proposals/{proposal.pk}/").content.decode()
    assert "提案人、教育局、附議人代表" in page and "同意先行試辦十校。" in page
    assert "The agency met proposer" in page
    services.proposal_respond(
        proposal=proposal, user=staff["agency_officer"], adoption="adopted", response_zh_hant="採納，先試辦十校。"
    )
