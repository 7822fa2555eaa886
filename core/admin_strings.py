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
    gettext_noop("Help"),
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Privacy and access"),
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("Section"),
    gettext_noop("Keyboard shortcut"),
    gettext_noop("Application"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Toggle sidebar"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Save changes"),
    gettext_noop("Add or show comments"),
    gettext_noop("Text editing"),
    gettext_noop("Cut"),
    gettext_noop("Paste"),
    gettext_noop("Paste without formatting"),
    gettext_noop("Text formatting"),
    gettext_noop("Insert or edit a link"),
    gettext_noop("Monospace (code)"),
    gettext_noop("Strike-through"),
    gettext_noop("Task submitted by"),
    gettext_noop("View / edit fields for"),
    gettext_noop("A network error occurred"),
]

# Wagtail's notification emails about snippets (minutes, commitment tables) and a few page ones:
# missing from its zh_Hant catalogue, so Chinese recipients got English sentences.
WAGTAIL_EMAIL_STRINGS = [
    gettext_noop('%(editor)s has updated comments on "%(title)s"'),
    gettext_noop('%(editor)s has updated comments on "%(title)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected in moderation stage "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s"'),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted for approval to moderation stage "%(task)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop('The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop("You can edit the %(model_name)s here:"),
    gettext_noop("You can preview the %(model_name)s here:"),
]
