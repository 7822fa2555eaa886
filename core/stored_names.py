"""Names of Wagtail workflows and tasks, shown in the reader's language (rule F-7).

Wagtail stores one ``name`` per ``Workflow`` and ``Task`` row and prints it in dozens of places
(listings, the status side panel, the dashboard, its notification emails). Translating those
columns with django-modeltranslation would add migrations to Wagtail's own app, which we do not
own (see STACK_NOTES). Instead the names our set-up creates are stored as English gettext msgids
(``gettext_noop`` in the owning app, translated in its catalogue) and registered here; reading
``workflow.name`` or ``task.name`` returns the msgid translated into the active language
(English in the English admin, Chinese in the Chinese admin and in a Chinese recipient's email).

Only registered names are translated: a name an editor typed is shown as typed. Writes and edit
forms see the stored value (``pre_save`` and ``value_from_object`` read the raw column), so saving
a workflow in the Chinese admin never replaces the msgid with its translation.
"""

from __future__ import annotations

from typing import Any

from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext, gettext_noop

# Wagtail's migration 0048 names the default page workflow and its task after the group that had
# page-publishing rights ("Moderators approval"). ``names_rename_legacy`` gives them our names.
PAGE_WORKFLOW_NAME = gettext_noop("Page review (NDC editors)")
PAGE_TASK_NAME = gettext_noop("Review by NDC editors")
LEGACY_PAGE_NAMES = ("Moderators approval", "Editors approval")

_REGISTERED: set[str] = {PAGE_WORKFLOW_NAME, PAGE_TASK_NAME}


def register(*names: str) -> None:
    """Declare ``names`` (English msgids of workflows or tasks we create) as translatable."""
    _REGISTERED.update(names)


def translated(value: Any) -> Any:
    """``value`` in the active language when it is a registered name; otherwise unchanged."""
    if isinstance(value, str) and value in _REGISTERED:
        return gettext(value)
    return value


class TranslatedName(DeferredAttribute):
    """The model attribute of a ``name`` column: the stored msgid, read translated."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None:
            return value
        return translated(value)

    def __set__(self, instance, value):
        # A data descriptor (Django's own is not), so reads come here even once the value is loaded.
        instance.__dict__[self.field.attname] = value


def _raw(field):
    def pre_save(model_instance, add):
        return model_instance.__dict__.get(field.attname)

    def value_from_object(obj):
        return obj.__dict__.get(field.attname)

    return pre_save, value_from_object


def install() -> None:
    """Make ``Workflow.name`` and ``Task.name`` (and so every subclass) read translated. Once."""
    from wagtail.models import Task, Workflow

    for model in (Workflow, Task):
        field = model._meta.get_field("name")
        if isinstance(model.__dict__.get(field.attname), TranslatedName):
            continue
        setattr(model, field.attname, TranslatedName(field))
        # Instance attributes, not a new field class: the field still deconstructs as Wagtail's
        # own CharField, so ``makemigrations`` sees no change in Wagtail's app.
        field.pre_save, field.value_from_object = _raw(field)


def names_rename_legacy() -> None:
    """Give Wagtail's default page workflow and task our translatable names (existing sites too)."""
    from wagtail.models import Task, Workflow

    Workflow.objects.filter(name__in=LEGACY_PAGE_NAMES).update(name=PAGE_WORKFLOW_NAME)
    Task.objects.filter(name__in=LEGACY_PAGE_NAMES).update(name=PAGE_TASK_NAME)
