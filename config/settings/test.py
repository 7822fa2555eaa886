"""Test settings: fast hashing, in-memory email and cache."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ogp-test"},
    "template_fragments": {"BACKEND": "core.cache_backends.TwoLevelCache", "OPTIONS": {"REMOTE": "default"}},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEMO_DATA_ALLOWED = True
# Tasks run at once, inside the test (after the transaction commits: wrap the call in
# ``django_capture_on_commit_callbacks(execute=True)``).
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}}
# Tests see every write at once; tests/core/test_cache.py turns fragments on to test them.
FRAGMENT_CACHE_SECONDS = 0
CACHE_MIDDLEWARE_SECONDS = 0
BUDGETING_VOTER_KEY = "test-only-voter-key"
# Every request closes its database connection (Django's default): the live server of the browser
# journeys answers each request in a thread of its own, and persistent connections left by those
# threads used up PostgreSQL's max_connections before the 64-thread concurrency tests.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
