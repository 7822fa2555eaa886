"""What the home page shows, gathered from the apps.

Each app may offer ``<app>.public.home_context(request) -> dict`` with the keys listed in
``HOME_KEYS``. Every key reaches the template as a lazy object: a provider is called only
when its part of the page is rendered, so a cached home page runs no query at all.
"""

from __future__ import annotations

from importlib import import_module

from django.utils.functional import SimpleLazyObject

HOME_KEYS: dict[str, tuple[str, ...]] = {
    "commitments": ("plan", "themes"),
    "minutes": ("latest_minutes",),
    "consultations": ("open_consultations",),
}


def _provider(app: str):
    try:
        module = import_module(f"{app}.public")
    except ModuleNotFoundError as error:
        if error.name != f"{app}.public":
            raise
        return None
    return getattr(module, "home_context", None)


def home_context(request) -> dict:
    """Lazy values for every key of ``HOME_KEYS`` (``None`` where an app offers nothing)."""
    context: dict = {}
    for app, keys in HOME_KEYS.items():
        provider = _provider(app)
        if provider is None:
            context.update(dict.fromkeys(keys))
            continue
        results: dict = {}

        def provided(provider=provider, results=results) -> dict:
            if not results:
                results.update(provider(request) or {})
                results.setdefault("__called__", True)
            return results

        for key in keys:
            context[key] = SimpleLazyObject(lambda key=key, provided=provided: provided().get(key))
    return context
