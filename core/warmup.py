"""Per-process start-up work done once, before a web process serves anything.

gunicorn loads the application in its master (``preload_app``) and forks the workers from it; a
worker is also replaced by a fresh fork every ``max_requests`` (config/gunicorn.py). Whatever
Django and its libraries set up lazily on a process's *first* request is therefore paid again by
every new worker, while it already has clients waiting: measured on the bench data, the first
request of a fresh fork cost about 450 ms of CPU, even for a page-cache hit (importing the Redis
client alone, on the first cache call, took 270 ms), against 0.3-0.5 ms for the next ones.
``warm_process()`` does that work in the master, so that every fork inherits it (copy-on-write);
a fresh worker's first page-cache hit then costs about 10 ms.

It opens no connection (no database, no Redis, no file served): a socket opened in the master
would be shared by every worker.
"""

from __future__ import annotations


def warm_process() -> None:
    """Import and build what the first request would otherwise build lazily (no I/O)."""
    from django.conf import settings
    from django.core.cache import caches
    from django.urls import get_resolver
    from django.utils import translation

    # Cache backends and their client libraries (redis-py imports its whole package on first use).
    # Building a client object creates its connection pool, not a connection.
    for alias in settings.CACHES:
        backend = caches[alias]
        if hasattr(type(backend), "_cache"):
            backend._cache  # noqa: B018 - the cached property imports and builds the client
    # The URL resolver, the API's routes included.
    get_resolver()._populate()
    # The translation catalogues of every language.
    current = translation.get_language()
    for code, _name in settings.LANGUAGES:
        translation.activate(code)  # loads the language's catalogues
    if current:
        translation.activate(current)
    else:
        translation.deactivate()
