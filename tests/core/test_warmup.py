"""A web process is warmed in gunicorn's master before the workers are forked (core/warmup.py)."""

from __future__ import annotations

import subprocess
import sys

from django.conf import settings


def test_warm_process_opens_no_connection():
    """No database access here (pytest-django blocks it): a socket opened in the master would be
    shared by every forked worker."""
    from core.warmup import warm_process

    warm_process()


def test_the_wsgi_module_leaves_the_process_warm():
    """After importing config.wsgi (what the master does), the first request finds the cache
    client library, the URL resolver and the catalogues ready."""
    code = (
        "import sys, os\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings.test'\n"
        "import config.wsgi\n"
        "from django.urls import get_resolver\n"
        "from django.utils.translation import trans_real\n"
        "assert get_resolver()._populated\n"
        "assert {'zh-hant', 'en'} <= set(trans_real._translations)\n"
        "print('warm')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, capture_output=True, text=True)
    assert done.stdout.strip() == "warm", done.stderr
