"""A comment, its agency task (F-4.2) and its counter written by one statement on PostgreSQL
(consultations.comment_write): the same rows and signals as the transaction path, all or nothing.

These tests commit for real (``transaction=True``): the one-statement path runs only outside a
transaction, which a normal test's wrapping transaction would prevent."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from consultations import services
from consultations.models import Comment, ConsultationCounter

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-statement path is PostgreSQL's"),
]
QUEUE = override_settings(TASKS={"default": {"BACKEND": "core.task_queue.DatabaseBackend"}})


def _post(consultation, author, token=None, parent=None):
    return services.comment_post(
        consultation=consultation, author=author, text=" 一則意見 ", token=token or uuid.uuid4(), parent=parent
    )


def _counter(consultation) -> tuple[int, int]:
    counter = ConsultationCounter.objects.get(consultation=consultation)
    return counter.visible_comments, counter.thread_count


@QUEUE
def test_rule_F_4_2_comment_task_and_counter_in_one_statement(seeded_transactional_db, open_consultation, citizen):
    from django.db.models.signals import post_save
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    _post(open_consultation, citizen)  # the counter row exists from here on
    before_counts = _counter(open_consultation)
    saved = []

    def receiver(sender, instance, created, **kwargs):
        saved.append((instance.pk, created))

    post_save.connect(receiver, sender=Comment, dispatch_uid="test-comment-write")
    try:
        with CaptureQueriesContext(connection) as captured:
            comment, created = _post(open_consultation, citizen)
    finally:
        post_save.disconnect(sender=Comment, dispatch_uid="test-comment-write")
    writes = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SELECT")]
    assert created and len(writes) == 1 and writes[0].startswith("WITH new_comment AS (INSERT")
    stored = Comment.objects.get(pk=comment.pk)
    assert stored.text == "一則意見" and stored.author == citizen and stored.created_at == comment.created_at
    task = DBTaskResult.objects.get(args_kwargs={"args": [comment.pk], "kwargs": {}})
    assert task.task_path == "consultations.tasks.comment_posted" and task.status == TaskResultStatus.READY
    assert task.run_after == get_date_max()  # django-tasks-db's pre_save receiver ran
    assert task in DBTaskResult.objects.ready() and task.task.func.__name__ == "comment_posted"  # the worker runs it
    assert _counter(open_consultation) == (before_counts[0] + 1, before_counts[1] + 1)
    assert saved == [(comment.pk, True)]  # post_save as from save(): the pages' cache version is renewed


@QUEUE
def test_a_reply_counts_as_visible_not_as_a_thread(seeded_transactional_db, open_consultation, citizen):
    parent, _ = _post(open_consultation, citizen)
    before = _counter(open_consultation)
    _post(open_consultation, citizen, parent=parent)
    assert _counter(open_consultation) == (before[0] + 1, before[1])


@QUEUE
def test_the_same_token_twice_writes_nothing_more(seeded_transactional_db, open_consultation, citizen):
    from django_tasks_db.models import DBTaskResult

    token = uuid.uuid4()
    first, created = _post(open_consultation, citizen, token=token)
    counts, tasks = _counter(open_consultation), DBTaskResult.objects.count()
    again, created_again = _post(open_consultation, citizen, token=token)
    assert created and not created_again and again.pk == first.pk
    assert Comment.objects.filter(token=token).count() == 1
    assert DBTaskResult.objects.count() == tasks and _counter(open_consultation) == counts


@QUEUE
def test_the_first_comment_creates_the_counter(seeded_transactional_db, open_consultation, citizen):
    ConsultationCounter.objects.filter(consultation=open_consultation).delete()
    _post(open_consultation, citizen)
    assert _counter(open_consultation) == (1, 1)
