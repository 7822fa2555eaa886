"""A new comment, its notification task and its counter written by one SQL statement (PostgreSQL).

Posting a comment writes three rows: the comment, the agency's task (F-4.2: never a comment
without its task) and one more on the consultation's counter. In a transaction that is five
round trips to PostgreSQL (BEGIN, three statements, COMMIT), and each round trip costs the web
process and PostgreSQL more than the work in it. On PostgreSQL one statement with data-modifying
``WITH`` clauses writes all three; outside a transaction a statement is atomic by itself (all three
rows or none: a refused duplicate token writes nothing) and commits once. The counter row is
locked only for that statement.

Used when it applies (PostgreSQL, no caller's transaction, the database task queue of
``core.task_queue``); otherwise ``services.comment_post`` writes the same rows in a transaction.
The rows and the signals are the same either way: the comment's ``pre_save``/``post_save``, the
task row's ``pre_save`` (django-tasks-db fills ``run_after``), ``task_enqueued``.
"""

from __future__ import annotations

from django.db import connections, router

from core.rows import insert_prepared, inserted
from core.task_queue import DatabaseBackend

from . import counters, tasks
from .models import Comment

COMMENT, TASK, COUNTED = "new_comment", "new_task", "counted"


def comment_insert_at_once(comment: Comment) -> bool:
    """Insert ``comment`` with its task and counter in one statement; False (nothing done) when
    that does not apply here. Raises ``IntegrityError`` (nothing written) on a duplicate token."""
    alias = router.db_for_write(Comment, instance=comment)
    connection = connections[alias]
    backend = tasks.comment_posted.get_backend()
    if connection.vendor != "postgresql" or connection.in_atomic_block or not isinstance(backend, DatabaseBackend):
        return False
    quote = connection.ops.quote_name
    comment_sql, _fields, params, key = insert_prepared(comment, alias)
    row = backend.task_row(tasks.comment_posted, (0,), {})  # its argument, the comment's id, comes from the statement
    _sql, task_fields, task_params, _key = insert_prepared(row, alias)
    new_id = f"{COMMENT}.{quote(key.column)}"
    values = []
    for field, value in zip(task_fields, task_params, strict=True):
        if field.name == "args_kwargs":  # {"args": [id], "kwargs": {}}, as normalize_json gives it
            values.append(f"jsonb_build_object('args', jsonb_build_array({new_id}), 'kwargs', '{{}}'::jsonb)")
        else:
            values.append("%s")
            params.append(value)
    counter_sql, counter_params = counters.counters_added_update(comment)
    params += counter_params
    columns = ", ".join(quote(field.column) for field in task_fields)
    sql = (
        f"WITH {COMMENT} AS ({comment_sql}), "
        f"{TASK} AS (INSERT INTO {quote(row._meta.db_table)} ({columns}) SELECT {', '.join(values)} FROM {COMMENT}), "
        f"{COUNTED} AS ({counter_sql} RETURNING 1) "
        f"SELECT {new_id}, (SELECT count(*) FROM {COUNTED}) FROM {COMMENT}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        comment_id, counted = cursor.fetchone()
    inserted(comment, alias, comment_id)
    row.args_kwargs = {"args": [comment_id], "kwargs": {}}
    inserted(row, alias)
    from django_tasks.signals import task_enqueued

    task_enqueued.send(type(backend), task_result=row.task_result)
    if not counted:
        counters.counters_refresh(comment.consultation_id)  # the consultation's first comment: create the row
    return True
