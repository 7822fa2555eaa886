"""`make bench`: the production configuration served on this machine (bench/README.md).

PostgreSQL (``DATABASE_URL``) and Redis (``REDIS_URL``) as in production; the bench sets
``CACHE_MIDDLEWARE_SECONDS`` / ``FRAGMENT_CACHE_SECONDS`` per mode. A fixed secret, plain HTTP on
127.0.0.1, demo data, the one-line floor view (config/urls_bench.py), no rate limit in the way of
the load generator.
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="bench-only-secret-key-never-use-in-production-0123456789")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "config.urls_bench"
DEMO_DATA_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_ENGINE = "core.sessions"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# 64 clients posting as fast as they can: the load generator is not an abuser.
CONSULTATION_RATE_LIMITS = {"user": (10_000_000, 60), "ip": (10_000_000, 60)}
PROPOSAL_SECOND_RATE_LIMITS = {"user": (10_000_000, 60), "ip": (10_000_000, 60)}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
BUDGETING_VOTER_KEY = env("BUDGETING_VOTER_KEY", default="bench-only-voter-key-never-use-in-production")
