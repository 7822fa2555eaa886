"""The role × URL matrix (issue 10): its vocabulary, URL discovery and the shared world.

How an app plugs in (docs/architecture.md, "Permissions"): add ``tests/security/matrix_<app>.py``
defining ``RULES`` (a list of :class:`Rule`) and, if the app has objects of its own, a function
``objects(world: World) -> None`` that adds them with ``world.add(kind, own=..., other=...,
secrets=...)``. ``own`` is the object of agency A / forum X (the officer's or the convener's);
``other`` belongs to another agency or forum. Every admin and API URL of the URL conf must be
matched by exactly one rule (the first that matches wins, modules in name order, ``matrix_wagtail``
last); an unmatched URL fails ``test_every_url_is_declared``.
"""

from __future__ import annotations

import fnmatch
import importlib
import pkgutil
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ("anonymous", "citizen", "officer", "convener", "moderator", "ndc_editor")
STAFF = ("officer", "convener", "moderator", "ndc_editor")
OWN, OTHER = "own", "other"
BOTH = frozenset({OWN, OTHER})
ONLY_OWN = frozenset({OWN})
ANY = BOTH  # for URLs without an object: allowed
LOGIN = "login"  # 302 to the admin login page (anonymous users, accounts without admin access)
DENIED = "denied"  # 302 to the admin home with "no permission" (Wagtail's refusal)


@dataclass(frozen=True)
class Rule:
    """What one group of URLs answers to each role.

    - ``names``: fnmatch globs on the URL name (``namespace:name``) or, for unnamed patterns, the
      route; ``obj``: the world's object kind whose pk fills ``pk`` (requested as own and other);
    - ``kwargs(world, side)``: other URL arguments (defaults for common names in ``World``);
    - ``allow``: role -> sides (``BOTH``, ``ONLY_OWN``) allowed; roles not listed are refused;
    - ``ok``: status when allowed (an int, or role -> int); ``refused``: what a refused staff
      role gets (``DENIED`` by default, or a status such as 404 for an object outside its scope);
    - ``public``: no login needed (API, admin login page): everyone gets ``ok``;
    - ``query``: a query string; ``skip``: why the URL is declared but not requested.
    """

    names: str | tuple[str, ...]
    obj: str | None = None
    kwargs: Callable[[Any, str | None], dict] | None = None
    allow: Mapping[str, frozenset] = field(default_factory=dict)
    ok: int | Mapping[str, int] = 200
    refused: str | int = DENIED
    public: bool = False
    query: str = ""
    skip: str = ""

    def matches(self, route: Route) -> bool:
        globs = (self.names,) if isinstance(self.names, str) else self.names
        return any(fnmatch.fnmatchcase(route.key, glob) or fnmatch.fnmatchcase(route.route, glob) for glob in globs)

    def ok_for(self, role: str) -> int:
        return self.ok if isinstance(self.ok, int) else self.ok.get(role, 200)


@dataclass
class Route:
    """One URL pattern of the admin or the API."""

    key: str  # "namespace:name", or the route when unnamed
    name: str | None
    route: str
    kwargs: tuple[str, ...]


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), (namespace + pattern.name) if pattern.name else None, pattern


def discover_routes() -> list[Route]:
    """Every admin and API URL pattern of the URL conf (Wagtail viewsets and snippets included)."""
    routes = []
    for route, name, _pattern in _walk(get_resolver().url_patterns):
        if not (route.startswith("admin/") or route.startswith("api/v1/")):
            continue
        kwargs = tuple(re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route))
        names = tuple(a or b for a, b in kwargs)
        routes.append(Route(key=name or route, name=name, route=route, kwargs=names))
    return routes


def load_rule_modules() -> list[Any]:
    """The ``matrix_*`` modules of this package, in name order, Wagtail's own URLs last."""
    import tests.security as package

    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("matrix_"))
    names.sort(key=lambda n: n == "matrix_wagtail")
    return [importlib.import_module(f"tests.security.{name}") for name in names]


def rules() -> list[Rule]:
    return [rule for module in load_rule_modules() for rule in getattr(module, "RULES", [])]


def rule_for(route: Route, all_rules: list[Rule]) -> Rule | None:
    return next((rule for rule in all_rules if rule.matches(route)), None)


def allow(*, of=None, co=None, mo=None, nd=None) -> dict[str, frozenset]:
    """``allow(of=ONLY_OWN, nd=BOTH)``: the sides each staff role may reach (short role names)."""
    names = {"of": "officer", "co": "convener", "mo": "moderator", "nd": "ndc_editor"}
    given = {"of": of, "co": co, "mo": mo, "nd": nd}
    return {names[k]: v for k, v in given.items() if v is not None}


ALL_STAFF = allow(of=BOTH, co=BOTH, mo=BOTH, nd=BOTH)


@dataclass
class World:
    """Users per role and objects per kind (own / other), built once per test module."""

    users: dict[str, Any]
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (text, roles that may read it): a text nobody else may see in any response
    secrets: list[tuple[str, frozenset]] = field(default_factory=list)
    defaults: dict[str, Any] = field(default_factory=dict)

    def add(self, kind: str, *, own, other, secrets: list[tuple[str, frozenset]] = ()) -> None:
        self.objects[kind] = {OWN: own, OTHER: other}
        self.secrets.extend(secrets)

    def get(self, kind: str, side: str):
        return self.objects[kind][side]
