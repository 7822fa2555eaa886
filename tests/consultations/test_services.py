"""Services: posting (F-4.2), moderation (K-6.2.2, T-7), extension and response (K-7.2, T-10.2), suggestions (F-4.3)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from commitments.models import Agency
from consultations import notifications, services
from consultations.models import AgencyNotificationSetting, Comment, Suggestion

pytestmark = pytest.mark.django_db


def test_rule_F_4_2_new_comment_reaches_the_lead_agency_at_once(
    open_consultation, citizen, staff, post, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment, created = post(open_consultation, citizen, "請公開會議紀錄")
    assert created
    assert comment.inbox_status == Comment.InboxStatus.NEW
    assert open_consultation.agency.code == "moe"  # the commitment's lead agency
    officer = staff["agency_officer"]
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert "請公開會議紀錄" in mail.outbox[0].body


def test_finding_10_newline_in_a_consultation_title_still_reaches_the_officers(
    make_consultation, citizen, staff, post, django_capture_on_commit_callbacks
):
    """The officers' email is sent (not silently dropped), with a one-line subject, before the
    comment is marked as emailed."""
    from core.models import OutgoingEmail

    consultation = make_consultation(title_zh_hant="草案\n徵詢", title_en="Draft\r\nconsultation")
    with django_capture_on_commit_callbacks(execute=True):
        comment, _ = post(consultation, citizen, "請公開會議紀錄")
    officer = staff["agency_officer"]
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert "草案 徵詢" in mail.outbox[0].subject and "\n" not in mail.outbox[0].subject
    assert list(OutgoingEmail.objects.values_list("status", flat=True)) == [OutgoingEmail.Status.SENT]
    comment.refresh_from_db()
    assert comment.emailed_at is not None


def test_rule_F_4_2_digest_agency_gets_one_email_later(
    open_consultation, citizen, staff, post, django_capture_on_commit_callbacks
):
    AgencyNotificationSetting.objects.create(agency=open_consultation.agency, mode="digest")
    with django_capture_on_commit_callbacks(execute=True):
        post(open_consultation, citizen, "一")
        post(open_consultation, citizen, "二")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):  # emails leave through the task queue
        assert notifications.send_digests() == 1
    assert len(mail.outbox) == 1 and "一" in mail.outbox[0].body and "二" in mail.outbox[0].body
    assert notifications.send_digests() == 0  # nothing new


def test_same_token_gives_one_comment(open_consultation, citizen, post):
    token = uuid.uuid4()
    first, created = post(open_consultation, citizen, token=token)
    again, created_again = post(open_consultation, citizen, token=token)
    assert created and not created_again and first.pk == again.pk
    assert Comment.objects.count() == 1


def test_same_token_gives_its_comment_back_even_once_closed(open_consultation, citizen, post):
    """No look-up before the INSERT: the unique (author, token) refuses the copy; a retry that
    arrives after the closing still gets the comment it posted, a new token is refused."""
    token = uuid.uuid4()
    first, _created = post(open_consultation, citizen, token=token)
    again, created_again = post(
        open_consultation, citizen, token=token, today=open_consultation.closes_on + dt.timedelta(days=1)
    )
    assert not created_again and again.pk == first.pk
    with pytest.raises(ValidationError):
        post(open_consultation, citizen, today=open_consultation.closes_on + dt.timedelta(days=1))
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("opens,closes", [(1, 20), (-30, -1)])
def test_comments_only_while_open(make_consultation, citizen, post, opens, closes):
    with pytest.raises(ValidationError):
        post(make_consultation(opens=opens, closes=closes), citizen)
    assert Comment.objects.count() == 0


def test_replies_are_one_level_deep(open_consultation, citizen, post):
    parent, _ = post(open_consultation, citizen)
    reply, _ = post(open_consultation, citizen, parent=parent)
    with pytest.raises(ValidationError):
        post(open_consultation, citizen, parent=reply)


def test_reply_must_be_in_the_same_consultation(make_consultation, citizen, post):
    one, two = make_consultation(), make_consultation()
    parent, _ = post(one, citizen)
    with pytest.raises(ValidationError):
        post(two, citizen, parent=parent)


def test_rule_K_6_2_2_hide_keeps_the_comment_logs_and_emails(
    open_consultation, citizen, staff, post, django_capture_on_commit_callbacks
):
    comment, _ = post(open_consultation, citizen, "廣告")
    mail.outbox.clear()
    moderator = staff["moderator"]
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_hide(comment=comment, moderator=moderator, ground="commercial", note="商業廣告")
    comment.refresh_from_db()
    assert comment.is_hidden and comment.text == "廣告"  # kept, never deleted
    entry = ModelLogEntry.objects.get(action="consultations.comment_hide")
    assert entry.user_id == moderator.pk and entry.data["ground"] == "commercial"
    assert mail.outbox[0].to == [citizen.email] and "商業廣告" in mail.outbox[0].body
    services.comment_restore(comment=comment, moderator=moderator, note="誤判")
    assert ModelLogEntry.objects.filter(action="consultations.comment_restore").exists()


def test_rule_T_7_grounds_follow_the_profile(make_consultation, citizen, staff, post):
    t10 = make_consultation(profile="taichung", closes=30)
    comment, _ = post(t10, citizen)
    with pytest.raises(ValidationError):  # a K-6.2.2 ground that T-7 does not have
        services.comment_hide(comment=comment, moderator=staff["moderator"], ground="commercial", note="")
    services.comment_hide(comment=comment, moderator=staff["moderator"], ground="outside_scope", note="")


def test_hidden_comment_needs_a_ground_in_the_database(open_consultation, citizen, post):
    from django.db import IntegrityError, transaction

    comment, _ = post(open_consultation, citizen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(visibility="hidden", hidden_ground="")


def test_rule_K_7_2_response_cites_comments_after_close(make_consultation, citizen, staff, post, today):
    item = make_consultation(opens=-5, closes=20)
    comment, _ = post(item, citizen)
    with pytest.raises(ValidationError):
        services.response_publish(
            consultation=item, text_zh_hant="回應", text_en="", cited=[], user=staff["agency_officer"]
        )
    item.opens_on, item.closes_on = today - dt.timedelta(days=30), today - dt.timedelta(days=1)
    item.save()
    response = services.response_publish(
        consultation=item, text_zh_hant="回應", text_en="Response", cited=[comment.pk], user=staff["agency_officer"]
    )
    assert list(response.cited_comments.all()) == [comment]
    item.refresh_from_db()
    assert item.status == "responded"
    comment.refresh_from_db()
    assert comment.inbox_status == "answered"
    assert ModelLogEntry.objects.filter(action="consultations.respond").exists()


def test_response_cannot_cite_another_consultations_comment(make_consultation, citizen, staff, post):
    other = make_consultation()
    foreign, _ = post(other, citizen)
    closed = make_consultation(opens=-30, closes=-1)
    with pytest.raises(ValidationError):
        services.response_publish(
            consultation=closed, text_zh_hant="回應", text_en="", cited=[foreign.pk], user=staff["ndc_editor"]
        )


def test_rule_K_7_2_one_extension_with_public_reason(make_consultation, staff, today):
    item = make_consultation(opens=-30, closes=-1)
    due = item.response_due_on
    services.consultation_extend(
        consultation=item,
        extended_to=due + dt.timedelta(days=14),
        reason_zh_hant="需跨機關協調",
        reason_en="",
        user=staff["agency_officer"],
    )
    item.refresh_from_db()
    assert item.extended_to == due + dt.timedelta(days=14) and item.extension_reason_zh_hant == "需跨機關協調"
    with pytest.raises(ValidationError):
        services.consultation_extend(
            consultation=item,
            extended_to=due + dt.timedelta(days=10),
            reason_zh_hant="再延",
            reason_en="",
            user=staff["agency_officer"],
        )


def test_rule_T_10_2_extension_over_14_days_refused(make_consultation, staff):
    item = make_consultation(opens=-30, closes=-1, profile="taichung")
    with pytest.raises(ValidationError) as error:
        services.consultation_extend(
            consultation=item,
            extended_to=item.response_due_on + dt.timedelta(days=15),
            reason_zh_hant="r",
            reason_en="",
            user=staff["ndc_editor"],
        )
    assert "14" in str(error.value)


def test_rule_F_4_3_suggestion_forwarded_to_agency(citizen, staff, django_capture_on_commit_callbacks):
    token = uuid.uuid4()
    suggestion, created = services.suggestion_submit(author=citizen, title="開放預算", text="公開預算資料", token=token)
    assert created and suggestion.status == Suggestion.Status.NEW
    assert services.suggestion_submit(author=citizen, title="開放預算", text="公開預算資料", token=token)[1] is False
    moe = Agency.objects.get(code="moe")
    with django_capture_on_commit_callbacks(execute=True):
        services.suggestion_forward(suggestion=suggestion, agency=moe, note="請研議", user=staff["ndc_editor"])
    suggestion.refresh_from_db()
    assert suggestion.status == "forwarded" and suggestion.forwarded_to == moe
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([staff["agency_officer"].email, citizen.email])


def test_assign_only_within_the_agency(open_consultation, citizen, staff, post):
    comment, _ = post(open_consultation, citizen)
    services.comment_assign(comment=comment, assignee=staff["agency_officer"], user=staff["agency_officer"])
    with pytest.raises(ValidationError):
        services.comment_assign(comment=comment, assignee=staff["moderator"], user=staff["agency_officer"])


def test_period_validated_by_model_clean_rule_K_7_1_2(make_consultation, today):
    from consultations.models import Consultation

    item = Consultation(
        commitment=make_consultation().commitment,
        title_zh_hant="t",
        description_zh_hant="d",
        opens_on=today,
        closes_on=today + dt.timedelta(days=5),
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "14" in str(error.value) and "K-7.1.2" in str(error.value)


def test_digest_command(open_consultation, citizen, staff, post, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    AgencyNotificationSetting.objects.create(agency=open_consultation.agency, mode="digest")
    with django_capture_on_commit_callbacks(execute=True):
        post(open_consultation, citizen, "摘要")
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):  # emails leave through the task queue
        call_command("send_comment_digests", stdout=out)
    assert "1 digest" in out.getvalue() and len(mail.outbox) == 1


def test_rule_F_4_1_lead_agency_consults_the_public_online_on_its_commitment_table(
    client, make_consultation, staff, citizen, post, commitment4
):
    from consultations.models import Section
    from core.roles import AGENCY_OFFICER
    from tests.factories import UserFactory

    consultation = make_consultation()  # on commitment 4's draft table, no agency chosen
    assert consultation.agency_id == commitment4.lead_agency_id  # the lead agency runs it
    assert staff["agency_officer"].has_perm("consultations.change_consultation", consultation)
    other_officer = UserFactory(roles=[AGENCY_OFFICER], agency="moj")
    assert not other_officer.has_perm("consultations.change_consultation", consultation)
    comment, _created = post(consultation, citizen, text="指標太少。", section=Section.INDICATORS)
    assert comment.section == Section.INDICATORS  # comments point at the table's parts
    page = client.get(commitment4.get_absolute_url()).content.decode()
    assert consultation.get_absolute_url() in page  # the commitment page leads to its consultation
