"""Similar proposals while writing (K-6.1.1) and at review (K-6.2.3), Chinese-aware.

Each proposal's topic is split into terms by ``core.search.tokens`` (CJK character bigrams,
lower-cased words), stored in ``ProposalTerm`` with an index on (term, proposal). A query is
split the same way; candidates are ranked by how many of its terms they share, in one grouped
query on an index range — the same SQL on SQLite and PostgreSQL.
"""

from __future__ import annotations

import math

from django.db.models import Count

from core.search import tokens

from .models import Proposal, ProposalTerm, Status

MAX_TERMS = 40
# Candidates fetched per result wanted: the status filter runs on these few rows only.
CANDIDATES = 8
VISIBLE = (Status.SECONDING, Status.QUALIFIED, Status.EXPIRED, Status.RESPONDED, Status.IN_REVIEW)


def terms_of(*texts: str | None) -> list[str]:
    seen: dict[str, None] = {}
    for text in texts:
        for term in tokens(text):
            if len(term) <= 40:
                seen.setdefault(term, None)
    return list(seen)


def index_proposal(proposal: Proposal) -> None:
    """(Re)index the topic of ``proposal`` (called by the services that write it)."""
    ProposalTerm.objects.filter(proposal=proposal).delete()
    terms = terms_of(proposal.title_zh_hant, proposal.title_en, proposal.title)
    ProposalTerm.objects.bulk_create([ProposalTerm(proposal=proposal, term=t) for t in terms], ignore_conflicts=True)


def similar(query: str, *, exclude: int | None = None, limit: int = 5, statuses=VISIBLE) -> list[Proposal]:
    """Public proposals whose topic shares the most terms with ``query`` (at least a third of them)."""
    terms = terms_of(query)[:MAX_TERMS]
    if not terms:
        return []
    needed = max(1, math.ceil(len(terms) / 3))
    # An index-only scan of (term, proposal) grouped by proposal: no join, no table rows read.
    rows = (
        ProposalTerm.objects.filter(term__in=terms)
        .values("proposal_id")
        .annotate(score=Count("proposal_id"))
        .filter(score__gte=needed)
        .order_by("-score", "-proposal_id")
    )
    if exclude:
        rows = rows.exclude(proposal_id=exclude)
    ids = [row["proposal_id"] for row in rows[: limit * CANDIDATES]]
    by_id = {p.pk: p for p in Proposal.objects.filter(pk__in=ids, status__in=statuses)}
    return [by_id[i] for i in ids if i in by_id][:limit]
