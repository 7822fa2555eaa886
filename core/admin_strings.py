"""Wagtail interface strings missing from Wagtail's own zh_Hant catalogue (rule F-7).

Listed here so `make messages` extracts them into the site catalogue (``locale/``), where they are
translated; LOCALE_PATHS comes before the apps' catalogues, so our translation is the one shown.
Never imported: extraction reads the file.
"""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = [
    gettext_noop("Delete selected snippets"),
    gettext_noop("Side panel width"),
    gettext_noop("Instances"),
    gettext_noop("Page types usage"),
    gettext_noop("App"),
    gettext_noop("Last edit"),
    gettext_noop("Last edited page"),
    gettext_noop("Aging pages"),
    gettext_noop("Last published by"),
    gettext_noop("Go to the first error"),
]
