"""The proposal lifecycle through the services (K-6, T-9, K-8, T-11, W-5)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from proposals import rules, services
from proposals import seconding as sec
from proposals.models import Confirmation, Proposal, Status
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def test_rule_K_6_1_5_and_K_6_2_1_submit_starts_review_due_in_working_days(submit):
    proposal = submit(on=dt.date(2025, 1, 24))
    assert proposal.status == Status.IN_REVIEW
    assert proposal.review_due_on == dt.date(2025, 2, 7)  # across Lunar New Year 2025
    assert proposal.events.get().kind == "submitted"
    assert ModelLogEntry.objects.filter(action="proposals.submitted").exists()


def test_rule_T_9_2_1_taichung_reviews_in_3_working_days(submit):
    assert submit(profile="taichung", on=dt.date(2025, 1, 23)).review_due_on == dt.date(2025, 2, 4)


def test_rule_K_6_2_1_review_overdue_flag(submit, today):
    proposal = submit(on=today - dt.timedelta(days=30))
    assert proposal.review_overdue


def test_rule_K_6_1_3_empty_and_oversized_fields_refused_nothing_saved(submit):
    with pytest.raises(ValidationError) as error:
        submit(title=" ", content="")
    assert "title" in error.value.message_dict and "content" in error.value.message_dict
    with pytest.raises(ValidationError):
        submit(title="長" * (rules.TITLE_MAX + 1))
    assert not Proposal.objects.exists()


def test_rule_K_6_1_2_unverified_and_disposable_refused(submit):
    with pytest.raises(ValidationError):
        submit(author=CitizenFactory(email="u@example.org", verified=False))
    with pytest.raises(ValidationError, match="disposable|拋棄"):
        submit(author=CitizenFactory(email="x@mailinator.com"))
    assert not Proposal.objects.exists()


def test_rule_K_6_1_4_not_sure_agency_is_chosen_at_review(submit, staff, moe):
    proposal = submit(agency=None)
    with pytest.raises(ValidationError):
        services.proposal_review_pass(proposal=proposal, user=staff["ndc_editor"])
    proposal = services.proposal_review_pass(proposal=proposal, user=staff["ndc_editor"], agency=moe)
    assert proposal.agency == moe


def test_rule_K_6_2_4_seconding_opens_next_day_and_K_6_3_2_ends_after_45_days(submit, staff):
    proposal = submit(on=dt.date(2026, 1, 10))
    proposal = services.proposal_review_pass(proposal=proposal, user=staff["ndc_editor"], today=dt.date(2026, 1, 15))
    assert proposal.seconding_opens_on == dt.date(2026, 1, 16)
    assert proposal.seconding_closes_on == dt.date(2026, 3, 1)
    assert proposal.threshold == 1500


def test_rule_T_9_3_2_taichung_one_month_200(submit, staff):
    proposal = submit(profile="taichung", on=dt.date(2026, 1, 10))
    proposal = services.proposal_review_pass(proposal=proposal, user=staff["ndc_editor"], today=dt.date(2026, 1, 15))
    assert proposal.seconding_closes_on == dt.date(2026, 2, 15)  # rule T-2.4 example
    assert proposal.threshold == 200


def test_rule_K_6_2_2_not_accepted_on_a_coded_ground_hidden_reasons_public(submit, staff):
    proposal = submit()
    with pytest.raises(ValidationError):
        services.proposal_reject(proposal=proposal, user=staff["ndc_editor"], ground="nope", reasons_zh_hant="x")
    with pytest.raises(ValidationError):
        services.proposal_reject(proposal=proposal, user=staff["ndc_editor"], ground="commercial", reasons_zh_hant="")
    proposal = services.proposal_reject(
        proposal=proposal, user=staff["ndc_editor"], ground="commercial", reasons_zh_hant="含商業廣告。"
    )
    assert proposal.is_hidden and proposal.ground == "commercial"
    assert any("Proposal" in m.subject or "提案" in m.subject or "“" in m.subject for m in mail.outbox)


def test_rule_T_7_taichung_grounds(submit, staff):
    proposal = submit(profile="taichung")
    with pytest.raises(ValidationError):  # a K-6.2.2 ground T-7 does not have
        services.proposal_reject(proposal=proposal, user=staff["ndc_editor"], ground="commercial", reasons_zh_hant="x")
    services.proposal_reject(
        proposal=proposal, user=staff["ndc_editor"], ground="liability_or_pending_case", reasons_zh_hant="訴訟中"
    )


def test_rule_T_9_2_3_returned_then_resubmitted(submit, staff, citizen):
    proposal = submit()
    services.proposal_return(proposal=proposal, user=staff["ndc_editor"], reasons_zh_hant="請說明預算來源。")
    proposal = services.proposal_resubmit(
        proposal=proposal, user=citizen, title="推動校園午餐在地食材（修正）", content="補充預算。", benefits="同上"
    )
    assert proposal.status == Status.IN_REVIEW
    assert [e.kind for e in proposal.events.all()] == ["submitted", "returned", "resubmitted"]


def test_rule_K_6_2_3_duplicate_linked(submit, seconding_proposal, staff):
    original = seconding_proposal()
    copy = submit(title="校園午餐用在地食材")
    with pytest.raises(ValidationError):
        services.proposal_mark_duplicate(
            proposal=copy, user=staff["ndc_editor"], duplicate_of=copy, reasons_zh_hant="x"
        )
    copy = services.proposal_mark_duplicate(
        proposal=copy, user=staff["ndc_editor"], duplicate_of=original, reasons_zh_hant="與前案相同"
    )
    assert copy.status == Status.DUPLICATE and copy.duplicate_of == original


def test_rule_K_6_2_3_duplicate_page_links_the_original_in_both_languages(client, submit, seconding_proposal, staff):
    original = seconding_proposal()
    copy = services.proposal_mark_duplicate(
        proposal=submit(title="校園午餐用在地食材"),
        user=staff["ndc_editor"],
        duplicate_of=original,
        reasons_zh_hant="與前案相同",
    )
    for prefix, words in (("", f"見提案 {original.pk}"), ("/en", f"see proposal {original.pk}")):
        body = client.get(f"{prefix}/proposals/{copy.pk}/").content.decode()
        assert f'href="{prefix}/proposals/{original.pk}/"' in body and words in body


def test_rule_K_6_2_6_agency_confirms_or_silence_confirms(seconding_proposal, staff, today):
    proposal = seconding_proposal()
    assert proposal.confirmation == Confirmation.PENDING
    assert not services.proposal_confirm_by_silence(proposal=proposal, today=today)
    assert services.proposal_confirm_by_silence(proposal=proposal, today=today + dt.timedelta(days=30))
    proposal.refresh_from_db()
    assert proposal.confirmation == Confirmation.BY_SILENCE
    other = seconding_proposal()
    services.proposal_agency_confirm(proposal=other, user=staff["agency_officer"])
    with pytest.raises(ValidationError):
        services.proposal_agency_confirm(proposal=other, user=staff["agency_officer"])


def test_rule_K_6_2_6_decline_needs_reasons_then_reassigned_with_co_agencies(seconding_proposal, staff):
    from commitments.models import Agency

    proposal = seconding_proposal()
    with pytest.raises(ValidationError):
        services.proposal_agency_decline(proposal=proposal, user=staff["agency_officer"], reasons=" ")
    services.proposal_agency_decline(proposal=proposal, user=staff["agency_officer"], reasons="非本部權責")
    ndc, moa = Agency.objects.get(code="ndc"), Agency.objects.exclude(code__in=["ndc", "moe"]).first()
    proposal = services.proposal_assign_agency(
        proposal=proposal, user=staff["ndc_editor"], agency=ndc, co_agencies=[moa]
    )
    assert proposal.confirmation == Confirmation.PENDING and list(proposal.co_agencies.all()) == [moa]


def test_rule_K_6_3_3_second_counts_once_and_qualifies(seconding_proposal, citizens, set_threshold, today):
    set_threshold("kaohsiung", 3)
    proposal = seconding_proposal()
    for user in citizens[:2]:
        sec.proposal_second(proposal=proposal, user=user, opinion="支持")
    with pytest.raises(ValidationError, match="already|已"):
        sec.proposal_second(proposal=proposal, user=citizens[0])
    assert sec.seconds_count(proposal.pk) == 2
    sec.proposal_second(proposal=proposal, user=citizens[2])
    proposal.refresh_from_db()
    assert proposal.status == Status.QUALIFIED and proposal.qualified_on == today
    with pytest.raises(ValidationError):  # closed: qualified
        sec.proposal_second(proposal=proposal, user=citizens[3])
    assert sec.seconds_count(proposal.pk) == 3


def test_canonical_email_blocks_a_second_account_for_the_same_mailbox(seconding_proposal):
    proposal = seconding_proposal()
    sec.proposal_second(proposal=proposal, user=CitizenFactory(email="jane.doe@gmail.com"))
    with pytest.raises(ValidationError):
        sec.proposal_second(proposal=proposal, user=CitizenFactory(email="janedoe+again@googlemail.com"))
    assert sec.seconds_count(proposal.pk) == 1


def test_rule_T_9_3_4_email_code_confirms_the_second(seconding_proposal, citizens):
    proposal = seconding_proposal(profile="taichung")
    second = sec.proposal_second(proposal=proposal, user=citizens[0])
    assert not second.confirmed and sec.seconds_count(proposal.pk) == 0
    code = re.search(r"\d{6}", mail.outbox[-1].subject).group()
    with pytest.raises(ValidationError):
        sec.second_confirm(second=second, user=citizens[0], code="000000" if code != "000000" else "111111")
    sec.second_confirm(second=second, user=citizens[0], code=code)
    assert sec.seconds_count(proposal.pk) == 1


def test_rule_T_9_3_4_codes_expire_and_resends_are_limited(seconding_proposal, citizens):
    from django.utils import timezone

    proposal = seconding_proposal(profile="taichung")
    second = sec.proposal_second(proposal=proposal, user=citizens[0])
    code = re.search(r"\d{6}", mail.outbox[-1].subject).group()
    type(second).objects.filter(pk=second.pk).update(code_expires_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError, match="expired|過期"):
        sec.second_confirm(second=second, user=citizens[0], code=code)
    for _n in range(rules.CODE_MAX_SENDS - 1):
        sec.second_resend_code(second=second, user=citizens[0])
    with pytest.raises(ValidationError):
        sec.second_resend_code(second=second, user=citizens[0])


def test_rule_K_6_3_2_seconding_outside_the_window_refused(seconding_proposal, citizens, today):
    proposal = seconding_proposal()
    with pytest.raises(ValidationError):
        sec.proposal_second(proposal=proposal, user=citizens[0], today=today - dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        sec.proposal_second(proposal=proposal, user=citizens[0], today=today + dt.timedelta(days=60))
    assert not proposal.seconds.exists()


def test_rule_K_6_2_5_withdraw_before_qualifying_then_seconding_refused(seconding_proposal, citizen, citizens):
    proposal = seconding_proposal()
    services.proposal_withdraw(proposal=proposal, user=citizen)
    with pytest.raises(ValidationError, match="withdrawn|撤回"):
        sec.proposal_second(proposal=proposal, user=citizens[0])


def test_rule_T_9_2_4_taichung_withdraw_only_until_review_passes(seconding_proposal, citizen):
    proposal = seconding_proposal(profile="taichung")
    with pytest.raises(ValidationError, match="T-9.2.4"):
        services.proposal_withdraw(proposal=proposal, user=citizen)


def test_rule_K_6_2_5_no_withdrawal_after_qualifying(seconding_proposal, citizen, citizens, set_threshold):
    set_threshold("kaohsiung", 1)
    proposal = seconding_proposal()
    sec.proposal_second(proposal=proposal, user=citizens[0])
    with pytest.raises(ValidationError, match="K-6.2.5"):
        services.proposal_withdraw(proposal=proposal, user=citizen)


def test_rule_K_8_blackout_refuses_proposing_and_seconding_and_extends_the_window(
    seconding_proposal, submit, citizens, today
):
    from core.models import VotingDay

    proposal = seconding_proposal()
    closes = proposal.seconding_closes_on
    vote = VotingDay(day=today + dt.timedelta(days=10))
    vote.name_zh_hant, vote.name_en = "公民投票", "Referendum"
    vote.save()
    with pytest.raises(ValidationError, match="公民投票"):
        sec.proposal_second(proposal=proposal, user=citizens[0])
    with pytest.raises(ValidationError, match="公民投票"):
        submit()
    proposal.refresh_from_db()
    # Suspended from the window's first day through the vote: 11 days added (K-8).
    assert proposal.seconding_closes_on == closes + dt.timedelta(days=11)


def test_rule_K_6_3_5_notify_then_K_6_4_4_response_due_and_one_extension(
    seconding_proposal, citizens, set_threshold, staff
):
    set_threshold("kaohsiung", 1)
    proposal = seconding_proposal()
    sec.proposal_second(proposal=proposal, user=citizens[0])
    proposal = services.proposal_notify(proposal=proposal, user=staff["ndc_editor"], today=dt.date(2026, 1, 15))
    assert proposal.response_due_on == dt.date(2026, 3, 15)  # two months from 2026-01-16 (T-2.4)
    with pytest.raises(ValidationError):
        services.proposal_extend(
            proposal=proposal,
            user=staff["agency_officer"],
            extended_to=dt.date(2026, 4, 16),
            reason_zh_hant="需跨局處研議",
        )
    with pytest.raises(ValidationError):
        services.proposal_extend(
            proposal=proposal, user=staff["agency_officer"], extended_to=dt.date(2026, 4, 15), reason_zh_hant=""
        )
    proposal = services.proposal_extend(
        proposal=proposal, user=staff["agency_officer"], extended_to=dt.date(2026, 4, 15), reason_zh_hant="需跨局處研議"
    )
    with pytest.raises(ValidationError, match="once|一次"):
        services.proposal_extend(
            proposal=proposal, user=staff["agency_officer"], extended_to=dt.date(2026, 4, 15), reason_zh_hant="再延"
        )


def test_rule_K_6_4_3_respond_with_adoption_and_T_11_commendation_with_consent(
    seconding_proposal, citizens, set_threshold, staff
):
    set_threshold("kaohsiung", 1)
    proposal = seconding_proposal(commendation_consent=True)
    sec.proposal_second(proposal=proposal, user=citizens[0], notify=True)
    with pytest.raises(ValidationError):  # not notified yet
        services.proposal_respond(
            proposal=proposal, user=staff["agency_officer"], adoption="adopted", response_zh_hant="採納"
        )
    services.proposal_notify(proposal=proposal, user=staff["ndc_editor"])
    mail.outbox.clear()
    proposal = services.proposal_respond(
        proposal=proposal, user=staff["agency_officer"], adoption="under_study", response_zh_hant="研議中"
    )
    assert proposal.status == Status.RESPONDED
    assert citizens[0].email in {m.to[0] for m in mail.outbox}  # the opt-in seconder
    proposal = services.proposal_respond(
        proposal=proposal, user=staff["agency_officer"], adoption="adopted", response_zh_hant="採納，明年實施"
    )
    services.proposal_commend(proposal=proposal, user=staff["ndc_editor"], note="優良提案")


def test_rule_T_11_no_commendation_without_consent(seconding_proposal, citizens, set_threshold, staff):
    set_threshold("kaohsiung", 1)
    proposal = seconding_proposal()
    sec.proposal_second(proposal=proposal, user=citizens[0])
    services.proposal_notify(proposal=proposal, user=staff["ndc_editor"])
    services.proposal_respond(
        proposal=proposal, user=staff["agency_officer"], adoption="adopted", response_zh_hant="採納"
    )
    with pytest.raises(ValidationError):
        services.proposal_commend(proposal=proposal, user=staff["ndc_editor"])


def test_rule_K_6_4_5_similar_qualified_handled_together_each_answered(
    seconding_proposal, citizens, set_threshold, staff
):
    set_threshold("kaohsiung", 1)
    first, second = seconding_proposal(), seconding_proposal(title="校園午餐在地化")
    for item in (first, second):
        sec.proposal_second(proposal=item, user=citizens[0])
    services.proposals_handle_together(proposals=[first, second], user=staff["ndc_editor"])
    second.refresh_from_db()
    assert second.handled_with_id == first.pk
    assert second.status == Status.QUALIFIED  # still answered on its own


def test_fraudulent_seconds_invalidated_in_bulk_count_public(seconding_proposal, citizens, staff):
    proposal = seconding_proposal()
    ids = [sec.proposal_second(proposal=proposal, user=u).pk for u in citizens[:3]]
    invalidation = sec.seconds_invalidate(
        proposal=proposal, user=staff["ndc_editor"], second_ids=ids[:2], reason="同一來源大量註冊"
    )
    assert invalidation.count == 2 and sec.seconds_count(proposal.pk) == 1
    proposal.refresh_from_db()
    assert proposal.invalidated_seconds == 2


def test_apply_clocks_expires_and_confirms_by_silence(seconding_proposal, today):
    proposal = seconding_proposal()
    counts = services.apply_clocks(today=today + dt.timedelta(days=90))
    proposal.refresh_from_db()
    assert proposal.status == Status.EXPIRED and counts["expired"] == 1
    assert proposal.confirmation == Confirmation.BY_SILENCE
