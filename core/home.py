"""What the home page shows, gathered from the apps through the ``home`` provider slot.

Each app registers a provider (``core.providers``, slot ``home``) returning a ``Section``: its
template and a lazy context. The sections reach the template as one lazy list: providers are
called only when the page's fragment is rendered, so a cached home page runs no query at all.
"""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from core import providers


def home_context(request) -> dict:
    """``home_sections``: the apps' sections of the home page (a lazy list)."""
    return {"home_sections": SimpleLazyObject(lambda: providers.collect("home", request=request))}
