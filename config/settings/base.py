"""Settings shared by every environment.

Every value that differs between deployments comes from the environment, read with
django-environ (``env``): ``DATABASE_URL``, ``REDIS_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``,
``EMAIL_*`` ... (the list is in README.md, "Production"). Other modules of ``config.settings``
import ``env`` from here: ``from .base import env``.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()


INSTALLED_APPS = [
    # modeltranslation must come before the Wagtail and Django admin apps.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "core",
    "accounts",
    "commitments",
    "forum",
    "minutes",
    "consultations",
    "proposals",
    "budgeting",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    # django-ninja's own Swagger UI files: /api/v1/docs works offline (no CDN).
    "ninja",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files (collected, hashed, compressed) straight from the WSGI process.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers anonymous visitors from the page cache before the rest of the stack runs.
    "core.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site_context",
            ],
            "builtins": ["core.templatetags.ogp"],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database: SQLite file by default so that `make run` works anywhere;
# PostgreSQL (production, CI) when DATABASE_URL is set.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several server processes share one file: wait for the write lock instead of failing,
    # take it at the start of a write transaction, and let readers run beside the writer.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side parameter binding, and prepared statements: psycopg sends a query and its
    # parameters apart, and prepares a query text once it has run DATABASE_PREPARE_THRESHOLD (5)
    # times on a connection, so PostgreSQL stops parsing and planning the same queries again and
    # again (served, bench/README.md "Prepared statements": PostgreSQL's CPU per cold home page
    # 3.5 -> 1.0 ms). Connections are kept (CONN_MAX_AGE), so are their prepared statements.
    # DATABASE_SERVER_SIDE_BINDING=false turns both off (behind a pooler in transaction mode, where
    # a prepared statement may be on another server connection).
    if env.bool("DATABASE_SERVER_SIDE_BINDING", default=True):
        DATABASES["default"]["OPTIONS"] = {
            **DATABASES["default"].get("OPTIONS", {}),
            "server_side_binding": True,
            "prepare_threshold": env.int("DATABASE_PREPARE_THRESHOLD", default=5),
        }
# A streaming read replica of PostgreSQL (docs/deploy.md): reads go there, writes to the primary.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["OPTIONS"] = {
        **DATABASES["replica"].get("OPTIONS", {}),
        **{
            key: value
            for key, value in DATABASES["default"].get("OPTIONS", {}).items()
            if key in ("server_side_binding", "prepare_threshold")
        },
    }
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["core.db_router.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
    # object permissions: the rules predicates of each app's permissions.py (core/permissions.py)
    "rules.permissions.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation (rule F-7): Traditional Chinese first, English second.
LANGUAGE_CODE = "zh-hant"
LANGUAGES = [
    ("zh-hant", "中文"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Taipei"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "zh-hant"
MODELTRANSLATION_LANGUAGES = ("zh-hant", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("zh-hant",)
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
# Both languages side by side in every admin form by default (the picker can still hide one).
WAGTAILMODELTRANSLATION_LOCALE_PICKER_DEFAULT = ("zh-hant", "en")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "assets"]
# Collected files get hashed names and gzip/brotli copies; WhiteNoise serves them with
# far-future cache headers. Needs `collectstatic` under the same settings (`make setup` runs it).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env("STATICFILES_BACKEND", default="whitenoise.storage.CompressedManifestStaticFilesStorage")
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))

WAGTAIL_SITE_NAME = _("Open Government Co-creation")
# The public site address (core/links.py): every link in an email, Wagtail's admin links and
# allauth's site name (Sites framework, set by `setup_site`) come from this one setting.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default=env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")).rstrip(
    "/"
)
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
SITE_ID = 1
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# No external services: no Gravatar look-ups from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Email: console in development; SMTP from the environment in production.
# Outgoing email goes through the task queue (core/email.py: email_enqueue): the worker sends,
# retries, and keeps failed messages visible in the admin (Settings → Outgoing email).
# Every email of the site is queued (core.email.QueuedEmailBackend) and delivered by the worker
# through EMAIL_DELIVERY_BACKEND (console here; SMTP with EMAIL_HOST ... in production).
EMAIL_BACKEND = env("EMAIL_BACKEND", default="core.email.QueuedEmailBackend")
EMAIL_DELIVERY_BACKEND = env("EMAIL_DELIVERY_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="OGP Taiwan <noreply@ogp.localhost>")
# Attempts before an email is marked failed (the delay doubles from EMAIL_RETRY_SECONDS).
EMAIL_MAX_ATTEMPTS = env.int("EMAIL_MAX_ATTEMPTS", default=6)
EMAIL_RETRY_SECONDS = env.int("EMAIL_RETRY_SECONDS", default=60)

# Background work (django-tasks): the database backend, run by `manage.py run_worker`
# (`make run` and the Procfile start it). Tests use the immediate backend.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="core.task_queue.DatabaseBackend")}}
# A task still "running" this long after its worker was last seen is run again (a killed worker).
TASK_STALE_SECONDS = env.int("TASK_STALE_SECONDS", default=3600)

# Cache: Redis when REDIS_URL is set (required in production: several processes share
# sessions, rate limits and content versions), local memory otherwise.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        # Reads miss and writes are skipped while Redis is down: pages answer uncached (core/cache_backends.py).
        "default": {
            "BACKEND": "core.cache_backends.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            # Several sites (or test runs) may share one Redis database.
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default=""),
        },
        # Rate-limit counters: never tolerant, so limits fail safe (core/ratelimit.py).
        "ratelimit": {
            "BACKEND": "core.cache_backends.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="") + "rl",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ogp"}}
# Pages and fragments (version-keyed, never changing meaning): a small in-process LRU in front of
# the default cache, compressed there (core/cache_backends.py).
CACHES["template_fragments"] = {
    "BACKEND": "core.cache_backends.TwoLevelCache",
    "OPTIONS": {"REMOTE": "default", "LOCAL_SECONDS": 60, "LOCAL_ENTRIES": 2000},
}
# Full-page cache for anonymous visitors (core/middleware.py); 0 turns it off.
CACHE_MIDDLEWARE_SECONDS = env.int("CACHE_MIDDLEWARE_SECONDS", default=60)
# A CDN or reverse-proxy cache in front (docs/deploy.md): anonymous public pages say
# `Cache-Control: public, s-maxage=CDN_CACHE_SECONDS` (0: not shared-cacheable), and Wagtail purges
# its pages on publish through FRONTEND_CACHE_PURGE_URL (an HTTP PURGE endpoint: Varnish, nginx).
CDN_CACHE_SECONDS = env.int("CDN_CACHE_SECONDS", default=0)
if env("FRONTEND_CACHE_PURGE_URL", default=""):
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }
# Cached fragments of public pages (core/cache.py): invalidated on every content change,
# this bounds staleness for writes that bypass model signals.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=300)

# Accounts (django-allauth): email is the login, verified before taking part.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# URL names, reversed in the visitor's language (/en/... for English readers, rule F-7);
# the adapter keeps the language on every allauth redirect and writes emails in the reader's.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Demo accounts and demo data: only development and tests turn this on.
DEMO_DATA_ALLOWED = False

# Public-site pagination.
PAGE_SIZE = 20
API_PAGE_SIZE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Accounts: how a user appears in public is chosen at sign-up (T-3). Consultations' rate limits
# (per user and per IP, in the cache) are consultations.rules.USER_RATE / IP_RATE; a deployment
# may override them with CONSULTATION_RATE_LIMITS = {"user": (count, seconds), "ip": (...)}.
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
# Minutes: rebuild a minutes' stored PDFs (a background task) when it is published or changes.
MINUTES_BUILD_PDFS = True
# Seconds of citizen proposals per user and per IP (a campus NAT seconds together): (count, seconds).
PROPOSAL_SECOND_RATE_LIMITS = {"user": (10, 60), "ip": (120, 60)}

# --- Hardening: client address and rate limits (core/net.py, core/ratelimit.py) ---
# How many reverse proxies in front of the site append to X-Forwarded-For (0: none, REMOTE_ADDR
# is the client). Every rate limit (comments, logins, allauth's) uses core.net.client_ip.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# allauth's adapter (accounts/adapter.py): language kept, emails in the reader's language,
# client address from core.net, sign-ins through accounts.throttle.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Sign-ins (public and admin) are throttled by accounts.throttle, per account and, much higher so
# that a NAT is not locked out together, per address: (count, seconds). allauth's own
# login_failed limit is off (it would lock a NAT at 5 per IP). The limits are
# accounts.throttle.DEFAULT_LIMITS; LOGIN_RATE_LIMITS = {"account": (count, seconds), ...} overrides.
ACCOUNT_RATE_LIMITS = {"login_failed": None}
# allauth's other limits (sign-up, password reset ...) count in the default cache, which tolerates
# an outage: while the rate-limit store is down, POSTs there are refused (core.ratelimit.GuardMiddleware).
RATE_LIMITED_POST_PREFIXES = ["/accounts/", "/en/accounts/"]
MIDDLEWARE.append("core.ratelimit.GuardMiddleware")
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.admin_login.AdminLoginForm"
# Staff reset their password through the public, rate-limited reset (allauth).
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Content-Security-Policy (core/csp.py, django-csp): public pages without 'unsafe-inline'; the
# Wagtail admin keeps what it needs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Right after SecurityMiddleware: every answer gets the header, page-cached ones included.
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "core.csp.PathCSPMiddleware")
ADMIN_CONTENT_SECURITY_POLICY = {
    "PATHS": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# --- end hardening ---

# --- Participatory budgeting ---
# The voter roll's keyed hash has its own secret (never SECRET_KEY; production refuses to start
# without one). The household registry: "file" (shipped test identities) or "http" (URL below).
BUDGETING_VOTER_KEY = env("BUDGETING_VOTER_KEY", default="")
BUDGETING_REGISTRY = env("BUDGETING_REGISTRY", default="file")
BUDGETING_REGISTRY_URL = env("BUDGETING_REGISTRY_URL", default="")
BUDGETING_REGISTRY_TIMEOUT = env.float("BUDGETING_REGISTRY_TIMEOUT", default=5.0)
BUDGETING_REGISTRY_RETRIES = env.int("BUDGETING_REGISTRY_RETRIES", default=2)
BUDGETING_REGISTRY_FILE = env("BUDGETING_REGISTRY_FILE", default=str(BASE_DIR / "budgeting" / "test_identities.json"))
# Identity checks per browser session and per client address, as (count, seconds).
BUDGETING_IDENTITY_LIMITS = {"session": (5, 900), "ip": (30, 900)}
# --- end budgeting ---
