"""Benchmark settings: production-like (DEBUG off, real template caching) on a test database."""

from .test import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ROOT_URLCONF = "config.urls_bench"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
# As in production: fragments cached and invalidated on change; no full-page cache.
FRAGMENT_CACHE_SECONDS = 300
CACHE_MIDDLEWARE_SECONDS = 0  # bench_baseline turns the page cache on for its cached figure
