"""Query budget of the comment write (K-6.1.2 verified users; F-4.2 the agency's task): a fixed
number of SQL queries per post whatever the number of comments: the consultation's own row (not
the page), the idempotency look-up, the INSERT, the stored counter, and the notification task
queued in the comment's own commit when the queue is the database."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from consultations.models import Comment

pytestmark = pytest.mark.django_db

# session (database sessions in tests), user, the consultation with the author's verified address,
# BEGIN, INSERT, the counter, the task, COMMIT: no idempotency read before the INSERT.
COMMENT_QUERIES = 8


def _post(client, consultation):
    return client.post(f"/consultations/{consultation.pk}/comment/", {"text": "一則意見", "token": str(uuid.uuid4())})


@override_settings(TASKS={"default": {"BACKEND": "core.task_queue.DatabaseBackend"}})
def test_rule_K_6_1_2_comment_write_has_a_fixed_query_budget(client, open_consultation, citizen):
    from django_tasks_db.models import DBTaskResult

    client.force_login(citizen)
    assert _post(client, open_consultation).status_code == 302  # warm-up
    with CaptureQueriesContext(connection) as captured:
        assert _post(client, open_consultation).status_code == 302
    assert len(captured) <= COMMENT_QUERIES, [q["sql"][:80] for q in captured.captured_queries]
    sql = [q["sql"] for q in captured.captured_queries]
    assert not any("consultationattachment" in s for s in sql)  # the page is not read for a write
    assert not any('FROM "account_emailaddress"' in s.split("EXISTS")[0] for s in sql)  # read with the consultation
    assert Comment.objects.count() == 2
    assert DBTaskResult.objects.count() == 2  # one notification task per comment


def test_refused_comment_still_shows_the_whole_page(client, make_consultation, citizen):
    closed = make_consultation(opens=-30, closes=-1)
    client.force_login(citizen)
    response = _post(client, closed)
    assert response.status_code == 400
    assert "一則意見" in response.content.decode()  # the text is kept
    assert not Comment.objects.exists()
