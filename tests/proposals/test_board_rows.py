"""The answers board (``public.board``): per-agency counts from one grouped query, with the
agencies' names, and each overdue review's due date as ``Proposal.review_due_on`` gives it."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments.models import Agency
from proposals import public
from proposals.models import Proposal, Status

pytestmark = pytest.mark.django_db


def test_board_counts_agencies_and_review_due_dates(submit, today):
    ndc = Agency.objects.get(code="ndc")
    reviews = [submit(on=today - dt.timedelta(days=40)), submit(on=today - dt.timedelta(days=40))]
    reviews.append(submit(on=today - dt.timedelta(days=30), profile="taichung"))
    day = dt.timedelta(days=1)
    states = [  # (agency, status, response due, responded): overdue (moe x2, none), late (ndc x2, moe), on time
        ("moe", Status.QUALIFIED, today - 10 * day, None),
        ("moe", Status.QUALIFIED, today - 3 * day, None),
        (None, Status.QUALIFIED, today - 5 * day, None),
        (ndc, Status.RESPONDED, today - 20 * day, today - 5 * day),
        (ndc, Status.RESPONDED, today - 20 * day, today - 19 * day),
        ("moe", Status.RESPONDED, today - 20 * day, today - 18 * day),
        (ndc, Status.RESPONDED, today - 20 * day, today - 21 * day),
    ]
    for agency, status, due, responded in states:
        proposal = submit(on=today - 60 * day, agency=agency)
        Proposal.objects.filter(pk=proposal.pk).update(
            status=status, qualified_on=today - 50 * day, notified_on=today - 40 * day,
            response_due_on=due, responded_on=responded, adoption="adopted" if responded else "",
        )  # fmt: skip
    board = public.board(today)
    agencies = [
        (e["agency"].code if e["agency"] else None, e["overdue"], e["late_answers"], e["days_late"])
        for e in board["agencies"]
    ]
    assert sorted(agencies, key=str) == sorted(
        [("moe", 2, 1, 10 + 3 + 2), (None, 1, 0, 5), ("ndc", 0, 2, 15 + 1)], key=str
    )
    assert [e[1] for e in agencies] == [2, 1, 0]
    moe = next(e["agency"] for e in board["agencies"] if e["agency"] and e["agency"].code == "moe")
    assert (moe.name_zh_hant, moe.name_en) == tuple(
        Agency.objects.filter(code="moe").values_list("name_zh_hant", "name_en")[0]
    )
    assert board["review_overdue"]
    for proposal in board["review_overdue"]:
        assert proposal.review_due == proposal.review_due_on
