"""The web worker (config/gunicorn_worker.py) leaves new connections to the other workers while
all of its threads are busy, so that one worker never ends up with every client (bench: half the
throughput whenever it did)."""

from __future__ import annotations

import logging
import os
from concurrent.futures import Future

from gunicorn.config import Config

from config.gunicorn_worker import BalancedThreadWorker


def _worker(threads: int = 4) -> BalancedThreadWorker:
    cfg = Config()
    cfg.set("threads", threads)
    cfg.set("worker_connections", 1000)
    return BalancedThreadWorker(0, os.getppid(), [], None, 30, cfg, logging.getLogger("test"))


class _Conn:
    def close(self, graceful: bool = False) -> None:
        pass


def test_accepts_while_a_thread_is_free_and_stops_when_all_are_busy(monkeypatch):
    worker = _worker(threads=4)
    submitted = []
    monkeypatch.setattr("gunicorn.workers.gthread.ThreadWorker.enqueue_req", lambda self, conn: submitted.append(conn))
    assert worker.worker_connections == 1000
    for _ in range(3):
        worker.enqueue_req(_Conn())
    assert worker.worker_connections == 1000  # one thread still free
    worker.enqueue_req(_Conn())
    assert worker.worker_connections == 0  # all four busy: the run loop stops accepting
    done = Future()
    done.set_result(False)  # the request ended and its connection closes
    worker.nr_conns = 4
    worker.finish_request(_Conn(), done)
    assert worker.busy == 3
    assert worker.worker_connections == 1000


def test_served_with_the_balanced_worker():
    import runpy
    from pathlib import Path

    settings = runpy.run_path(str(Path(__file__).resolve().parents[2] / "config" / "gunicorn.py"))
    assert settings["worker_class"] == "config.gunicorn_worker.BalancedThreadWorker"
