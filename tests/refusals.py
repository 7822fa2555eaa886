"""What a refusal looks like, exactly (never ``status_code in (302, 403)``: a logged-out client
would pass that too).

- Wagtail admin, signed-in user without the permission: 302 to the admin home, with the message
  "Sorry, you do not have permission to access this area." (``ADMIN_REFUSAL``).
- Signed out: 302 to the login page (``login_redirect``).
- A view that answers 403 itself (``FORBIDDEN``).
"""

from __future__ import annotations

ADMIN_REFUSAL = (302, "/admin/")
FORBIDDEN = (403, None)


def refusal(response) -> tuple[int, str | None]:
    """A response's status and, for a redirect, where it leads (the path, without the query)."""
    location = response.get("Location") if response.status_code in (301, 302, 303) else None
    return response.status_code, location.split("?")[0] if location else None


def login_redirect(login: str = "/admin/login/") -> tuple[int, str]:
    """The answer to a signed-out visitor: 302 to ``login``."""
    return 302, login
