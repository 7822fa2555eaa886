"""Consultations: the consultation page with 10,000 comments, and the comment-post path with
8 concurrent clients on PostgreSQL (comments per second), beside the run's baseline."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid

from django.db import connection, connections
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from .common import Report, requests_per_second

COMMENTS = 10_000
CLIENTS = 8
DURATION = 5.0


def _setup():
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from commitments.models import Commitment
    from consultations.models import Comment, Consultation

    today = timezone.localdate()
    item = Consultation(
        commitment=Commitment.objects.get(plan__slug="2020-2024", number=4),
        title_zh_hant="效能測試諮詢",
        description_zh_hant="效能測試",
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=30),
    )
    item.save()
    users = []
    for n in range(CLIENTS + 1):
        email = f"bench{n}@example.org"
        user = get_user_model().objects.create_user(username=email, email=email, password="x", nickname=f"b{n}")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        users.append(user)
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
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE consultations_comment")  # fresh planner statistics, as autovacuum would give
    return item, users


def _post_rate(item, users) -> tuple[float, int]:
    """Comments per second with CLIENTS threads posting as fast as they can for DURATION seconds."""
    counts = [0] * CLIENTS
    errors: list = []
    barrier = threading.Barrier(CLIENTS)
    url = f"/consultations/{item.pk}/comment/"

    def worker(index: int) -> None:
        try:
            client = Client(REMOTE_ADDR=f"10.0.0.{index + 1}")
            client.force_login(users[index])
            barrier.wait()
            end = time.perf_counter() + DURATION
            while time.perf_counter() < end:
                response = client.post(url, {"text": f"並發 {index}", "token": str(uuid.uuid4())})
                if response.status_code != 302:
                    errors.append(response.status_code)
                    return
                counts[index] += 1
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    assert not errors, errors[:3]
    return sum(counts) / elapsed, sum(counts)


def run(report: Report) -> None:
    baseline = report.baselines["one_line_view"]
    item, users = _setup()
    anonymous = Client()
    for label, url in (
        ("first page", f"/consultations/{item.pk}/"),
        ("page 500", f"/en/consultations/{item.pk}/?page=500"),
    ):
        rate = requests_per_second(anonymous, url)
        report.add(
            f"consultation, {COMMENTS} comments, {label} (anonymous)",
            rate,
            "req/s",
            f"{100 * rate / baseline:.1f}% of baseline",
        )
    signed_in = Client()
    signed_in.force_login(users[0])
    rate = requests_per_second(signed_in, f"/consultations/{item.pk}/")
    report.add(
        f"consultation, {COMMENTS} comments, verified user with form",
        rate,
        "req/s",
        f"{100 * rate / baseline:.1f}% of baseline",
    )
    if connection.vendor != "postgresql":
        print(
            "bench_consultations: comment-post path with 8 concurrent clients skipped (needs DATABASE_URL=postgres://...)"
        )
        return
    from consultations.models import Comment

    before = Comment.objects.filter(consultation=item).count()
    with override_settings(CONSULTATION_RATE_LIMITS={"user": (1_000_000, 60), "ip": (1_000_000, 60)}):
        rate, posted = _post_rate(item, users)
    assert Comment.objects.filter(consultation=item).count() == before + posted  # none lost, none duplicated
    report.add(
        f"comment post, {CLIENTS} concurrent clients (PostgreSQL)",
        rate,
        "comments/s",
        f"{posted} posted, none lost; baseline {baseline:.0f} req/s single client",
    )
