"""gunicorn settings of the web processes (`make run`, Procfile): `gunicorn -c config/gunicorn.py config.wsgi`.

Environment: ``PORT`` (8000), ``BIND_HOST`` (127.0.0.1; 0.0.0.0 in a container behind a proxy),
``WEB_CONCURRENCY`` (worker processes, default 2 per core), ``WEB_THREADS`` (1: sync workers).
"""

import multiprocessing
import os

bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", str(max(2, multiprocessing.cpu_count() * 2))))
threads = int(os.environ.get("WEB_THREADS", "1"))
# Several masters on one machine (Procfile `-c web=2`, the bench): no shared control socket.
control_socket_disable = True
# Load the project once in the master: faster start, less memory (copy-on-write).
preload_app = True
# Recycle workers now and then (memory growth in long-lived processes).
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "20000"))
max_requests_jitter = 2000
timeout = 60
graceful_timeout = 30
keepalive = 5
accesslog = os.environ.get("WEB_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("WEB_LOG_LEVEL", "warning")
