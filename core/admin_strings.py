"""Wagtail interface strings missing from Wagtail's own zh_Hant catalogue (rule F-7).

Listed here so `make messages` extracts them into the site catalogue (``locale/``), where they are
translated; LOCALE_PATHS comes before the apps' catalogues, so our translation is the one shown.
Never imported: extraction reads the file.
"""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = [
    gettext_noop("Delete selected snippets"),
]
