"""Query parameters read safely: out-of-range or malformed values are ignored, never a 500."""

from __future__ import annotations

from collections.abc import Mapping


def int_param(params: Mapping, name: str, *, low: int, high: int) -> int | None:
    """``params[name]`` as an integer within ``[low, high]``; None when absent, malformed or out of range."""
    raw = params.get(name)
    if raw is None or len(str(raw)) > 20:
        return None
    try:
        value = int(str(raw).strip())
    except ValueError:
        return None
    return value if low <= value <= high else None


def text_param(params: Mapping, name: str, *, max_length: int = 200) -> str:
    """``params[name]`` stripped, without control characters (PostgreSQL refuses NUL), at most
    ``max_length`` characters; "" when absent."""
    raw = str(params.get(name) or "")
    return "".join(ch for ch in raw if ch.isprintable() or ch == " ").strip()[:max_length]
