"""PostgreSQL prepares the queries a connection runs again and again (server-side binding,
config/settings/base.py; bench/README.md "Prepared statements")."""

from __future__ import annotations

import pytest
from django.db import connection

from commitments.models import Agency

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_query_run_repeatedly_is_prepared_once_and_answers_stay_right():
    options = connection.settings_dict["OPTIONS"]
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 5
    agency = Agency.objects.create(code="PREP", name_zh_hant="準備機關", name_en="Prepared agency")
    for _ in range(7):
        assert list(Agency.objects.filter(code="PREP").values_list("pk", flat=True)) == [agency.pk]
    assert list(Agency.objects.filter(code="NONE").values_list("pk", flat=True)) == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "commitments_agency"' in statement and "$1" in statement for statement in prepared)
