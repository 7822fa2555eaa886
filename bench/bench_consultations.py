"""Consultations: one consultation with 10,000 comments (list, page, comments API) and comment
posts per second from 64 signed-in clients (none lost, none doubled)."""

from __future__ import annotations

import datetime as dt
import uuid

from .common import Site, signed_in_cookies, write_cost

COMMENTS = 10_000
CLIENTS = 64
POST_SECONDS = 10.0
STATE: dict = {}


def setup() -> None:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from commitments.models import Commitment
    from consultations.models import Comment, Consultation

    today = timezone.localdate()
    item = Consultation(
        commitment=Commitment.objects.get(plan__slug="2020-2024", number=4),
        title_zh_hant="效能測試諮詢",
        title_en="Load test consultation",
        description_zh_hant="效能測試",
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=30),
    )
    item.save()
    User = get_user_model()
    users = [
        User(username=f"bench{n}@example.org", email=f"bench{n}@example.org", nickname=f"bench{n}")
        for n in range(CLIENTS + 1)
    ]
    for user in users:
        user.set_password("x")
    users = User.objects.bulk_create(users)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users]
    )
    author = users[-1]
    Comment.objects.bulk_create(
        [
            Comment(consultation=item, author=author, text=f"意見 {n}：" + "內容" * 40, token=uuid.uuid4())
            for n in range(COMMENTS)
        ],
        batch_size=2000,
    )
    parents = list(Comment.objects.filter(consultation=item).order_by("pk").values_list("pk", flat=True)[:2000:10])
    Comment.objects.bulk_create(
        [Comment(consultation=item, author=author, text="回覆", token=uuid.uuid4(), parent_id=p) for p in parents]
    )
    from consultations.counters import counters_refresh
    from core.cache import bump_content_version

    counters_refresh(item.pk)  # bulk_create sends no signal
    bump_content_version()
    from django.db import connection

    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            # What autovacuum does after 10,000 inserts: the visibility map lets a page of comments
            # skip the earlier ones with an index-only scan (consultations.public.DeferredSlices).
            cursor.execute("VACUUM ANALYZE consultations_comment")
    STATE["item"] = item.pk
    STATE["users"] = [user.pk for user in users[:CLIENTS]]


def pages() -> list[tuple[str, str]]:
    pk = STATE["item"]
    return [
        ("consultations list (one with 10,000 comments)", "/consultations/"),
        ("consultation, 10,000 comments, first page", f"/consultations/{pk}/"),
        ("consultation, 10,000 comments, page 500 (en)", f"/en/consultations/{pk}/?page=500"),
        ("API consultations", "/api/v1/consultations/"),
        ("API comments, 10,000 comments", f"/api/v1/consultations/{pk}/comments/"),
        ("API comments, 10,000 comments, page 100", f"/api/v1/consultations/{pk}/comments/?page=100"),
    ]


def run(site: Site) -> None:
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from consultations.models import Comment

    users = list(get_user_model().objects.filter(pk__in=STATE["users"]))
    cookies = signed_in_cookies(users)
    pk = STATE["item"]
    cost = write_cost(
        f"/consultations/{pk}/comment/",
        bodies=[f"text=cost+post+{n}&token={uuid.uuid4()}" for n in range(60)],
        cookies=[cookies[n % len(cookies)] for n in range(60)],
    )
    site.report.add(
        "one comment post, in process (CPU of the web process)", cost.cpu_ms, "ms CPU", cost.note(), section="writes"
    )
    new = Comment.objects.filter(consultation_id=pk, text__startswith="bench post ")
    before = new.count()
    result = site.post_load(
        f"/consultations/{pk}/comment/",
        body="text=bench+post+{n}&token={token}",
        cookies=cookies,
        duration=POST_SECONDS,
        connections=CLIENTS,
    )
    accepted = result["status"].get(302, 0)
    stored = new.count() - before
    doubled = (
        new.values("author_id", "token").annotate(n=Count("pk")).filter(n__gt=1).count()
        + new.values("text").annotate(n=Count("pk")).filter(n__gt=1).count()
    )
    others = {code: count for code, count in result["status"].items() if code != 302}
    # Requests still in flight when wrk stops are stored without wrk seeing their answer (at most
    # one per connection); a lost comment is an accepted one that is not stored.
    lost = max(0, accepted - stored)
    in_flight = stored - accepted
    site.report.add(
        f"comment posts, {CLIENTS} signed-in clients",
        accepted / POST_SECONDS if accepted else result["rps"],
        "comments/s",
        f"{accepted} accepted, {stored} stored ({in_flight} answered after wrk stopped): {lost} lost, "
        f"{doubled} double (target ≥ 300/s)" + (f"; other responses {others}" if others else ""),
        section="writes",
    )
