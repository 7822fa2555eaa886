"""Follow and hear back; report a comment; edit or withdraw one while open, history kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from commitments.models import CommitmentFollow
from consultations import engagement, rules, services
from consultations.models import CommentReport, CommentVersion, ConsultationFollow
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


# --- pure rules ---------------------------------------------------------------------------------

D = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, None),
        ({"is_author": False}, "not_author"),
        ({"today": dt.date(2026, 3, 20)}, "closed"),
        ({"today": dt.date(2026, 2, 20)}, "closed"),
        ({"hidden": True}, "hidden"),
        ({"withdrawn": True}, "withdrawn"),
    ],
)
def test_comment_change_refusal(kwargs, expected):
    base = {
        "is_author": True,
        "opens_on": dt.date(2026, 2, 25),
        "closes_on": dt.date(2026, 3, 10),
        "today": D,
        "hidden": False,
        "withdrawn": False,
    }
    assert rules.comment_change_refusal(**{**base, **kwargs}) == expected


@pytest.mark.parametrize(
    ("is_author", "hidden", "withdrawn", "expected"),
    [
        (False, False, False, True),
        (True, False, False, False),
        (False, True, False, False),
        (False, False, True, False),
    ],
)
def test_may_report(is_author, hidden, withdrawn, expected):
    assert rules.may_report(is_author=is_author, hidden=hidden, withdrawn=withdrawn) is expected


# --- services ------------------------------------------------------------------------------------


def test_edit_keeps_previous_version_and_public_sees_edited(client, open_consultation, citizen, post):
    comment = post(open_consultation, citizen, "第一版")
    engagement.comment_edit(comment=comment, text="第二版", user=citizen)
    comment.refresh_from_db()
    assert comment.text == "第二版" and comment.edited_at is not None
    assert list(CommentVersion.objects.values_list("text", flat=True)) == ["第一版"]
    page = client.get(f"/en/consultations/{open_consultation.pk}/").content.decode()
    assert "第二版" in page and "第一版" not in page and "edited" in page


def test_withdraw_hides_text_from_public_keeps_it_for_moderators(client, staff, open_consultation, citizen, post):
    comment = post(open_consultation, citizen, "想撤回的意見")
    engagement.comment_withdraw(comment=comment, user=citizen)
    page = client.get(f"/en/consultations/{open_consultation.pk}/").content.decode()
    assert "想撤回的意見" not in page and "Withdrawn by its author" in page
    client.force_login(staff["moderator"])
    moderation = client.get(f"/admin/consultations/moderation/{comment.pk}/").content.decode()
    assert "想撤回的意見" in moderation


def test_only_author_while_open_may_change(open_consultation, make_consultation, citizen, citizen2, post, today):
    comment = post(open_consultation, citizen)
    with pytest.raises(ValidationError):
        engagement.comment_edit(comment=comment, text="冒名", user=citizen2)
    with pytest.raises(ValidationError):
        engagement.comment_edit(
            comment=comment, text="太晚", user=citizen, today=open_consultation.closes_on + dt.timedelta(days=1)
        )
    engagement.comment_withdraw(comment=comment, user=citizen)
    with pytest.raises(ValidationError):
        engagement.comment_edit(comment=comment, text="撤回後", user=citizen)


def test_hidden_comment_cannot_be_edited(open_consultation, citizen, staff, post):
    comment = post(open_consultation, citizen)
    ground = (
        open_consultation.policy.grounds[0]
        if isinstance(open_consultation.policy.grounds, tuple)
        else next(iter(open_consultation.policy.grounds))
    )
    services.comment_hide(comment=comment, moderator=staff["moderator"], ground=ground, note="")
    with pytest.raises(ValidationError):
        engagement.comment_edit(comment=comment, text="改寫", user=citizen)


def test_one_report_per_user_per_comment_db_constraint(open_consultation, citizen, citizen2, post):
    comment = post(open_consultation, citizen)
    first, created = engagement.comment_report(comment=comment, user=citizen2, reason="人身攻擊")
    again, created_again = engagement.comment_report(comment=comment, user=citizen2)
    assert created and not created_again and first.pk == again.pk
    with pytest.raises(IntegrityError):
        CommentReport.objects.create(comment=comment, reporter=citizen2)


def test_author_cannot_report_own_comment(open_consultation, citizen, post):
    with pytest.raises(ValidationError):
        engagement.comment_report(comment=post(open_consultation, citizen), user=citizen)


def test_every_commenter_and_follower_hears_of_the_response_in_their_language(
    make_consultation, citizen, citizen2, staff, commitment4, post, today, django_capture_on_commit_callbacks
):
    consultation = make_consultation(opens=-10, closes=-1)
    from consultations.models import Comment

    cited = Comment.objects.create(
        consultation=consultation, author=citizen, text="被引用", token="00000000-0000-0000-0000-000000000001"
    )
    Comment.objects.create(
        consultation=consultation, author=citizen2, text="沒被引用", token="00000000-0000-0000-0000-000000000002"
    )
    follower = CitizenFactory(email="follower@example.org", preferred_language="en")
    ConsultationFollow.objects.create(consultation=consultation, user=follower)
    commitment_follower = CitizenFactory(email="cf@example.org")
    CommitmentFollow.objects.create(commitment=commitment4, user=commitment_follower)
    CommitmentFollow.objects.create(commitment=commitment4, user=citizen)  # told once only
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.response_publish(
            consultation=consultation,
            text_zh_hant="回應",
            text_en="Answer",
            cited=[cited.pk],
            user=staff["agency_officer"],
        )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == sorted(
        ["citizen@example.org", "reader@example.org", "follower@example.org", "cf@example.org"]
    )
    assert len(mail.outbox) == 4
    assert "引用" in by_address["citizen@example.org"].body  # the cited author is told how input was used
    assert "published its summary response" in by_address["reader@example.org"].body
    assert f"/en/consultations/{consultation.pk}/#response" in by_address["follower@example.org"].body
    assert f"/consultations/{consultation.pk}/#response" in by_address["cf@example.org"].body
    assert "/en/" not in by_address["cf@example.org"].body


# --- views ---------------------------------------------------------------------------------------


def test_follow_and_unfollow_consultation(client, open_consultation, citizen):
    url = f"/en/consultations/{open_consultation.pk}/follow/"
    assert client.post(url)["Location"].startswith("/en/accounts/login/")
    client.force_login(citizen)
    assert client.get(url).status_code == 405
    response = client.post(url, {"action": "follow"})
    assert response.status_code == 302 and ConsultationFollow.objects.filter(user=citizen).count() == 1
    assert client.post(url, {"action": "follow"}).status_code == 302
    assert ConsultationFollow.objects.count() == 1
    assert "You follow this consultation." in client.get(f"/en/consultations/{open_consultation.pk}/").content.decode()
    client.post(url, {"action": "unfollow"})
    assert ConsultationFollow.objects.count() == 0


def test_follow_and_unfollow_commitment(client, commitment4, citizen):
    url = "/en/plans/2020-2024/commitments/4/follow/"
    assert client.post(url)["Location"].startswith("/en/accounts/login/")
    client.force_login(citizen)
    assert client.post(url, {"action": "follow"}).status_code == 302
    assert CommitmentFollow.objects.filter(user=citizen, commitment=commitment4).exists()
    page = client.get("/en/plans/2020-2024/commitments/4/").content.decode()
    assert "You follow this commitment." in page
    client.post(url, {"action": "unfollow"})
    assert not CommitmentFollow.objects.exists()
    assert client.post("/en/plans/2020-2024/commitments/999/follow/").status_code == 404


def test_edit_view_author_only_and_text_kept_on_error(client, open_consultation, citizen, citizen2, post):
    comment = post(open_consultation, citizen, "原文")
    url = f"/en/consultations/comments/{comment.pk}/edit/"
    assert client.get(url)["Location"].startswith("/en/accounts/login/")
    client.force_login(citizen2)
    assert client.get(url).status_code == 404
    client.force_login(citizen)
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "   "})
    assert response.status_code == 400
    response = client.post(url, {"text": "新的文字"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.text == "新的文字"


def test_edit_view_after_close_refused_in_users_language_text_kept(client, make_consultation, citizen):
    from consultations.models import Comment

    closed = make_consultation(opens=-20, closes=-1)
    comment = Comment.objects.create(
        consultation=closed, author=citizen, text="舊", token="00000000-0000-0000-0000-000000000003"
    )
    client.force_login(citizen)
    response = client.post(f"/en/consultations/comments/{comment.pk}/edit/", {"text": "保留我的修改"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "This consultation is closed" in body and "保留我的修改" in body
    response = client.post(f"/consultations/comments/{comment.pk}/edit/", {"text": "保留我的修改"})
    assert "本徵詢已截止" in response.content.decode()


def test_withdraw_view(client, open_consultation, citizen, citizen2, post):
    comment = post(open_consultation, citizen)
    url = f"/en/consultations/comments/{comment.pk}/withdraw/"
    client.force_login(citizen2)
    assert client.post(url).status_code == 404
    client.force_login(citizen)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    comment.refresh_from_db()
    assert comment.is_withdrawn


def test_report_view_and_queue(client, staff, open_consultation, citizen, citizen2, post):
    comment = post(open_consultation, citizen, "可疑文字")
    url = f"/en/consultations/comments/{comment.pk}/report/"
    assert client.get(url)["Location"].startswith("/en/accounts/login/")
    unverified = CitizenFactory(email="nv@example.org", verified=False)
    client.force_login(unverified)
    response = client.post(url, {"reason": "理由保留"})
    assert response.status_code == 400 and "理由保留" in response.content.decode()
    client.force_login(citizen2)
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "離題"}).status_code == 302
    assert client.post(url, {"reason": "再次"}).status_code == 302
    assert CommentReport.objects.count() == 1
    client.force_login(citizen)
    assert client.post(url, {"reason": ""}).status_code == 400  # own comment
    # the queue, for moderators only
    client.logout()
    assert client.get("/admin/consultations/moderation/")["Location"].startswith("/admin/login/")
    client.force_login(staff["agency_officer"])
    refused = client.get("/admin/consultations/moderation/")  # Wagtail turns a refusal into a redirect home
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    client.force_login(staff["moderator"])
    queue = client.get("/admin/consultations/moderation/").content.decode()
    assert "可疑文字" in queue and "<strong>1</strong>" in queue
    detail = client.get(f"/admin/consultations/moderation/{comment.pk}/").content.decode()
    assert "離題" in detail
    assert client.post(f"/admin/consultations/moderation/{comment.pk}/", {"action": "keep"}).status_code == 302
    assert CommentReport.objects.get().handled_at is not None
    queue = client.get("/admin/consultations/moderation/").content.decode()
    assert "可疑文字" not in queue.split("data-moderation-queue")[1].split("</table>")[0]


def test_no_500_on_unknown_comment(client, citizen):
    client.force_login(citizen)
    for url in ["/consultations/comments/999/edit/", "/consultations/comments/999/report/"]:
        assert client.get(url).status_code == 404
    assert client.post("/consultations/comments/999/withdraw/").status_code == 404
    assert client.post("/consultations/999/follow/").status_code == 404


def test_follow_offers_sign_in_to_visitors_without_a_csrf_cookie(client, open_consultation):
    for url in [f"/en/consultations/{open_consultation.pk}/", "/en/plans/2020-2024/commitments/4/"]:
        response = client.get(url)
        body = response.content.decode()
        assert "/en/accounts/login/?next=" in body and "csrfmiddlewaretoken" not in body, url
        assert "csrftoken" not in response.cookies, url
