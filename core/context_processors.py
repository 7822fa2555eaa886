"""Values every public template needs."""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from core import i18n
from core.cache import content_version


def site_context(request):
    """The language switch (the same page in each language), the current language and the
    content version that keys cached fragments."""
    path = request.get_full_path()
    return {
        "LANGUAGE_CHOICES": settings.LANGUAGES,
        "LANGUAGE_URLS": SimpleLazyObject(
            lambda: [(code, name, translate_url(path, code)) for code, name in settings.LANGUAGES]
        ),
        "CURRENT_LANGUAGE": i18n.current_language(),
        "CONTENT_VERSION": SimpleLazyObject(content_version),
        "FRAGMENT_SECONDS": settings.FRAGMENT_CACHE_SECONDS,
    }
