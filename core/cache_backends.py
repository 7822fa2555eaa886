"""A two-level cache for immutable, version-keyed values (pages and fragments).

``TwoLevelCache`` keeps recently used values in a small in-process LRU (``LOCAL_SECONDS``,
``LOCAL_ENTRIES``) in front of a shared cache (``REMOTE``, the Redis "default" alias), where the
values are stored zlib-compressed. A hit in the process costs no round trip and no unpickling; a
miss costs one round trip and a decompression. Safe only for keys that never change meaning:
every key of the page and fragment caches contains the content versions (core/cache.py), so an
edit changes the key and no process serves the old value. Mutable data (sessions, rate limits,
the versions themselves) stays in the default cache.
"""

from __future__ import annotations

import pickle
import threading
import time
import zlib
from collections import OrderedDict

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

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
