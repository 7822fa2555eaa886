"""Demo data: an open consultation on commitment 4 with comments and a reply, a closed one with a
published response citing comments, one answered late, and an overdue one (idempotent; dates relative to today)."""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from commitments.models import ActionPlan, Commitment
from core.cache import bump_content_version

from . import services
from .models import Comment, Consultation, SummaryResponse

DEMO_CITIZENS = {
    "citizen": ("citizen@demo.ogp.tw", "nickname", "小明", "王", "小明"),
    "citizen2": ("citizen2@demo.ogp.tw", "real_name", "", "Lin", "Mei"),
}
TOKEN_NAMESPACE = uuid.UUID("6f1c3c55-0000-4000-8000-000000000006")


def _citizen(key: str):
    from allauth.account.models import EmailAddress

    from core.services import DEMO_PASSWORD

    email, display, nickname, last, first = DEMO_CITIZENS[key]
    user, created = get_user_model().objects.get_or_create(
        username=email,
        defaults={
            "email": email,
            "name_display": display,
            "nickname": nickname,
            "last_name": last,
            "first_name": first,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _consultation(commitment, key: str, title: tuple[str, str], opens_on: dt.date, closes_on: dt.date) -> Consultation:
    item = Consultation.objects.filter(commitment=commitment, title_en=title[1]).first()
    if item is None:
        item = Consultation(commitment=commitment, agency=commitment.lead_agency, title_en=title[1])
    item.title_zh_hant = title[0]
    item.description_zh_hant = f"請就「{commitment.title_zh_hant}」承諾事項草案提供意見。"
    item.description_en = f"Comment on the draft commitment table “{commitment.title_en}”."
    item.opens_on, item.closes_on = opens_on, closes_on
    item.save()
    return item


def _comment(consultation, author, text, key, parent=None, section="", label="", days_ago=1):
    token = uuid.uuid5(TOKEN_NAMESPACE, f"{consultation.pk}-{key}")
    comment = Comment.objects.filter(author=author, token=token).first()
    if comment is None:
        comment = Comment.objects.create(
            consultation=consultation,
            author=author,
            text=text,
            token=token,
            parent=parent,
            section=section,
            section_label=label,
            created_at=timezone.now() - dt.timedelta(days=days_ago),
        )
    return comment


def _published_on(consultation: Consultation, day: dt.date) -> None:
    """Date the demo response as if published on ``day`` at 10:00 Taipei time."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
    responses = SummaryResponse.objects.filter(consultation=consultation).exclude(published_at=moment)
    if responses.update(published_at=moment):
        bump_content_version()
    consultation.refresh_from_db()


def load(accounts: dict) -> None:
    plan = ActionPlan.objects.current()
    if plan is None:
        return
    today = timezone.localdate()
    citizen, citizen2 = _citizen("citizen"), _citizen("citizen2")
    accounts.setdefault("citizen", citizen)
    four = Commitment.objects.get(plan=plan, number=4)
    others = Commitment.objects.filter(plan=plan).exclude(number=4).order_by("number")
    first_other = others.first()

    open_one = _consultation(
        four, "open", ("青年政策參與承諾事項草案徵詢", "Consultation on the draft youth participation commitment"),
        today - dt.timedelta(days=10), today + dt.timedelta(days=20),
    )  # fmt: skip
    c1 = _comment(open_one, citizen, "建議增加高中生參與的名額，並公開遴選方式。", "c1", section="indicators",
                  label="青年諮詢委員人數", days_ago=5)  # fmt: skip
    _comment(
        open_one,
        citizen2,
        "Please publish the meeting minutes in English as well.",
        "c2",
        section="other_information",
        days_ago=4,
    )
    _comment(open_one, citizen2, "同意，也請考慮偏鄉學生的交通補助。", "r1", parent=c1, days_ago=3)

    closed = _consultation(
        first_other, "closed", ("承諾事項草案徵詢（已回應）", "Consultation on a draft commitment (answered)"),
        today - dt.timedelta(days=50), today - dt.timedelta(days=20),
    )  # fmt: skip
    k1 = _comment(closed, citizen, "希望資料以開放格式釋出。", "k1", section="description", days_ago=30)
    k2 = _comment(
        closed, citizen2, "Set a yearly indicator for the number of datasets.", "k2", section="indicators", days_ago=28
    )
    if not closed.has_response:
        services.response_publish(
            consultation=closed,
            text_zh_hant="感謝各界意見。我們採納以開放格式釋出資料的建議，並新增每年度資料集數量的衡量指標。",
            text_en="Thank you for your input. We adopted the open-format suggestion and added a yearly indicator "
            "for the number of datasets.",
            cited=[k1.pk, k2.pk],
            user=accounts.get("ndc_editor"),
            today=today,
        )

    _published_on(closed, closed.closes_on + dt.timedelta(days=5))

    # Answered, but after the deadline (K-7.2, W-5): it stays marked late on the public board.
    late = _consultation(
        first_other, "late", ("開放資料承諾事項草案徵詢（逾期回應）", "Consultation on open data (answered late)"),
        today - dt.timedelta(days=90), today - dt.timedelta(days=60),
    )  # fmt: skip
    l1 = _comment(late, citizen, "請說明資料集更新頻率。", "l1", section="indicators", days_ago=70)
    if not late.has_response:
        services.response_publish(
            consultation=late,
            text_zh_hant="感謝意見。各資料集將標示更新頻率。",
            text_en="Thank you. Each dataset will show how often it is updated.",
            cited=[l1.pk],
            user=accounts.get("ndc_editor"),
            today=today,
        )
    _published_on(late, late.deadline + dt.timedelta(days=16))

    _overdue = _consultation(
        four, "overdue", ("校園參與機制意見徵詢", "Consultation on school participation mechanisms"),
        today - dt.timedelta(days=70), today - dt.timedelta(days=40),
    )  # fmt: skip
    _comment(_overdue, citizen, "學生會應有固定的經費與場地。", "o1", section="problem", days_ago=45)
