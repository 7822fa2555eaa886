"""The shared pieces of the hot write paths (bench: seconds, comments, ballots): rate-limit
counters in one Redis round trip, one Redis client per pool, tasks queued in the write's own
commit. Rate limits per user and per IP (K-6.3.3, T-9.3.4 seconding; comments) must count
exactly as before."""

from __future__ import annotations

import os

import pytest
from django.db import transaction
from django.test import override_settings

from core import ratelimit
from core.ratelimit import RateLimit

REDIS = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/4"


def _redis_up() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001
        return False
    return True


needs_redis = pytest.mark.skipif(not _redis_up(), reason="needs a local Redis")
LIVE = override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ogp-write-path"},
        "ratelimit": {
            "BACKEND": "core.cache_backends.ReusingRedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": "test-write-path",
        },
    }
)


@pytest.fixture
def frozen_window(monkeypatch):
    """No window ends in the middle of a test."""
    monkeypatch.setattr(ratelimit, "_now", lambda: 1_800_000_000.0)


def test_hit_many_counts_like_hit_without_redis(frozen_window):
    """The fallback (local memory): the same flags as hit() one by one, every key counted."""
    limit = RateLimit(count=2, seconds=60)
    assert ratelimit.hit_many([("w:u", limit), ("w:ip", limit)]) == [True, True]
    assert ratelimit.hit_many([("w:u", limit), ("w:ip", limit)]) == [True, True]
    assert ratelimit.hit_many([("w:u", limit), ("w:ip2", limit)]) == [False, True]
    assert not ratelimit.peek("w:u", limit) and ratelimit.peek("w:ip2", limit)


@needs_redis
@LIVE
def test_rule_K_6_3_3_hit_many_on_redis_is_one_round_trip_and_counts_like_hit(frozen_window, monkeypatch):
    store = ratelimit.store()
    store.clear()
    limit = RateLimit(count=3, seconds=60)
    client = store._cache.get_client(write=True)
    assert client is store._cache.get_client(write=True)  # one client per pool, not one per call
    sent = []
    original = type(client).pipeline

    def pipeline(self, *args, **kwargs):
        sent.append("pipeline")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(client), "pipeline", pipeline)
    flags = [ratelimit.hit_many([("w:user:1", limit), ("w:ip:203.0.113.5", limit)]) for _ in range(4)]
    assert sent == ["pipeline"] * 4
    assert flags == [[True, True], [True, True], [True, True], [False, False]]
    # The same keys as hit()/peek()/undo(): they see the pipelined counts.
    assert not ratelimit.peek("w:user:1", limit)
    ratelimit.undo("w:user:1", limit)
    ratelimit.undo("w:user:1", limit)
    assert ratelimit.peek("w:user:1", limit)
    assert ratelimit.hit("w:user:1", limit)  # the freed hit is taken again
    assert not ratelimit.hit("w:user:1", limit)
    ttl = client.ttl(store.make_and_validate_key(ratelimit._window_key("w:user:1", limit)))
    assert 0 < ttl <= 61
    store.clear()


@needs_redis
@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {"BACKEND": "core.cache_backends.ReusingRedisCache", "LOCATION": "redis://127.0.0.1:1/4"},
    }
)
def test_hit_many_fails_safe_when_redis_is_down():
    with pytest.raises(ratelimit.RateLimitUnavailable):
        ratelimit.hit_many([("w:user:1", RateLimit(count=3, seconds=60))])


def test_tolerant_cache_reuses_its_client():
    from core.cache_backends import TolerantRedisCache

    cache = TolerantRedisCache("redis://127.0.0.1:6379/4", {})
    assert cache._cache.get_client() is cache._cache.get_client(write=True)


@pytest.mark.django_db(transaction=True)
def test_task_row_commits_with_the_write_and_rolls_back_with_it():
    """With the database queue, the task is written inside the write's transaction (one commit);
    a rollback takes it back. Other backends still run it after the commit."""
    from django_tasks_db.models import DBTaskResult

    from core.tasks import enqueue_on_commit
    from core.tasks import recover_lost_tasks as any_task

    database_queue = {"default": {"BACKEND": "core.task_queue.DatabaseBackend"}}
    with override_settings(TASKS=database_queue):
        with transaction.atomic():
            enqueue_on_commit(any_task)
            assert DBTaskResult.objects.count() == 1  # in this transaction, before the commit
        assert DBTaskResult.objects.count() == 1
        with pytest.raises(RuntimeError), transaction.atomic():
            enqueue_on_commit(any_task)
            raise RuntimeError("rolled back")
        assert DBTaskResult.objects.count() == 1
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        from django_tasks import default_task_backend

        with transaction.atomic():
            enqueue_on_commit(any_task)
            assert not default_task_backend.results  # not before the commit
        assert len(default_task_backend.results) == 1


def test_hit_many_once_counts_like_add_once_then_hit_many_without_redis(frozen_window):
    limit = RateLimit(count=2, seconds=60)
    hits = [("w1:u", limit), ("w1:ip", limit)]
    assert ratelimit.hit_many_once("w1:token:a", 600, hits) == [True, True]
    assert ratelimit.hit_many_once("w1:token:a", 600, hits) is None  # the same form again: not counted
    assert ratelimit.hit_many_once("w1:token:b", 600, hits) == [True, True]
    assert ratelimit.hit_many_once("w1:token:c", 600, hits) == [False, False]
    ratelimit.forget_once("w1:token:c")
    assert not ratelimit.add_once("w1:token:a", 600) and ratelimit.add_once("w1:token:c", 600)


@needs_redis
@LIVE
def test_hit_many_once_on_redis_is_one_round_trip_with_the_same_keys(frozen_window, monkeypatch):
    """Comments (consultations.ratelimit.allow): the token and both counters in one script."""
    store = ratelimit.store()
    store.clear()
    limit = RateLimit(count=2, seconds=60)
    client = store._cache.get_client(write=True)
    sent = []
    original = type(client).execute_command

    def execute_command(self, *args, **kwargs):
        sent.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(client), "execute_command", execute_command)
    hits = [("w2:user:1", limit), ("w2:ip:203.0.113.5", limit)]
    assert ratelimit.hit_many_once("w2:token:a", 600, hits) == [True, True]
    assert sent == ["EVAL"]
    assert ratelimit.hit_many_once("w2:token:a", 600, hits) is None
    assert ratelimit.hit_many_once("w2:token:b", 600, hits) == [True, True]
    assert ratelimit.hit_many_once("w2:token:c", 600, hits) == [False, False]
    monkeypatch.setattr(type(client), "execute_command", original)
    # The same keys as add_once()/peek()/forget_once().
    assert not ratelimit.peek("w2:user:1", limit) and not ratelimit.add_once("w2:token:b", 600)
    ratelimit.forget_once("w2:token:c")
    assert ratelimit.add_once("w2:token:c", 600)
    assert 0 < client.ttl(store.make_and_validate_key(f"{ratelimit.PREFIX}:once:w2:token:a")) <= 600
    store.clear()
