"""Query budgets of the public proposal pages and API, independent of the number of proposals
(issue 11): the list and the API page on stored counts (``ProposalCount``, kept by database
triggers), never a count of the proposals; cached fragments follow every change."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from proposals.counts import counts_refresh, proposal_count
from proposals.models import Proposal, ProposalCount, Status

pytestmark = pytest.mark.django_db


def _add_proposals(author, count: int, status: str = Status.SECONDING, profile: str = "kaohsiung", agency=None):
    """``count`` proposals written in bulk (no signals: only the triggers count them)."""
    today = timezone.localdate()
    Proposal.objects.bulk_create(
        [
            Proposal(
                profile=profile,
                author=author,
                title=f"提案 {n}",
                title_zh_hant=f"提案 {n}",
                content="內容",
                benefits="效益",
                token=uuid.uuid4(),
                status=status,
                submitted_on=today,
                agency=agency,
            )
            for n in range(count)
        ]
    )


def _queries(client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured), [q["sql"] for q in captured.captured_queries]


# (url, budget): the most queries the page may run, whatever the number of proposals.
URLS = [
    ("/proposals/", 6),
    ("/en/proposals/?status=seconding&profile=kaohsiung", 6),
    ("/proposals/?agency=moe&page=2", 6),
    ("/proposals/{pk}/", 12),
    ("/proposals/board/", 8),
    ("/proposals/similar.json?q=%E5%85%AC%E6%B0%91%E5%8F%83%E8%88%87", 4),
    ("/api/v1/proposals/", 4),
    ("/api/v1/proposals/?status=seconding&agency=moe&page=2", 4),
    ("/api/v1/proposals/{pk}/", 4),
    ("/api/v1/policy-profiles/", 4),
]


@pytest.mark.parametrize(("url", "budget"), URLS)
def test_query_budget_does_not_grow_with_proposals(client, seconding_proposal, citizen, moe, url, budget):
    proposal = seconding_proposal(title="推動公民參與機制")
    path = url.format(pk=proposal.pk)
    _add_proposals(citizen, 120, agency=moe)  # more than two pages of the list and of the API
    client.get(path)  # warm-up (translations, policy profiles, content types)
    small, _ = _queries(client, path)
    _add_proposals(citizen, 300, agency=moe)
    _add_proposals(citizen, 200, status=Status.QUALIFIED)
    large, statements = _queries(client, path)
    assert large == small
    assert small <= budget
    assert not any(
        "COUNT(*)" in sql.upper() and "proposals_proposal" in sql and "GROUP BY" not in sql.upper()
        for sql in statements
        if "proposals_proposalcount" not in sql
    )


def _true_counts() -> dict[tuple[str, str, int], int]:
    rows = Proposal.objects.order_by().values("profile", "status", "agency_id").annotate(n=Count("pk"))
    return {(r["profile"], r["status"], r["agency_id"] or 0): r["n"] for r in rows}


def _stored_counts() -> dict[tuple[str, str, int], int]:
    return {(c.profile, c.status, c.agency_key): c.n for c in ProposalCount.objects.all() if c.n}


def test_stored_counts_follow_every_write(submit, seconding_proposal, citizen, moe):
    """Services, bulk inserts, QuerySet.update, a change of agency, deletions: the stored counts
    equal a real count after each."""
    first = submit()
    seconding_proposal()
    assert _stored_counts() == _true_counts()
    _add_proposals(citizen, 25, agency=moe)
    _add_proposals(citizen, 5, status=Status.EXPIRED, profile="taichung")
    assert _stored_counts() == _true_counts()
    Proposal.objects.filter(status=Status.SECONDING, profile="kaohsiung").update(status=Status.EXPIRED)
    assert _stored_counts() == _true_counts()
    first.agency = None
    first.save()
    assert _stored_counts() == _true_counts()
    first.save()  # a save that changes none of the counted columns
    assert _stored_counts() == _true_counts()
    Proposal.objects.filter(profile="taichung").delete()
    assert _stored_counts() == _true_counts()
    counts_refresh()
    assert _stored_counts() == _true_counts()


def test_filtered_count_matches_the_list(client, citizen, moe):
    _add_proposals(citizen, 7, agency=moe)
    _add_proposals(citizen, 4, status=Status.QUALIFIED)
    _add_proposals(citizen, 3, profile="taichung", agency=moe)
    assert proposal_count() == 14
    assert proposal_count(status="seconding", profile="kaohsiung") == 7
    assert proposal_count(agency_code="moe") == 10
    assert proposal_count(agency_code="no-such-agency") == 0
    body = client.get("/api/v1/proposals/?agency=moe&status=seconding").json()
    assert body["count"] == 10 and len(body["items"]) == 10
    assert client.get("/api/v1/proposals/?status=bogus").json()["count"] == 14  # unknown status: ignored


def test_cached_fragments_follow_changes(client, fragments_on, seconding_proposal, citizen):
    """List, proposal page and board are cached fragments: a second run uses no proposal query,
    and an edit shows at once (the content version of the proposals scope)."""
    proposal = seconding_proposal(title="原來的題目")
    for url in ("/proposals/", f"/proposals/{proposal.pk}/", "/en/proposals/board/"):
        client.get(url)
    _count, statements = _queries(client, "/proposals/")
    assert not any('FROM "proposals_proposal"' in sql for sql in statements)
    assert "原來的題目" in client.get(f"/proposals/{proposal.pk}/").content.decode()
    proposal.title_zh_hant = "改過的題目"
    proposal.save()
    assert "改過的題目" in client.get("/proposals/").content.decode()
    assert "改過的題目" in client.get(f"/proposals/{proposal.pk}/").content.decode()
    english = client.get("/en/proposals/").content.decode()
    assert "改過的題目" in english  # translation pending: the Chinese original, in the English page


def test_signed_in_view_is_not_shared(client, fragments_on, seconding_proposal, citizens):
    """The seconding form is never part of a shared fragment: an anonymous visitor after a
    signed-in one sees the sign-in link, not the form."""
    proposal = seconding_proposal()
    client.force_login(citizens[0])
    signed_in = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert f"/proposals/{proposal.pk}/second/" in signed_in
    client.logout()
    anonymous = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert f"/proposals/{proposal.pk}/second/" not in anonymous
