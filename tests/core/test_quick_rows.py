"""The written-out reads and writes of the hot paths give what the ORM gives: the signed-in user
(accounts.backends, every request of a signed-in user) and a queued task's row
(core.task_queue, in each comment's commit)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.backends import AuthenticationBackend, ModelBackend, user_by_id

pytestmark = pytest.mark.django_db

QUEUE = {"default": {"BACKEND": "core.task_queue.DatabaseBackend"}}


def _columns(obj) -> dict:
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def test_the_signed_in_user_is_the_row_the_orm_reads():
    user = get_user_model().objects.create_user(
        username="reader@example.org", email="reader@example.org", password="pw-123456789", nickname="讀者"
    )
    user.deleted_at = timezone.now()
    user.save()
    expected = get_user_model().objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as captured:
        found = user_by_id(str(user.pk))
    assert len(captured) == 1
    assert _columns(found) == _columns(expected)
    assert isinstance(found.date_joined, dt.datetime) and found.date_joined.tzinfo is not None
    assert found._state.adding is False and found._state.db == "default"
    assert found.check_password("pw-123456789")


def test_unknown_malformed_and_inactive_users_are_not_signed_in():
    user = get_user_model().objects.create_user(username="gone@example.org", email="gone@example.org")
    assert user_by_id("999999") is None
    assert user_by_id("not-a-number") is None
    for backend in (ModelBackend(), AuthenticationBackend()):
        assert backend.get_user(user.pk).pk == user.pk
    user.is_active = False
    user.save()
    for backend in (ModelBackend(), AuthenticationBackend()):
        assert backend.get_user(user.pk) is None


def test_a_signed_in_request_loads_the_user_once_through_the_project_backend(client):
    user = get_user_model().objects.create_user(username="page@example.org", email="page@example.org")
    client.force_login(user, backend="accounts.backends.AuthenticationBackend")
    response = client.get("/accounts/profile/", follow=True)
    assert response.wsgi_request.user.pk == user.pk


@override_settings(TASKS=QUEUE)
def test_a_queued_task_row_is_the_row_the_library_writes():
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    from consultations import tasks

    result = tasks.comment_posted.enqueue(42)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY
    assert row.args_kwargs == {"args": [42], "kwargs": {}}
    assert row.task_path == "consultations.tasks.comment_posted"
    assert row.run_after == get_date_max()  # django-tasks-db's pre_save receiver ran
    assert row.enqueued_at is not None and row.worker_ids == []
    assert row.backend_name == "default" and row.queue_name == "default"
    assert list(DBTaskResult.objects.ready()) == [row]  # the worker's query finds it


def test_insert_row_reads_back_a_generated_key_and_sends_the_save_signals():
    from django.db import IntegrityError, transaction
    from django.db.models.signals import post_save

    from core.rows import insert_row

    seen = []

    def receiver(sender, instance, created, **kwargs):
        seen.append((instance.pk, created))

    User = get_user_model()
    post_save.connect(receiver, sender=User, dispatch_uid="test-insert-row")
    try:
        user = insert_row(User(username="row@example.org", email="row@example.org", nickname="列"))
    finally:
        post_save.disconnect(dispatch_uid="test-insert-row", sender=User)
    assert user.pk is not None and seen == [(user.pk, True)]
    assert _columns(User.objects.get(pk=user.pk)) == _columns(user_by_id(user.pk))
    assert User.objects.get(pk=user.pk).date_joined == user.date_joined
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_row(User(username="row@example.org", email="other@example.org"))
    with pytest.raises(TypeError):
        insert_row(User(pk=user.pk + 1000, username="keyed@example.org"))
