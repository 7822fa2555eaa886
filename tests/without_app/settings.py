"""Test settings without apps above commitments (``WITHOUT_APPS``, comma-separated; default
consultations).

Used by tests/core/test_removable_apps.py, which runs ``tests/without_app/check_pages.py``
in a separate process under these settings.
"""

import os

from config.settings.test import *  # noqa: F403
from config.settings.test import DATABASES, INSTALLED_APPS

WITHOUT_APPS = os.environ.get("WITHOUT_APPS", "consultations").split(",")
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in WITHOUT_APPS]
MINUTES_BUILD_PDFS = False
# A test database of its own, so that it never touches the main run's one (PostgreSQL).
DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"]["NAME"] = f"test_{DATABASES['default']['NAME']}_without_{'_'.join(WITHOUT_APPS)}"
