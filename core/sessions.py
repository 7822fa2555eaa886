"""Sessions read through the cache and written to the database (Django's ``cached_db``), each
change written with **one** SQL statement.

Django's database store wraps every save of an existing session in a transaction (``BEGIN``,
``UPDATE``, ``COMMIT``: three round trips) because the same code also creates sessions, where a
clash of keys must roll back. A single ``UPDATE`` is atomic by itself: this store sends only
that when the session already exists, and behaves exactly as Django's otherwise (creation,
``UpdateError`` when the row is gone, the cache written after the database). Same cache keys as
``cached_db``: switching loses no session.
"""

from __future__ import annotations

import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.base import UpdateError
from django.db import router

logger = logging.getLogger("django.contrib.sessions")


class SessionStore(cached_db.SessionStore):
    """``cached_db`` with one autocommit UPDATE per save of an existing session."""

    def save(self, must_create: bool = False) -> None:
        if must_create or self.session_key is None:
            return super().save(must_create)
        data = self._get_session()
        using = router.db_for_write(self.model)
        updated = (
            self.model.objects.using(using)
            .filter(session_key=self.session_key)
            .update(session_data=self.encode(data), expire_date=self.get_expiry_date())
        )
        if not updated:
            raise UpdateError
        try:
            self._cache.set(self.cache_key, self._session, self.get_expiry_age())
        except Exception:
            logger.exception("Error saving to cache (%s)", self._cache)
        return None
