"""``core.api.PagePagination``: the count of every page, with a COUNT(*) only when the page's own
items cannot tell it (an empty or a full page)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from core.api import PagePagination, Serialized

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    # Not "page": pytest-playwright's fixture of that name would make this a browser test.
    ("number", "names", "queries"),
    [(1, ["g0", "g1"], 2), (2, ["g2", "g3"], 2), (3, ["g4"], 1), (4, [], 2), (9, [], 2)],
)
def test_every_page_tells_the_full_count(settings, django_assert_num_queries, number, names, queries):
    settings.API_PAGE_SIZE = 2
    Group.objects.bulk_create(Group(name=f"page-test-g{n}") for n in range(5))
    serialized = Serialized(
        Group.objects.filter(name__startswith="page-test-").order_by("name"),
        lambda group: group.name.removeprefix("page-test-"),
    )
    with django_assert_num_queries(queries):
        assert PagePagination()._page(serialized, number) == {"count": 5, "items": names}


def test_a_stored_count_is_used_as_it_is(settings, django_assert_num_queries):
    settings.API_PAGE_SIZE = 2
    Group.objects.bulk_create(Group(name=f"page-test-g{n}") for n in range(3))
    with django_assert_num_queries(1):
        page = PagePagination()._page(
            Serialized(
                Group.objects.filter(name__startswith="page-test-").order_by("name"),
                lambda g: g.name.removeprefix("page-test-"),
                count=3,
            ),
            2,
        )
    assert page == {"count": 3, "items": ["g2"]}
    with django_assert_num_queries(0):
        assert (
            PagePagination()._page(
                Serialized(Group.objects.filter(name__startswith="page-test-").order_by("name"), str, count=3), 3
            )["items"]
            == []
        )
