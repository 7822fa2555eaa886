"""No comment lost or duplicated when 20 clients post at once (PostgreSQL, real transactions and threads)."""

from __future__ import annotations

import datetime as dt
import threading
import uuid

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from commitments.models import Commitment
from consultations.models import Comment, Consultation
from tests.factories import CitizenFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://...)"
)


def _consultation() -> Consultation:
    today = timezone.localdate()
    item = Consultation(
        commitment=Commitment.objects.get(plan__slug="2020-2024", number=4),
        title_zh_hant="並發",
        description_zh_hant="d",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=20),
    )
    item.save()
    return item


def _run(workers) -> list:
    barrier = threading.Barrier(len(workers))
    results: list = [None] * len(workers)

    def target(index, fn):
        try:
            barrier.wait()
            results[index] = fn()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i, fn)) for i, fn in enumerate(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.mark.django_db(transaction=True)
def test_20_concurrent_posts_of_one_form_create_one_comment(seeded_transactional_db, settings):
    settings.CONSULTATION_RATE_LIMITS = {"user": (100, 60), "ip": (100, 60)}
    item = _consultation()
    user = CitizenFactory(email="racer@example.org")
    token = str(uuid.uuid4())

    def post():
        client = Client()
        client.force_login(user)
        return client.post(f"/consultations/{item.pk}/comment/", {"text": "同一份表單", "token": token}).status_code

    results = _run([post] * 20)
    assert results == [302] * 20, results
    assert Comment.objects.filter(consultation=item).count() == 1


@pytest.mark.django_db(transaction=True)
def test_20_concurrent_clients_lose_no_comment(seeded_transactional_db, settings):
    settings.CONSULTATION_RATE_LIMITS = {"user": (100, 60), "ip": (100, 60)}
    item = _consultation()
    users = [CitizenFactory(email=f"client{n}@example.org") for n in range(20)]

    def poster(user):
        def post():
            client = Client()
            client.force_login(user)
            return client.post(
                f"/consultations/{item.pk}/comment/", {"text": f"{user.email}", "token": str(uuid.uuid4())}
            ).status_code

        return post

    results = _run([poster(u) for u in users])
    assert results == [302] * 20, results
    assert sorted(Comment.objects.filter(consultation=item).values_list("text", flat=True)) == sorted(
        u.email for u in users
    )
