"""Public pages of the minutes app, in Chinese at /minutes/ and English at /en/minutes/.

Only published minutes are shown; a download serves the stored PDF and never renders one.
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from commitments.models import ActionPlan, Commitment, Theme
from core import i18n, search
from core.cache import render_cached
from core.downloads import stored_file_response, unavailable
from core.params import int_param, text_param
from forum.models import Forum

from . import pdf as minutes_pdf
from . import services
from .models import Minutes, PdfKind
from .page import ListedMinutes, forum_labels, listed, listed_rows, minutes_for_page


def _filtered(request, queryset):
    """Filters of the list: theme (number), commitment (number), year (Gregorian)."""
    filters = {
        "theme": int_param(request.GET, "theme", low=1, high=32767),
        "commitment": int_param(request.GET, "commitment", low=1, high=32767),
        "year": int_param(request.GET, "year", low=1, high=9999),
    }
    if filters["theme"]:
        queryset = queryset.filter(meeting__forum__commitment__theme__number=filters["theme"])
    if filters["commitment"]:
        queryset = queryset.filter(meeting__forum__commitment__number=filters["commitment"])
    if filters["year"]:
        queryset = queryset.filter(meeting__starts_at__year=filters["year"])
    return queryset, filters


def index(request):
    """All published minutes, newest first, filtered by theme, commitment and year, paginated.
    The page body is a cached fragment per query string (core.cache.render_cached)."""

    def build() -> dict:
        plan = ActionPlan.objects.current()
        queryset = Minutes.objects.published().order_by("-meeting__starts_at", "-pk")
        if plan is not None:
            queryset = queryset.filter(meeting__forum__commitment__plan=plan)
        queryset, filters = _filtered(request, queryset)
        page = Paginator(queryset, settings.PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = listed(listed_rows(page.object_list))
        years = sorted({d.year for d in Minutes.objects.published().dates("meeting__starts_at", "year")}, reverse=True)
        # The filters show each theme's and commitment's number and name, in the models' order
        # (plan, number) less the plan, which is the same for all.
        themes, commitments = [], []
        if plan is not None:
            themes = Theme.objects.filter(plan=plan).only("number", *i18n.columns("name")).order_by("number")
            commitments = Commitment.objects.filter(plan=plan).only("number", *i18n.columns("title")).order_by("number")
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "page": page,
            "filters": filters,
            "themes": themes,
            "commitments": commitments,
            "years": years,
            "query": query.urlencode(),
        }

    return render_cached(request, "minutes/index.html", ("minutes-index", request.get_full_path()), build)


def forum_minutes(request, forum_id: int):
    """The published minutes of one forum, newest first."""
    forum = get_object_or_404(Forum.objects.select_related("commitment__plan"), pk=forum_id)
    queryset = Minutes.objects.published().filter(meeting__forum=forum).order_by("-meeting__starts_at")
    page = Paginator(queryset, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = listed(listed_rows(page.object_list))
    return render(request, "minutes/forum.html", {"forum": forum, "page": page, "query": ""})


def _context(minutes: Minutes) -> dict:
    urls = minutes.pdf_urls()
    return {
        "minutes": minutes,
        "parts": minutes_pdf.parts(minutes),
        "attendance": minutes.attendance_by_sector(),
        "downloads": [(kind, label, urls[kind]) for kind, label in PdfKind.choices],
    }


def detail(request, pk: int):
    """A published minutes in the active language, with its PDFs and earlier versions (the page
    body is a cached fragment: core.cache.render_cached)."""

    def build() -> dict:
        try:
            minutes = minutes_for_page(pk)
        except Minutes.DoesNotExist:
            raise Http404 from None
        context = _context(minutes)
        context["versions"] = services.published_versions(minutes)
        return context

    return render_cached(request, "minutes/detail.html", ("minutes-detail", pk), build)


def revision(request, pk: int, revision_id: int):
    """An earlier published version of a minutes (corrections keep the earlier record reachable)."""
    minutes = get_object_or_404(Minutes.objects.published().with_facts(), pk=pk)
    versions = services.published_revisions(minutes)
    match = next(((rev, when) for rev, when in versions if rev.pk == revision_id), None)
    if match is None:
        raise Http404
    earlier = match[0].as_object()
    earlier.meeting = minutes.meeting
    context = _context(earlier)
    context.update({"current": minutes, "published_at": match[1], "versions": versions, "is_revision": True})
    return render(request, "minutes/detail.html", context)


def download(request, pk: int, kind: str):
    """The stored PDF (never rendered here: a download never waits for a render)."""
    if kind not in PdfKind.values:
        raise Http404
    minutes = get_object_or_404(Minutes.objects.published(), pk=pk)
    stored = minutes.pdfs.filter(kind=kind).first()
    if stored is None or not stored.file:
        return unavailable(request, _("This PDF is being prepared. Please try again in a few minutes."))
    language = "zh" if kind == PdfKind.CHINESE else kind
    return stored_file_response(
        request, stored.file, content_type="application/pdf", filename=f"minutes-{minutes.pk}-{language}.pdf"
    )


def search_view(request):
    """Search published minutes and commitments in both languages (Chinese words inside sentences too)."""
    q = text_param(request.GET, "q")

    def build() -> dict:
        minutes_results: list[ListedMinutes] = []
        commitment_results: list[Commitment] = []
        if q:
            found = search.search(Minutes.objects.published().only("pk"), q)  # ids only: read below
            ids = [m.pk for m in found[:50]]
            # The results show the meeting's title and date and the forum's name: list lines.
            by_id = {row["pk"]: row for row in listed_rows(Minutes.objects.filter(pk__in=ids))}
            minutes_results = [ListedMinutes(by_id[i]) for i in ids if i in by_id]
            forum_labels(minutes_results)
            # Matched on their titles; a result links to its page (the plan's slug).
            commitments = (
                Commitment.objects.select_related("plan")
                .only("number", *i18n.columns("title"), "plan__slug")
                .order_by("plan", "number")
            )
            commitment_results = search.filter_matching(
                commitments, lambda c: [i18n.value_in(c, "title", lang) for lang in i18n.LANGUAGE_CODES], q
            )
        return {"q": q, "minutes_results": minutes_results, "commitments": commitment_results}

    return render_cached(request, "minutes/search.html", ("minutes-search", q), build)
