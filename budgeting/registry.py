"""The household-registry adapter (P-3): is this national ID + birth date a person, and a resident of the case's area?

Two implementations behind one interface, chosen by ``settings.BUDGETING_REGISTRY``:

* ``"http"``: POSTs ``{"case_code", "national_id", "birth_date"}`` as JSON to
  ``BUDGETING_REGISTRY_URL`` and expects ``{"result": "correct"|"incorrect", "resident": bool}``;
  with a timeout and retries, and ``RegistryUnavailable`` when it does not answer.
* ``"file"``: the shipped test identities (``budgeting/test_identities.json``) for
  development, demonstrations and tests. Never used in production by default.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from django.conf import settings


@dataclass(frozen=True)
class RegistryAnswer:
    """The registry's answer: the ID and birth date match a person; whether they live in the case's area."""

    correct: bool
    resident: bool = False


class RegistryUnavailable(Exception):
    """The registry did not answer (down, timed out, or answered nonsense): try again later."""


class HouseholdRegistry(Protocol):
    def check(self, *, case_code: str, national_id: str, birth_date: dt.date) -> RegistryAnswer: ...


class FileRegistry:
    """Test identities from a JSON file: ``[{"national_id", "birth_date", "resident_in": [case codes or "*"]}]``."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    @staticmethod
    @lru_cache(maxsize=4)
    def _load(path: str, mtime: float) -> dict[str, dict]:
        with open(path, encoding="utf-8") as handle:
            return {row["national_id"]: row for row in json.load(handle)}

    def identities(self) -> dict[str, dict]:
        try:
            return self._load(str(self.path), self.path.stat().st_mtime)
        except (OSError, ValueError, KeyError) as error:
            raise RegistryUnavailable(str(error)) from error

    def check(self, *, case_code: str, national_id: str, birth_date: dt.date) -> RegistryAnswer:
        row = self.identities().get(national_id)
        if row is None or row.get("birth_date") != birth_date.isoformat():
            return RegistryAnswer(correct=False)
        areas = row.get("resident_in", [])
        return RegistryAnswer(correct=True, resident="*" in areas or case_code in areas)


class HttpRegistry:
    """The household-registration service over HTTP(S), with a timeout and retries."""

    def __init__(self, url: str, *, timeout: float = 5.0, retries: int = 2):
        self.url = url
        self.timeout = timeout
        self.retries = retries

    def _once(self, body: bytes) -> RegistryAnswer:
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - URL from settings
            if response.status != 200:
                raise RegistryUnavailable(f"HTTP {response.status}")
            payload = json.loads(response.read().decode("utf-8"))
        result = payload.get("result") if isinstance(payload, dict) else None
        if result not in ("correct", "incorrect"):
            raise RegistryUnavailable("unexpected answer")
        return RegistryAnswer(correct=result == "correct", resident=bool(payload.get("resident", False)))

    def check(self, *, case_code: str, national_id: str, birth_date: dt.date) -> RegistryAnswer:
        if not self.url:
            raise RegistryUnavailable("BUDGETING_REGISTRY_URL is not set")
        body = json.dumps(
            {"case_code": case_code, "national_id": national_id, "birth_date": birth_date.isoformat()}
        ).encode("utf-8")
        last: Exception | None = None
        for _attempt in range(1 + max(0, self.retries)):
            try:
                return self._once(body)
            except RegistryUnavailable as error:
                last = error
            except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
                last = error
        raise RegistryUnavailable(str(last))


def registry() -> HouseholdRegistry:
    """The registry configured in settings."""
    if settings.BUDGETING_REGISTRY == "http":
        return HttpRegistry(
            settings.BUDGETING_REGISTRY_URL,
            timeout=settings.BUDGETING_REGISTRY_TIMEOUT,
            retries=settings.BUDGETING_REGISTRY_RETRIES,
        )
    return FileRegistry(settings.BUDGETING_REGISTRY_FILE)
