"""Serving stored files (PDFs, exports): a file missing from storage is a logged 404, never a 500."""

from __future__ import annotations

import logging
from typing import Any

from django.core.files.base import File
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def unavailable(request: HttpRequest, message: str) -> HttpResponse:
    """A 404 page that says why (in the visitor's language)."""
    return render(
        request, "core/unavailable.html", {"heading": _("File not available"), "message": message}, status=404
    )


def stored_file_response(request: HttpRequest, stored: File | Any, **kwargs: Any) -> HttpResponse:
    """A ``FileResponse`` for ``stored`` (a ``FieldFile``); a 404 page with a clear message, and
    an error in the log for the operators, when the file is not in storage."""
    name = getattr(stored, "name", "") or ""
    if not name:
        return unavailable(request, _("This file is not available yet. Please try again later."))
    try:
        handle = stored.open("rb")
    except OSError as error:  # FileNotFoundError and other storage failures
        logger.error("Stored file missing: %s (%s)", name, error)
        return unavailable(request, _("This file is missing. The site's team has been told; please try again later."))
    return FileResponse(handle, **kwargs)
