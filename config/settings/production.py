"""Production settings: everything from the environment, no insecure default.

Refuses to start without a strong ``SECRET_KEY``, an explicit ``ALLOWED_HOSTS`` and ``REDIS_URL``
(several web processes and the worker share sessions, cache, rate limits and content versions
through Redis; a per-process cache would serve stale pages).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, env

DEBUG = False

SECRET_KEY = env("SECRET_KEY", default="")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment to a random value of at least 50 characters.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment (comma-separated host names).")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

if not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL must be set in the environment (e.g. redis://127.0.0.1:6379/0): the web processes and the "
        "worker share sessions, cache, rate limits and content versions through it."
    )
# Sessions read through the cache, written to the database (shared by every process): core/sessions.py.
SESSION_ENGINE = "core.sessions"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
X_FRAME_OPTIONS = "DENY"

EMAIL_DELIVERY_BACKEND = env("EMAIL_DELIVERY_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")

# Participatory budgeting: the voter roll's own secret, and the real household registry by default.
BUDGETING_VOTER_KEY = env("BUDGETING_VOTER_KEY", default="")
if len(BUDGETING_VOTER_KEY) < 32 or BUDGETING_VOTER_KEY == SECRET_KEY:
    raise ImproperlyConfigured("BUDGETING_VOTER_KEY must be set to its own random value of at least 32 characters.")
BUDGETING_REGISTRY = env("BUDGETING_REGISTRY", default="http")
