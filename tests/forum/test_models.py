"""Model invariants and validation: F-1, F-2.1, F-2.2, F-2.4, F-3.1 at the database and in clean()."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import ModelLogEntry

from forum.models import Attendance, Decision, Member
from forum.rules import Outcome, Role, Sector
from forum.services import decision_record

pytestmark = pytest.mark.django_db


def text(error, language: str = "en") -> str:
    """The validation messages in ``language`` (they are lazy: evaluate them in that language)."""
    with translation.override(language):
        return " ".join(str(m) for m in error.value.messages)


def test_rule_F_2_2_co_convener_must_be_non_government(forum, make_member):
    make_member(forum, Sector.GOVERNMENT, Role.CONVENER)
    member = Member(
        forum=forum, name_zh_hant="甲", organisation_zh_hant="機關", sector=Sector.GOVERNMENT,
        category=1, role=Role.CO_CONVENER, joined_on=dt.date(2020, 1, 1),
    )  # fmt: skip
    with translation.override("en"), pytest.raises(ValidationError) as error:
        member.full_clean()
    assert "Only a non-government member can be co-convener" in text(error)
    with pytest.raises(IntegrityError), transaction.atomic():
        member.save()


def test_rule_F_2_2_convener_must_be_government(forum, make_member):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_member(forum, Sector.NON_GOVERNMENT, Role.CONVENER)
    member = Member(
        forum=forum, name_zh_hant="甲", organisation_zh_hant="團體", sector=Sector.NON_GOVERNMENT,
        category=2, role=Role.CONVENER, joined_on=dt.date(2020, 1, 1),
    )  # fmt: skip
    with translation.override("zh-hant"), pytest.raises(ValidationError) as error:
        member.full_clean()
    assert "召集人" in text(error, "zh-hant")


def test_rule_F_2_2_at_most_one_co_convener_and_one_convener(forum, make_member):
    make_member(forum, Sector.GOVERNMENT, Role.CONVENER)
    make_member(forum, Sector.NON_GOVERNMENT, Role.CO_CONVENER)
    second = Member(
        forum=forum, name_zh_hant="乙", organisation_zh_hant="團體", sector=Sector.NON_GOVERNMENT,
        category=2, role=Role.CO_CONVENER, joined_on=dt.date(2020, 1, 1),
    )  # fmt: skip
    with translation.override("en"), pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "at most one co-convener" in text(error)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_member(forum, Sector.GOVERNMENT, Role.CONVENER)


def test_rule_F_2_2_co_convener_designated_by_the_convener(forum):
    member = Member(
        forum=forum, name_zh_hant="乙", organisation_zh_hant="團體", sector=Sector.NON_GOVERNMENT,
        category=2, role=Role.CO_CONVENER, joined_on=dt.date(2020, 1, 1),
    )  # fmt: skip
    with translation.override("en"), pytest.raises(ValidationError) as error:
        member.full_clean()
    assert "record the forum's convener first" in text(error)


def test_membership_history_kept_member_who_leaves_is_not_current(forum, make_member):
    """Design decision (no rule ID): members leave with ``left_on`` and stay on record; the
    balance of F-2.1 counts current members only."""
    member = make_member(forum, Sector.NON_GOVERNMENT)
    member.left_on = dt.date(2020, 6, 1)
    member.save()
    assert Member.objects.filter(pk=member.pk).exists()
    assert not forum.members.current().filter(pk=member.pk).exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.filter(pk=member.pk).update(left_on=dt.date(2019, 1, 1))


def test_rule_F_2_1_unequal_roster_needs_a_reason_before_publishing(forum, make_member):
    make_member(forum, Sector.GOVERNMENT)
    make_member(forum, Sector.GOVERNMENT)
    make_member(forum, Sector.NON_GOVERNMENT)
    forum.roster_published = True
    with translation.override("en"), pytest.raises(ValidationError) as error:
        forum.full_clean()
    assert "record the reason" in text(error)
    assert not forum.roster_is_public()
    forum.imbalance_reason_zh_hant = "一席民間代表尚待補實"
    forum.full_clean()
    assert forum.roster_is_public()


def test_rule_F_2_4_allowance_only_for_non_government_members(forum, make_member, make_meeting):
    meeting = make_meeting(forum)
    government = make_member(forum, Sector.GOVERNMENT)
    civil = make_member(forum, Sector.NON_GOVERNMENT)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        Attendance(meeting=meeting, member=government, attendance_fee=True).full_clean()
    assert "only for non-government members" in text(error)
    with pytest.raises(ValidationError):
        Attendance(meeting=meeting, observer_name="Observer", travel_costs=True).full_clean()
    Attendance(meeting=meeting, member=civil, attendance_fee=True, travel_costs=True).full_clean()


def test_attendance_is_a_member_of_the_forum_or_an_observer(forum, other_forum, make_member, make_meeting):
    meeting = make_meeting(forum)
    stranger = make_member(other_forum, Sector.NON_GOVERNMENT)
    with pytest.raises(ValidationError):
        Attendance(meeting=meeting, member=stranger).full_clean()
    with pytest.raises(ValidationError):
        Attendance(meeting=meeting).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting)
    member = make_member(forum, Sector.GOVERNMENT)
    Attendance.objects.create(meeting=meeting, member=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting, member=member)


def _present(meeting, members):
    for member in members:
        Attendance.objects.create(meeting=meeting, member=member)
    Attendance.objects.create(meeting=meeting, observer_name="觀察員")


def test_rule_F_3_1_outcome_computed_by_the_service_never_typed(forum, balanced, make_meeting, users):
    meeting = make_meeting(forum, items=2)
    _present(meeting, balanced)
    first, second = meeting.agenda_items.all()
    decision = Decision(agenda_item=first, consensus=False, present=6, agreed_to_vote=4, in_favour=3)
    decision = decision_record(decision=decision, user=users["convener"])
    assert decision.outcome == Outcome.ADOPTED
    decision.in_favour = 2
    decision_record(decision=decision, user=users["convener"])
    assert Decision.objects.get(pk=decision.pk).outcome == Outcome.NOT_ADOPTED
    no_vote = decision_record(
        decision=Decision(agenda_item=second, consensus=False, present=6, agreed_to_vote=3), user=None
    )
    assert no_vote.outcome == Outcome.NO_VOTE
    assert "outcome" not in [f.name for f in Decision._meta.get_fields() if getattr(f, "editable", False)]
    # each recording has its own audit entry, with the counts and the outcome
    entries = ModelLogEntry.objects.filter(action="forum.decision.record", object_id=str(decision.pk))
    assert [e.data["outcome"] for e in entries.order_by("timestamp", "pk")] == [Outcome.ADOPTED, Outcome.NOT_ADOPTED]
    assert entries.first().user_id == users["convener"].pk


def test_rule_F_3_1_service_refuses_impossible_counts_nothing_saved(forum, balanced, make_meeting):
    meeting = make_meeting(forum)
    _present(meeting, balanced)
    item = meeting.agenda_items.get()
    with pytest.raises(ValidationError):
        decision_record(decision=Decision(agenda_item=item, consensus=False, present=6, agreed_to_vote=7), user=None)
    with pytest.raises(ValidationError):  # 7 > the 6 members recorded present (observers never count)
        decision_record(decision=Decision(agenda_item=item, consensus=True, present=7), user=None)
    assert not Decision.objects.exists()
    assert not ModelLogEntry.objects.filter(action="forum.decision.record").exists()


def test_rule_F_3_1_observers_never_count_toward_present(forum, balanced, make_meeting):
    meeting = make_meeting(forum)
    _present(meeting, balanced)
    assert meeting.counted_attendance() == 6
    decision = Decision(agenda_item=meeting.agenda_items.get(), consensus=True, present=7)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        decision.full_clean()
    assert "Only 6 members are recorded present" in text(error)


def test_rule_F_3_1_tally_validated_against_attendance(forum, balanced, make_meeting):
    meeting = make_meeting(forum)
    _present(meeting, balanced)
    item = meeting.agenda_items.get()
    too_many = Decision(
        agenda_item=item, consensus=False, present=6, agreed_to_vote=4, in_favour=3, against=3, abstain=1
    )
    with translation.override("zh-hant"), pytest.raises(ValidationError) as error:
        too_many.full_clean()
    assert "in_favour" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.bulk_create([too_many])
    consensus_with_votes = Decision(agenda_item=item, consensus=True, present=6, in_favour=1)
    with pytest.raises(ValidationError):
        consensus_with_votes.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.bulk_create(
            [Decision(agenda_item=item, consensus=True, present=6, in_favour=1, outcome="consensus")]
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(agenda_item=item, consensus=False, present=6, agreed_to_vote=7, outcome="no_vote")


def test_meeting_fingerprint_changes_with_the_meeting(forum, make_meeting):
    meeting = make_meeting(forum)
    before = meeting.notice_fingerprint()
    meeting.starts_at += dt.timedelta(days=1)
    meeting.save()
    assert meeting.notice_fingerprint() != before
    again = meeting.notice_fingerprint()
    item = meeting.agenda_items.get()
    item.title_zh_hant = "新議題"
    item.save()
    assert meeting.notice_fingerprint() != again


def test_rule_F_1_one_forum_per_commitment_convened_by_its_lead_agency(client, forum, make_forum, make_member):
    """F-1: each commitment has its own forum (a second one is refused by the database), its
    convener is a government member (the lead agency's), and it co-creates with civil society:
    a roster without civil society cannot be published without a recorded reason."""
    with pytest.raises(IntegrityError), transaction.atomic():
        make_forum(4)
    assert make_forum(5).commitment.number == 5  # another commitment gets its own forum
    with pytest.raises(IntegrityError), transaction.atomic():
        make_member(forum, Sector.NON_GOVERNMENT, Role.CONVENER)
    make_member(forum, Sector.GOVERNMENT, Role.CONVENER)
    forum.roster_published = True
    with pytest.raises(ValidationError):
        forum.full_clean()  # government members only: no civil society yet
    make_member(forum, Sector.NON_GOVERNMENT)
    forum.full_clean()
    forum.save()
    page = client.get(forum.get_absolute_url()).content.decode()
    assert forum.commitment.lead_agency.label in page  # the public page names the convening agency
