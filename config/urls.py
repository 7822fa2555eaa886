"""URLs: the admin and API unprefixed; public pages in Chinese at / and English at /en/."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

from .api import api

# Each app's public pages; an app left out of INSTALLED_APPS has none.
APPS_WITH_URLS = ["commitments", "forum", "minutes", "consultations", "proposals", "budgeting", "accounts"]

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("favicon.ico", core_views.favicon),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", core_views.home, name="home"),
    path("search/", core_views.search, name="search"),
    *[path("", include(f"{app}.urls")) for app in APPS_WITH_URLS if apps.is_installed(app)],
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns() + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
    )
elif getattr(settings, "SERVE_MEDIA", False):  # `make run` (config.settings.local); production: object storage
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns = [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ] + urlpatterns
