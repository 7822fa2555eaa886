"""gunicorn settings of the web processes (`make run`, Procfile): `gunicorn -c config/gunicorn.py config.wsgi`.

Environment: ``PORT`` (8000), ``BIND_HOST`` (127.0.0.1; 0.0.0.0 in a container behind a proxy),
``WEB_CONCURRENCY`` (worker processes, default 2 per core), ``WEB_THREADS`` (threads per worker,
default 3: gunicorn's ``gthread`` worker; 1 gives sync workers).

Why threads: a write waits on I/O for most of its time: PostgreSQL's commit (the WAL flush, about 1
ms here, since every accepted write is durable before the answer), and a few Redis and SQL round
trips. A sync worker sits idle through each wait; with threads a worker serves other requests
meanwhile, so 2 processes keep both CPUs busy (bench/README.md: on the same busy machine, comments
28 → 48/s and ballots 19 → 32/s going from 1 to 4 threads). Python code still runs one thread at a
time per process (the GIL), so more threads do not add CPU: past what hides the waits they add
GIL hand-overs and concurrent transactions queuing on the same rows. Once the write paths were
trimmed (a comment ~4.5 ms of CPU), 3 threads did at least as well as 4 or 6 (served, 64 clients,
alternating runs: comments 277-353/s with 3, 265-319/s with 4, 277-308/s with 6; CPU per comment
4.2-5.3 ms against 4.6-5.5 ms; full `make bench` runs: comments 280 against 197/s, seconds 300
against 257/s, ballots 318 against 245/s; every page figure as good). Each thread holds its own
PostgreSQL connection (CONN_MAX_AGE), so web connections = workers x threads (6 with the
defaults), well under ``max_connections``. The project's code keeps no per-request state in
module globals (per-process caches are guarded or idempotent), which threads require.
"""

import gc
import multiprocessing
import os

bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", str(max(2, multiprocessing.cpu_count() * 2))))
threads = int(os.environ.get("WEB_THREADS", "3"))
# gthread: a thread pool per worker; idle keep-alive connections wait in the worker's poller,
# not in a thread.
# gthread, balanced: a worker whose threads are all busy leaves new connections to the others
# (config/gunicorn_worker.py).
worker_class = "config.gunicorn_worker.BalancedThreadWorker" if threads > 1 else "sync"
# Several masters on one machine (Procfile `-c web=2`, the bench): no shared control socket.
control_socket_disable = True
# Load the project once in the master: faster start, less memory (copy-on-write).
preload_app = True


def pre_fork(server, worker):
    """Move everything the master loaded (Django, Wagtail, the URLconf, templates: some 250,000
    objects) to the collector's permanent generation before forking a worker. Otherwise each full
    collection in a worker walks all of them again: measured in process, 5 to 12 ms of CPU a
    request on average on pages that build many objects (the forums API). Frozen objects are also
    never written by the collector, so they stay shared copy-on-write with the master."""
    gc.collect()
    gc.freeze()


# Recycle workers now and then (memory growth in long-lived processes).
# Recycling a worker (a guard against slow memory growth) is not free under load: the stopping
# worker's kept-alive clients reconnect to the workers still running, and a fresh fork gets none of
# them until they reconnect again, so one process serves them all on one CPU meanwhile (the bench
# saw pages at ~50 % of the floor whenever both workers reached 20,000 requests during their
# figure). Rare enough to never hit a burst: about an hour per worker at 50 requests a second,
# minutes at full load. A fresh fork starts warm (core/warmup.py, run in the master).
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "200000"))
max_requests_jitter = max_requests // 10
timeout = 60
graceful_timeout = 30
keepalive = 5
accesslog = os.environ.get("WEB_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("WEB_LOG_LEVEL", "warning")
