"""What the home page shows, gathered from the apps.

Each app may offer a ``public.home_context(request) -> dict`` function; the home page
template reads the keys it documents (``plan``, ``themes``, ``latest_minutes``,
``open_consultations``). An app that has nothing to show yet leaves its key out and
the template says so.
"""

from __future__ import annotations

from importlib import import_module

HOME_APPS = ("commitments", "forum", "minutes", "consultations")


def home_context(request) -> dict:
    """Each app's contribution. Providers should return lazy values (querysets, or
    ``SimpleLazyObject``) so that a cached fragment of the home page costs no query."""
    context: dict = {"latest_minutes": None, "open_consultations": None}
    for app in HOME_APPS:
        try:
            module = import_module(f"{app}.public")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.public":
                raise
            continue
        provider = getattr(module, "home_context", None)
        if provider is not None:
            context.update(provider(request))
    return context
