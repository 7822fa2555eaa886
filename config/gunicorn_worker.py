"""gunicorn's threaded worker (``gthread``) that leaves new connections to the other workers while
all of its own threads are busy.

The workers of one gunicorn share the listening socket, and whichever wakes first accepts. When
several clients connect at once (a page's assets, a proxy opening its pool, a load generator), one
worker often takes all of them and keeps them (keep-alive): measured with 2 workers and 8
connections (wrk), about one run in six had every connection on one worker, which then served
everything on one CPU while the other sat idle: half the throughput (e.g. 950 against 2,500
requests a second). This worker stops accepting while each of its threads has a request in hand,
so the next connection goes to a worker with a free thread (or waits in the socket's backlog
until one frees, as it would have waited in this worker's queue). Idle kept-alive connections do
not count: only requests being handled.
"""

from __future__ import annotations

from gunicorn.workers.gthread import ThreadWorker


class BalancedThreadWorker(ThreadWorker):
    """``gthread`` that accepts only while one of its threads is free (see the module docstring)."""

    def __init__(self, *args, **kwargs) -> None:
        self.busy = 0  # requests submitted to the thread pool and not finished
        super().__init__(*args, **kwargs)

    # The event loop (ThreadWorker.run) accepts while ``nr_conns < worker_connections``: the limit
    # reads as 0 while every thread is busy. It is re-checked as soon as a request finishes (the
    # finished request wakes the loop).
    @property
    def worker_connections(self) -> int:
        return 0 if self.busy >= self.cfg.threads else self._connections_limit

    @worker_connections.setter
    def worker_connections(self, value: int) -> None:
        self._connections_limit = value

    def enqueue_req(self, conn) -> None:
        self.busy += 1
        super().enqueue_req(conn)

    def finish_request(self, conn, fs) -> None:
        self.busy -= 1
        super().finish_request(conn, fs)
