"""WSGI entry point (gunicorn loads it once in its master, ``preload_app``: see core/warmup.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

application = get_wsgi_application()

from core.warmup import warm_process  # noqa: E402 - needs the apps loaded above

warm_process()
