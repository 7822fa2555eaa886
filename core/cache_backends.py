"""A Redis cache that degrades instead of crashing when Redis cannot be reached.

``TolerantRedisCache`` is Django's ``RedisCache`` whose reads miss (the page is built
uncached) and whose writes are skipped while Redis is down, so public pages, the API and
sign-ed in pages keep answering. After a failure it does not try Redis again for
``OPTIONS["retry_after"]`` seconds (default 5; a hung Redis costs one socket timeout, not one
per cache call). Keys it failed to write or delete are remembered and deleted as soon as Redis
answers again, so no stale value (a content version, a cached page) outlives the outage.

``incr``/``decr`` are not tolerated: they count rate limits, which must fail safe
(``core.ratelimit`` uses its own, non-tolerant ``"ratelimit"`` cache alias anyway).

Below it, A two-level cache for immutable, version-keyed values (pages and fragments).

``TwoLevelCache`` keeps recently used values in a small in-process LRU (``LOCAL_SECONDS``,
``LOCAL_ENTRIES``) in front of a shared cache (``REMOTE``, the Redis "default" alias), where the
values are stored zlib-compressed. A hit in the process costs no round trip and no unpickling; a
miss costs one round trip and a decompression. Safe only for keys that never change meaning:
every key of the page and fragment caches contains the content versions (core/cache.py), so an
edit changes the key and no process serves the old value. Mutable data (sessions, rate limits,
the versions themselves) stays in the default cache.
"""

from __future__ import annotations

import logging
import pickle
import threading
import time
import zlib
from collections import OrderedDict
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

# Beyond this many keys missed during one outage, the whole cache is cleared on recovery.
MAX_REMEMBERED = 1000


def cache_errors() -> tuple[type[BaseException], ...]:
    """What a call to Redis raises when Redis cannot be reached (or answers with an error)."""
    from redis.exceptions import RedisError

    return (RedisError, OSError)


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's Redis client that keeps one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` on every cache call, and each copies its ~100 response
    callbacks: about 0.1 ms of CPU per call, a dozen calls a request. A ``redis.Redis`` is
    thread-safe (connections come from the pool per command) and the pool re-creates its
    connections after a fork, so one client per pool serves every thread of a process."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class ReusingRedisCache(RedisCache):
    """Django's ``RedisCache`` on :class:`ReusingRedisCacheClient` (rate-limit counters)."""

    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient


class TolerantRedisCache(ReusingRedisCache):
    """Django's Redis cache; misses and skipped writes while Redis is unreachable."""

    def __init__(self, server: str, params: dict) -> None:
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", 5))
        options.setdefault("socket_connect_timeout", 1)
        options.setdefault("socket_timeout", 1)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0
        self._missed: set[tuple[str, Any]] = set()
        self._overflow = False
        self._lock = threading.Lock()

    # -- outage bookkeeping ------------------------------------------------------------------
    @property
    def is_down(self) -> bool:
        """Whether Redis failed within the last ``retry_after`` seconds."""
        return time.monotonic() < self._down_until

    def _failed(self, error: BaseException, operation: str) -> None:
        if not self.is_down:
            logger.warning("Cache unavailable (%s during %s): serving uncached for now", error, operation)
        self._down_until = time.monotonic() + self.retry_after

    def _remember(self, keys, version) -> None:
        with self._lock:
            for key in keys:
                if len(self._missed) >= MAX_REMEMBERED:
                    self._overflow = True
                    return
                self._missed.add((key, version))

    def _recover(self) -> None:
        """Redis answers again: delete what could not be written during the outage."""
        if not (self._missed or self._overflow):
            return
        with self._lock:
            missed, overflow = self._missed, self._overflow
            self._missed, self._overflow = set(), False
        try:
            if overflow:
                super().clear()
            else:
                for key, version in missed:
                    super().delete(key, version=version)
        except cache_errors() as error:
            self._failed(error, "recovery")
            with self._lock:
                self._missed |= missed
                self._overflow = self._overflow or overflow
            raise
        logger.warning("Cache available again: %s stale key(s) removed", "all" if overflow else len(missed))

    def _read(self, operation: str, default: Any, call):
        if self.is_down:
            return default
        try:
            self._recover()
            return call()
        except cache_errors() as error:
            self._failed(error, operation)
            return default

    def _write(self, operation: str, keys, version, default: Any, call):
        if self.is_down:
            self._remember(keys, version)
            return default
        try:
            self._recover()
            return call()
        except cache_errors() as error:
            self._failed(error, operation)
            self._remember(keys, version)
            return default

    # -- reads -------------------------------------------------------------------------------
    def get(self, key, default=None, version=None):
        return self._read("get", default, lambda: super(TolerantRedisCache, self).get(key, default, version))

    def get_many(self, keys, version=None):
        return self._read("get_many", {}, lambda: super(TolerantRedisCache, self).get_many(keys, version))

    def has_key(self, key, version=None):
        return self._read("has_key", False, lambda: super(TolerantRedisCache, self).has_key(key, version))

    # -- writes ------------------------------------------------------------------------------
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        call = lambda: super(TolerantRedisCache, self).add(key, value, timeout, version)  # noqa: E731
        return self._write("add", [key], version, False, call)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        call = lambda: super(TolerantRedisCache, self).set(key, value, timeout, version)  # noqa: E731
        return self._write("set", [key], version, None, call)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        call = lambda: super(TolerantRedisCache, self).touch(key, timeout, version)  # noqa: E731
        return self._write("touch", [key], version, False, call)

    def delete(self, key, version=None):
        call = lambda: super(TolerantRedisCache, self).delete(key, version)  # noqa: E731
        return self._write("delete", [key], version, False, call)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        call = lambda: super(TolerantRedisCache, self).set_many(data, timeout, version)  # noqa: E731
        return self._write("set_many", list(data), version, list(data), call)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        call = lambda: super(TolerantRedisCache, self).delete_many(keys, version)  # noqa: E731
        return self._write("delete_many", keys, version, None, call)

    def clear(self):
        if self.is_down:
            self._overflow = True
            return False
        try:
            return super().clear()
        except cache_errors() as error:
            self._failed(error, "clear")
            self._overflow = True
            return False


_MISSING = object()


class TwoLevelCache(BaseCache):
    """In-process LRU over a shared cache; values compressed in the shared one."""

    def __init__(self, location: str, params: dict):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.remote_alias = options.get("REMOTE", "default")
        self.local_seconds = float(options.get("LOCAL_SECONDS", 60))
        self.local_entries = int(options.get("LOCAL_ENTRIES", 1000))
        self.min_compress = int(options.get("MIN_COMPRESS", 512))
        self._local: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def remote(self) -> BaseCache:
        return caches[self.remote_alias]

    # -- the in-process level
    def _local_get(self, key: str):
        with self._lock:
            entry = self._local.get(key)
            if entry is None:
                return _MISSING
            expires, value = entry
            if expires < time.monotonic():
                del self._local[key]
                return _MISSING
            self._local.move_to_end(key)
            return value

    def _local_set(self, key: str, value, timeout) -> None:
        """Keep ``value`` here for at most LOCAL_SECONDS (``timeout``: seconds as given to set())."""
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        seconds = self.local_seconds if timeout is None else min(self.local_seconds, float(timeout))
        if seconds <= 0:
            with self._lock:
                self._local.pop(key, None)
            return
        with self._lock:
            self._local[key] = (time.monotonic() + seconds, value)
            self._local.move_to_end(key)
            while len(self._local) > self.local_entries:
                self._local.popitem(last=False)

    # -- encoding for the shared level
    def _encode(self, value) -> bytes:
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(data) >= self.min_compress:
            return b"z" + zlib.compress(data, 1)
        return b"p" + data

    @staticmethod
    def _decode(data: bytes):
        if data[:1] == b"z":
            return pickle.loads(zlib.decompress(data[1:]))
        return pickle.loads(data[1:])

    # -- the cache API
    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        value = self._local_get(key)
        if value is not _MISSING:
            return value
        data = self.remote.get(key, version=version)
        if data is None:
            return default
        value = self._decode(data)
        self._local_set(key, value, self.local_seconds)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._local_set(key, value, timeout)
        self.remote.set(key, self._encode(value), timeout=timeout, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.get(key, _MISSING, version=version) is not _MISSING:
            return False
        self.set(key, value, timeout, version)
        return True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self.remote.touch(key, timeout, version=version)

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._local.pop(key, None)
        return self.remote.delete(key, version=version)

    def has_key(self, key, version=None):
        return self.get(key, _MISSING, version=version) is not _MISSING

    def clear(self):
        with self._lock:
            self._local.clear()
        # The shared level holds other data too (sessions, rate limits): its version-keyed
        # values expire by themselves; clear it through its own alias when needed.
