"""Demo data: proposals in every status under the Kaohsiung and Taichung profiles, one whose
review runs across Lunar New Year 2026, one whose seconding window was suspended by the
2026 local elections (K-8). Idempotent: each demo proposal has a fixed token."""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from commitments.models import Agency
from core.count_bound import bound_forget
from core.models import VotingDay

from . import seconding, services
from .models import Proposal, Second

TOKENS = uuid.UUID("6f1c3c55-0000-4000-8000-00000000009a")
SECONDERS = 1500  # enough to qualify under Kaohsiung's threshold (K-6.3.2)


def _user(email: str, nickname: str):
    from allauth.account.models import EmailAddress

    user, created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email, "nickname": nickname, "name_display": "nickname"}
    )
    if created:
        from core.services import DEMO_PASSWORD

        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _seconders(count: int) -> list:
    """Demo seconders (bulk: no password, never signed in)."""
    User = get_user_model()
    emails = [f"seconder{n}@demo.ogp.tw" for n in range(count)]
    existing = set(User.objects.filter(username__in=emails).values_list("username", flat=True))
    new = [
        User(username=e, email=e, nickname=f"附議者{n}", is_active=True)
        for n, e in enumerate(emails)
        if e not in existing
    ]
    for user in new:
        user.set_unusable_password()
    User.objects.bulk_create(new, batch_size=500)
    return list(User.objects.filter(username__in=emails).order_by("pk"))


def _bulk_second(proposal: Proposal, users: list, count: int, on: dt.datetime) -> None:
    """Confirmed seconds without the one-click path (demo only); then qualification is checked."""
    from . import rules

    Second.objects.bulk_create(
        [
            Second(
                proposal=proposal,
                user=u,
                email_canonical=rules.canonical_email(u.email),
                confirmed=True,
                confirmed_at=on,
                created_at=on,
            )
            for u in users[:count]
        ],
        batch_size=500,
        ignore_conflicts=True,
    )
    # Rows written around the one-click path: the cached bound of the count no longer holds.
    bound_forget(seconding.bound_name(proposal.pk))


def _submit(key: str, author, *, profile: str, agency, day: dt.date, title: str, en: str, content: str, **extra):
    token = uuid.uuid5(TOKENS, key)
    existing = Proposal.objects.filter(author=author, token=token).first()
    if existing is not None:
        return existing, False
    proposal, _created = services.proposal_submit(
        author=author,
        title=title,
        content=content,
        benefits=extra.pop("benefits", "讓更多市民受益，提升生活品質。"),
        evidence=extra.pop("evidence", ""),
        agency=agency,
        profile=profile,
        token=token,
        today=day,
        **extra,
    )
    proposal.title_en = en
    proposal.save(update_fields=["title_en"])
    return proposal, True


@transaction.atomic
def load(accounts: dict) -> None:
    ndc, officer = accounts["ndc_editor"], accounts["agency_officer"]
    moe, ndc_agency = Agency.objects.get(code="moe"), Agency.objects.get(code="ndc")
    author = _user("proposer@demo.ogp.tw", "點子王")
    author2 = _user("proposer2@demo.ogp.tw", "小樹")
    vote = VotingDay.objects.filter(day=dt.date(2026, 11, 28)).first() or VotingDay(day=dt.date(2026, 11, 28))
    vote.name_zh_hant, vote.name_en = "2026年地方公職人員選舉", "2026 local elections"
    vote.save()
    today = timezone.localdate()
    users = _seconders(SECONDERS)
    now = timezone.now()

    for profile, who in (("kaohsiung", author), ("taichung", author2)):
        p = profile

        # In review (recent: due in working days).
        _submit(
            f"{p}-review",
            who,
            profile=p,
            agency=None,
            day=today - dt.timedelta(days=1),
            title="增設校園飲水機",
            en="More drinking fountains in schools",
            content="每層樓設置飲水機。",
        )

        # Returned with reasons (T-9.2.3).
        item, new = _submit(
            f"{p}-returned",
            who,
            profile=p,
            agency=moe,
            day=today - dt.timedelta(days=2),
            title="改善午餐",
            en="Better lunches",
            content="午餐要更好。",
        )
        if new:
            services.proposal_return(
                proposal=item,
                user=ndc,
                reasons_zh_hant="請具體說明建議內容與預算。",
                reasons_en="Please state what exactly you propose and its cost.",
            )

        # Not accepted on a ground (K-6.2.2 / T-7): hidden, reasons public.
        item, new = _submit(
            f"{p}-rejected",
            who,
            profile=p,
            agency=moe,
            day=today - dt.timedelta(days=2),
            title="購買本公司產品",
            en="Buy our product",
            content="請採購本公司平板。",
        )
        if new:
            services.proposal_reject(
                proposal=item,
                user=ndc,
                ground="commercial" if p == "kaohsiung" else "outside_scope",
                reasons_zh_hant="內容為商業廣告。",
                reasons_en="Advertising.",
            )

        # Seconding, agency confirmed; a few seconds.
        original, new = _submit(
            f"{p}-seconding",
            who,
            profile=p,
            agency=moe,
            day=today - dt.timedelta(days=3),
            title="推動校園午餐採用在地食材",
            en="Local produce for school lunches",
            content="建議各級學校午餐優先採用在地當季食材。",
        )
        if new:
            original = services.proposal_review_pass(proposal=original, user=ndc, today=today - dt.timedelta(days=2))
            services.proposal_agency_confirm(proposal=original, user=officer)
            _bulk_second(original, users, 12, now)

        # Duplicate of the one being seconded (K-6.2.3).
        item, new = _submit(
            f"{p}-duplicate",
            author2 if who == author else author,
            profile=p,
            agency=moe,
            day=today - dt.timedelta(days=1),
            title="學校午餐用在地食材",
            en="School lunches with local food",
            content="午餐用在地食材。",
        )
        if new:
            services.proposal_mark_duplicate(
                proposal=item,
                user=ndc,
                duplicate_of=original,
                reasons_zh_hant="與附議中的提案相同，請前往附議。",
                reasons_en="Same as a proposal being seconded: second it instead.",
            )

        # Withdrawn (before qualifying / before review passes).
        item, new = _submit(
            f"{p}-withdrawn",
            who,
            profile=p,
            agency=moe,
            day=today - dt.timedelta(days=1),
            title="延長圖書館開放時間",
            en="Longer library hours",
            content="週末延長到晚上十點。",
        )
        if new:
            services.proposal_withdraw(proposal=item, user=who)

        # Expired below the threshold.
        item, new = _submit(
            f"{p}-expired",
            who,
            profile=p,
            agency=moe,
            day=today - dt.timedelta(days=120),
            title="公園增設寵物區",
            en="Dog areas in parks",
            content="大型公園設置寵物活動區。",
        )
        if new:
            item = services.proposal_review_pass(proposal=item, user=ndc, today=today - dt.timedelta(days=115))
            _bulk_second(item, users, 30, now)
            services.proposal_expire(proposal=item, today=today)

        # Qualified, notified, waiting for the response (late under Kaohsiung: on the board).
        threshold = 1500 if p == "kaohsiung" else 200
        item, new = _submit(
            f"{p}-qualified",
            who,
            profile=p,
            agency=moe,
            day=today - dt.timedelta(days=150),
            title="國中小設置心理諮商師",
            en="Counsellors in every school",
            content="每校至少一名專任心理諮商師。",
        )
        if new:
            item = services.proposal_review_pass(proposal=item, user=ndc, today=today - dt.timedelta(days=145))
            _bulk_second(item, users, threshold, now)
            seconding.proposal_qualify(proposal=item, today=today - dt.timedelta(days=130))
            services.proposal_notify(
                proposal=item, user=ndc, today=today - dt.timedelta(days=128 if p == "kaohsiung" else 20)
            )

        # Responded with adoption, after one extension with a public reason; commended (T-11).
        item, new = _submit(
            f"{p}-responded",
            who,
            profile=p,
            agency=moe,
            day=today - dt.timedelta(days=200),
            title="校園太陽能板",
            en="Solar panels on school roofs",
            content="學校屋頂設置太陽能板。",
            commendation_consent=True,
        )
        if new:
            item = services.proposal_review_pass(proposal=item, user=ndc, today=today - dt.timedelta(days=195))
            _bulk_second(item, users, threshold, now)
            seconding.proposal_qualify(proposal=item, today=today - dt.timedelta(days=185))
            item = services.proposal_notify(proposal=item, user=ndc, today=today - dt.timedelta(days=183))
            from . import rules

            latest = rules.extension_latest(item.response_due_on, item.policy)
            services.proposal_extend(
                proposal=item,
                user=officer,
                extended_to=latest,
                reason_zh_hant="需與各校協調屋頂結構安全評估。",
                reason_en="Roof safety assessments with each school are needed.",
            )
            item = services.proposal_respond(
                proposal=item,
                user=officer,
                adoption="adopted",
                response_zh_hant="採納：明年起分三年於各校設置。",
                response_en="Adopted: installed in all schools over three years.",
                today=today - dt.timedelta(days=95),
            )
            services.proposal_commend(proposal=item, user=ndc, note="優良提案", today=today - dt.timedelta(days=80))

    # Across Lunar New Year 2026: submitted Thursday 2026-02-12, review due 2026-02-26 (5 working days).
    _submit(
        "lny-2026",
        author,
        profile="kaohsiung",
        agency=ndc_agency,
        day=dt.date(2026, 2, 12),
        title="春節期間公車加班",
        en="Extra buses over Lunar New Year",
        content="春節連假期間增開公車班次。",
    )
    # During the election blackout (K-8): seconding suspended 2026-09-29 to 2026-11-28, window extended.
    item, new = _submit(
        "blackout-2026",
        author2,
        profile="kaohsiung",
        agency=moe,
        day=dt.date(2026, 9, 14),
        title="選後檢討投票所無障礙設施",
        en="Accessible polling stations",
        content="檢討投票所無障礙動線。",
    )
    if new:
        item = services.proposal_review_pass(proposal=item, user=ndc, today=dt.date(2026, 9, 20))
        _bulk_second(item, users, 40, now)
