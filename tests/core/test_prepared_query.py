"""``core.prepared.PreparedQuery``: a queryset compiled once per process and language gives the
same instances as the ORM, with related objects and annotations (bench/README.md, "Queries
compiled once")."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db.models import F
from django.db.models.sql.compiler import SQLCompiler
from django.utils import translation

from commitments.models import ActionPlan, Agency, Commitment
from core.prepared import PreparedQuery, prepared_as_queryset

pytestmark = pytest.mark.django_db


def _commitments(plan: int):
    return (
        Commitment.objects.select_related("lead_agency", "theme")
        .filter(plan_id=plan)
        .annotate(doubled=F("number") * 2)
        .order_by("number", "pk")
    )


def _fields(commitment: Commitment) -> tuple:
    return (
        commitment.pk,
        commitment.number,
        commitment.title_zh_hant,
        commitment.title_en,
        commitment.doubled,
        commitment.lead_agency.code,
        commitment.lead_agency.name_en,
        commitment.theme.number,
    )


def test_same_instances_as_the_orm_with_related_objects_and_annotations(django_assert_num_queries):
    query = PreparedQuery(_commitments)
    plans = list(ActionPlan.objects.values_list("pk", flat=True))
    assert plans
    for plan in [*plans, 0]:
        expected = [_fields(commitment) for commitment in _commitments(plan)]
        with django_assert_num_queries(1):
            found = [_fields(commitment) for commitment in query.objects(plan)]
        assert found == expected
    assert any(query.objects(plan) for plan in plans)


def test_compiled_once_per_language():
    query = PreparedQuery(_commitments)
    plan = ActionPlan.objects.values_list("pk", flat=True).first()
    with mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql) as as_sql:
        for _ in range(3):
            query.objects(plan)
        with translation.override("en"):
            for _ in range(3):
                query.objects(plan)
    assert as_sql.call_count == 2
    assert set(query._compiled) == {("zh-hant", "default"), ("en", "default")}


def test_asks_the_router_on_every_call_as_the_orm_does():
    query = PreparedQuery(_commitments)
    plan = ActionPlan.objects.values_list("pk", flat=True).first()
    query.objects(plan)
    with mock.patch("core.prepared.router.db_for_read", return_value="default") as db_for_read:
        query.objects(plan)
        query.objects(plan)
    assert db_for_read.call_count == 2 and db_for_read.call_args.args == (Commitment,)


def test_as_a_queryset_iterates_without_a_query_and_filters_on_the_database(django_assert_num_queries):
    query = PreparedQuery(_commitments)
    plan = ActionPlan.objects.values_list("pk", flat=True).first()
    queryset = prepared_as_queryset(query, plan)
    with django_assert_num_queries(0):
        numbers = [commitment.number for commitment in queryset]
    with django_assert_num_queries(1):
        assert [c.number for c in queryset.filter(number__lte=2)] == [n for n in numbers if n <= 2]


def test_a_key_out_of_range_finds_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert PreparedQuery(_commitments).objects(2**63) == []
        assert PreparedQuery(_commitments).objects(-(2**63) - 1) == []


def test_refuses_what_it_cannot_keep_right():
    with pytest.raises(TypeError):
        PreparedQuery(_commitments).objects("1")
    with pytest.raises(TypeError):
        PreparedQuery(_commitments).objects(1, 2)
    with pytest.raises(ValueError, match="parameter"):
        PreparedQuery(lambda pk: Agency.objects.all()).objects(1)
    with pytest.raises(ValueError, match="plain model querysets"):
        PreparedQuery(lambda pk: Agency.objects.filter(pk=pk).values("code")).objects(1)
