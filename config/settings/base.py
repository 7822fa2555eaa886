"""Settings shared by every environment.

Every value that differs between deployments comes from the environment
(``DATABASE_URL``, ``REDIS_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``, ``EMAIL_*``).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    """An environment variable read as a boolean (1/true/yes/on)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


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
    "allauth",
    "allauth.account",
]

MIDDLEWARE = [
    "core.middleware.PageCacheUpdateMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Answers anonymous visitors from the page cache before the rest of the stack runs.
    "core.middleware.PageCacheFetchMiddleware",
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
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
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
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "assets"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

WAGTAIL_SITE_NAME = _("Open Government Co-creation")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# No external services: no Gravatar look-ups from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Email: console in development; SMTP from the environment in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "OGP Taiwan <noreply@ogp.localhost>")

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ogp"}}
# Full-page cache for anonymous visitors (core/middleware.py); 0 turns it off.
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("CACHE_MIDDLEWARE_SECONDS", "60"))
# Cached fragments of public pages (core/cache.py): invalidated on every content change,
# this bounds staleness for writes that bypass model signals.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))

# Accounts (django-allauth): email is the login, verified before taking part.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,5/5m/key"}
LOGIN_REDIRECT_URL = "/"

# Demo accounts and demo data: only development and tests turn this on.
DEMO_DATA_ALLOWED = False

# Public-site pagination.
PAGE_SIZE = 20
API_PAGE_SIZE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Accounts: how a user appears in public is chosen at sign-up (T-3); consultations' rate limits
# (per user and per IP, in the cache: Redis when REDIS_URL is set) as (count, seconds).
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
CONSULTATION_RATE_LIMITS = {"user": (5, 60), "ip": (20, 60)}
# Behind a reverse proxy: the request header holding the client's address (e.g. HTTP_X_FORWARDED_FOR).
CONSULTATION_CLIENT_IP_HEADER = os.environ.get("CONSULTATION_CLIENT_IP_HEADER", "")

# Participatory budgeting: the voter roll's keyed hash has its own secret (never SECRET_KEY; production
# refuses to start without one). The household registry: "file" (shipped test identities) or "http".
BUDGETING_VOTER_KEY = os.environ.get("BUDGETING_VOTER_KEY", "")
BUDGETING_REGISTRY = os.environ.get("BUDGETING_REGISTRY", "file")
BUDGETING_REGISTRY_URL = os.environ.get("BUDGETING_REGISTRY_URL", "")
BUDGETING_REGISTRY_TIMEOUT = float(os.environ.get("BUDGETING_REGISTRY_TIMEOUT", "5"))
BUDGETING_REGISTRY_RETRIES = int(os.environ.get("BUDGETING_REGISTRY_RETRIES", "2"))
BUDGETING_REGISTRY_FILE = os.environ.get(
    "BUDGETING_REGISTRY_FILE", str(BASE_DIR / "budgeting" / "test_identities.json")
)
# Identity checks per browser session and per client address, as (count, seconds).
BUDGETING_IDENTITY_LIMITS = {"session": (5, 900), "ip": (30, 900)}
