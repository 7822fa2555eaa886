"""Values every public template needs."""

from django.conf import settings

from core import i18n


def site_context(request):
    """The language list for the switch and the current language."""
    return {
        "LANGUAGE_CHOICES": settings.LANGUAGES,
        "CURRENT_LANGUAGE": i18n.current_language(),
    }
