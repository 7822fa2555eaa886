"""The shared PDF renderer: Chinese text with an embedded Noto Sans CJK font, never empty boxes."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from core import pdf


def _html(language: str) -> str:
    return (
        f"<html><head><style>{pdf.page_css(language=language, header='論壇')}</style></head>"
        "<body><h1>會議紀錄</h1><p>推動公民參與機制，民國109年3月31日。</p></body></html>"
    )


def test_pdf_embeds_noto_sans_cjk_and_keeps_the_chinese(tmp_path):
    assert shutil.which("pdffonts"), "poppler-utils is missing: make test installs it"
    target = tmp_path / "t.pdf"
    target.write_bytes(pdf.render_pdf(_html("zh-hant")))
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True).stdout
    assert "NotoSansCJK" in fonts.replace("-", "")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "推動公民參與機制" in text and "民國109年3月31日" in text
    assert "第 1 頁，共 1 頁" in text


def test_english_footer(tmp_path):
    target = tmp_path / "t.pdf"
    target.write_bytes(pdf.render_pdf(_html("en")))
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Page 1 of 1" in text


def test_archival_variant_is_pdf_a(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(pdf.render_pdf(_html("zh-hant"), variant="pdf/a-3b"))
    meta = subprocess.run(["pdfinfo", "-meta", str(target)], capture_output=True, text=True).stdout
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta


def test_missing_font_refuses_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(pdf, "cjk_font_available", lambda: False)
    with pytest.raises(pdf.PdfUnavailable, match="fonts-noto-cjk"):
        pdf.render_pdf(_html("zh-hant"))
