"""Values every public template needs."""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from core import i18n, providers
from core.cache import content_version


def site_context(request):
    """The language switch (the same page in each language), the current language and the
    content version that keys cached fragments; the links the apps offer for the main
    navigation and the account menu (``core.providers``)."""
    path = request.get_full_path()
    return {
        "LANGUAGE_CHOICES": settings.LANGUAGES,
        "LANGUAGE_URLS": SimpleLazyObject(
            lambda: [(code, name, translate_url(path, code)) for code, name in settings.LANGUAGES]
        ),
        "CURRENT_LANGUAGE": i18n.current_language(),
        "CONTENT_VERSION": SimpleLazyObject(content_version),
        "FRAGMENT_SECONDS": settings.FRAGMENT_CACHE_SECONDS,
        "NAVIGATION": SimpleLazyObject(lambda: providers.collect("navigation", request=request)),
        "ACCOUNT_LINKS": SimpleLazyObject(lambda: providers.collect("account_menu", request=request)),
        "FEEDS": SimpleLazyObject(lambda: providers.collect("feeds", request=request)),
    }
