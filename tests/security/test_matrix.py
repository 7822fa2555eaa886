"""Generated role × URL matrix (issue 10): every admin and API URL, every role, own and other objects.

URLs come from the URL conf (Wagtail's viewsets and snippet registrations included), rules from
the ``tests/security/matrix_*.py`` modules (see ``matrix.py``). For each URL and role the exact
status (and, for redirects, where to) is asserted, and no response may contain another party's
draft text. A URL no rule declares fails ``test_every_url_is_declared``.
"""

from __future__ import annotations

import json
import os
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from .matrix import DENIED, LOGIN, OTHER, OWN, ROLES, STAFF, Route, World, discover_routes, rule_for, rules

ROUTES = discover_routes()
RULES = rules()
DECLARED = [(route, rule) for route in ROUTES if (rule := rule_for(route, RULES)) is not None]


def _url(route: Route, rule, world: World, side: str | None) -> str:
    values = dict(world.defaults)
    if rule.obj is not None and side is not None:
        obj = world.get(rule.obj, side)
        values["pk"] = obj.pk
        if hasattr(obj, "latest_revision_id") and obj.latest_revision_id:
            values["revision_id"] = obj.latest_revision_id
    if rule.kwargs is not None:
        values.update(rule.kwargs(world, side))
    kwargs = {name: values[name] for name in route.kwargs}
    url = reverse(route.name, kwargs=kwargs)
    return f"{url}?{rule.query}" if rule.query else url


def _expected(rule, role: str, side: str | None) -> tuple[int, str | None]:
    if rule.public:
        return rule.ok_for(role), None
    if role not in STAFF:
        return 302, LOGIN
    sides = rule.allow.get(role, frozenset())
    if (side or OWN) in sides:
        return rule.ok_for(role), None
    if rule.refused == DENIED:
        return 302, DENIED
    return rule.refused, None


def _outcome(response) -> tuple[int, str | None]:
    if response.status_code != 302:
        return response.status_code, None
    location = urlsplit(response["Location"]).path
    if location == "/admin/login/":
        return 302, LOGIN
    if location == "/admin/":
        return 302, DENIED
    return 302, location


def _leaks(response, world: World, role: str) -> list[str]:
    if response.status_code != 200 or response.streaming:
        return []
    body = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.dumps(json.loads(body), ensure_ascii=False)  # choosers answer JSON with \u escapes
    return [text for text, readers in world.secrets if role not in readers and text in body]


def test_every_url_is_declared():
    """A new admin or API URL must be given expectations (a Rule in a matrix_<app>.py module)."""
    missing = [route.key for route in ROUTES if rule_for(route, RULES) is None]
    assert not missing, "URLs without expectations in tests/security/matrix_*.py:\n" + "\n".join(missing)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("route", "rule"), [pair for pair in DECLARED if not pair[1].skip], ids=lambda v: getattr(v, "key", "")
)
def test_matrix(route, rule, world):
    problems = []
    report = os.environ.get("MATRIX_REPORT")
    for role in ROLES:
        for side in (OWN, OTHER) if rule.obj and route.kwargs else (None,):
            url = _url(route, rule, world, side)
            response = world.clients[role].get(url)
            got = _outcome(response)
            want = _expected(rule, role, side)
            if report:
                with open(report, "a") as handle:
                    handle.write(f"{route.key}\t{role}\t{side}\t{got[0]}\t{got[1]}\n")
            if got != want and not (want[1] is None and got[0] == want[0]):
                problems.append(f"{role:10} {side or '-':5} {url}: got {got}, expected {want}")
            for text in _leaks(response, world, role):
                problems.append(f"{role:10} {side or '-':5} {url}: shows another party's draft text {text!r}")
    assert not problems, "\n".join(problems)
