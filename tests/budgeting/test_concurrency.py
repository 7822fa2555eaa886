"""One vote per person under concurrency: 64 attempts by one identity give exactly one ballot (PostgreSQL, threads)."""

from __future__ import annotations

import gc
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from budgeting import gate, services
from budgeting.models import Ballot, VoterRollEntry
from tests.waiting import wait_until

from .conftest import RESIDENT, add_project, make_process

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://...)"
)

N = 64


def _free_connection_slots() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int"
            " - current_setting('superuser_reserved_connections')::int - count(*) FROM pg_stat_activity"
        )
        return cursor.fetchone()[0]


def _wait_for_connection_slots(needed: int, timeout: float = 60.0) -> None:
    """Each thread holds its own PostgreSQL connection: wait until the server has room for all of
    them (connections of servers and threads from earlier tests close on their own), or fail
    with the reason instead of a thread's "too many clients"."""

    def room() -> bool:
        if _free_connection_slots() >= needed:
            return True
        gc.collect()  # connections of finished threads close when their objects are collected
        connections.close_all()
        return False

    wait_until(room, timeout=timeout, what=f"{needed} free PostgreSQL connections")


def _run(workers) -> list:
    _wait_for_connection_slots(len(workers) + 2)
    barrier = threading.Barrier(len(workers))
    results: list = [None] * len(workers)

    def target(index, fn):
        try:
            barrier.wait()
            results[index] = fn()
        except Exception as error:  # noqa: BLE001 - reported by the assertions
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i, fn)) for i, fn in enumerate(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


@pytest.mark.django_db(transaction=True)
def test_p1_64_concurrent_casts_of_one_identity_make_one_ballot(seeded_transactional_db):
    process = make_process()
    project = add_project(process, "公園", 100)
    consent = services.consent_current(process)
    voter = gate.voter_hash(scope=f"process:{process.pk}", national_id=RESIDENT[0])

    def cast():
        services.ballot_cast(process=process, voter_hash=voter, consent=consent, choices=[project.pk])
        return "ok"

    results = _run([cast] * N)
    assert results.count("ok") == 1, results
    assert all(isinstance(r, services.AlreadyVoted) for r in results if r != "ok"), results
    assert Ballot.objects.filter(process=process).count() == 1
    assert VoterRollEntry.objects.filter(process=process).count() == 1


@pytest.mark.django_db(transaction=True)
def test_p1_64_concurrent_browsers_of_one_identity_make_one_ballot(seeded_transactional_db, settings):
    settings.BUDGETING_IDENTITY_LIMITS = {"session": (10, 900), "ip": (1000, 900)}
    from budgeting import captcha

    process = make_process()
    project = add_project(process, "公園", 100)
    clients = []
    for _ in range(N):
        client = Client()
        client.post(f"/budgeting/{process.pk}/vote/", {"agree": "on"})
        client.get(f"/budgeting/{process.pk}/vote/identity/")
        code = client.session[captcha.SESSION_KEY]["code"]
        response = client.post(
            f"/budgeting/{process.pk}/vote/identity/",
            {"national_id": RESIDENT[0], "birth_date": RESIDENT[1].isoformat(), "captcha": code},
        )
        assert response.status_code == 302
        clients.append(client)

    def voter(client):
        return lambda: client.post(f"/budgeting/{process.pk}/vote/ballot/", {"projects": [str(project.pk)]}).status_code

    results = _run([voter(c) for c in clients])
    assert sorted(map(str, results)) == ["200"] + ["409"] * (N - 1), results
    assert Ballot.objects.filter(process=process).count() == 1
    assert VoterRollEntry.objects.filter(process=process).count() == 1
