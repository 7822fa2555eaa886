"""core.sessions: Django's cached_db sessions, an existing session saved with one UPDATE."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_an_existing_session_is_saved_with_one_update_and_read_back():
    store = SessionStore()
    store["step"] = 1
    store.save()  # created as Django's store does
    key = store.session_key
    again = SessionStore(key)
    again["step"] = 2
    with CaptureQueriesContext(connection) as captured:
        again.save()
    sql = [q["sql"] for q in captured.captured_queries]
    assert len(sql) == 1 and sql[0].startswith("UPDATE"), sql
    assert SessionStore(key)["step"] == 2  # from the cache
    assert Session.objects.get(session_key=key).get_decoded() == {"step": 2}  # and in the database


def test_a_session_deleted_meanwhile_is_not_recreated_by_a_save():
    store = SessionStore()
    store["step"] = 1
    store.save()
    Session.objects.filter(session_key=store.session_key).delete()
    store["step"] = 2
    with pytest.raises(UpdateError):
        store.save()
    assert not Session.objects.exists()
