"""The minutes as PDF documents (WeasyPrint through core.pdf): Chinese, English, bilingual
(each section Chinese then English) and the archival PDF/A-3b of the bilingual record
sent to NDC (F-3.2, F-7). A4, Noto Sans CJK TC, header with forum and commitment,
footer "第 x 頁，共 y 頁" / "Page x of y", ROC dates in Chinese.
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import override
from wagtail.log_actions import log

from core import i18n, pdf

from .models import Minutes, MinutesPdf, PdfKind

ARCHIVAL_VARIANT = "pdf/a-3b"


def parts(minutes: Minutes) -> list[dict]:
    """The sections of a minutes in reading order (each shown once per language)."""
    result: list[dict] = [{"kind": "facts"}, {"kind": "attendance"}]
    result += [{"kind": "item", "entry": entry} for entry in minutes.agenda()]
    result.append({"kind": "closing"})
    return result


def languages_of(kind: str) -> list[str]:
    if kind in (PdfKind.BILINGUAL, PdfKind.ARCHIVAL):
        return list(i18n.LANGUAGE_CODES)
    return [kind]


def header(minutes: Minutes, languages: list[str]) -> str:
    """Forum and commitment, in each language of the document."""
    lines = []
    for language in languages:
        with override(language):
            title = i18n.value_in(minutes.commitment, "title", language) or i18n.value_in(
                minutes.commitment, "title", i18n.DEFAULT_LANGUAGE
            )
            lines.append(f"{minutes.forum} · {minutes.commitment.number}. {title}")
    return " / ".join(lines)


def html(minutes: Minutes, kind: str) -> str:
    """The HTML the PDF of ``kind`` is rendered from (also its fingerprint's source)."""
    languages = languages_of(kind)
    page_language = languages[0]
    context = {
        "minutes": minutes,
        "parts": parts(minutes),
        "attendance": minutes.attendance_by_sector(),
        "languages": languages,
        "css": pdf.page_css(language=page_language, header=header(minutes, languages)),
        "bilingual": len(languages) > 1,
    }
    with override(page_language):
        return render_to_string("minutes/pdf.html", context)


def fingerprint(source: str, kind: str) -> str:
    return hashlib.sha256(f"{kind}\n{source}".encode()).hexdigest()


def render(minutes: Minutes, kind: str) -> bytes:
    """The PDF bytes of ``kind`` (raises core.pdf.PdfUnavailable without the CJK font)."""
    return render_html(html(minutes, kind), kind)


def render_html(source: str, kind: str) -> bytes:
    variant = ARCHIVAL_VARIANT if kind == PdfKind.ARCHIVAL else None
    return pdf.render_pdf(source, variant=variant)


def minutes_pdfs_refresh(*, minutes_id: int, force: bool = False) -> list[str]:
    """Render and store the PDFs of published minutes whose source changed (or all with ``force``).

    Runs off the public request (a task enqueued when the minutes are published or their
    meeting changes); returns the kinds rebuilt. Unpublished minutes keep no public PDF.
    """
    minutes = Minutes.objects.with_facts().filter(pk=minutes_id, live=True).first()
    if minutes is None:
        return []
    stored = {p.kind: p for p in minutes.pdfs.all()}
    rebuilt = []
    for kind in PdfKind.values:
        source = html(minutes, kind)
        digest = fingerprint(source, kind)
        current = stored.get(kind)
        if current is not None and current.fingerprint == digest and current.file and not force:
            continue
        data = render_html(source, kind)
        with transaction.atomic():
            record = current or MinutesPdf(minutes=minutes, kind=kind)
            old_name = record.file.name if record.file else None
            record.fingerprint = digest
            record.file.save(f"minutes-{minutes.pk}-{kind}.pdf", ContentFile(data), save=False)
            record.save()
            if old_name and old_name != record.file.name:
                transaction.on_commit(lambda name=old_name, f=record.file: f.storage.delete(name))
        rebuilt.append(kind)
    if rebuilt:
        log(minutes, "minutes.pdfs_built", data={"kinds": rebuilt})
    return rebuilt
