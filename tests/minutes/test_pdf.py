"""PDFs of the minutes: Noto Sans CJK embedded, Chinese text and ROC date, English, bilingual,
PDF/A; stored and rebuilt when the minutes or their facts change; downloads never render."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from forum.models import Attendance
from minutes import pdf as minutes_pdf
from minutes.models import MinutesPdf
from minutes.pdf import minutes_pdfs_refresh

from .conftest import make_minutes

pytestmark = pytest.mark.django_db


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def built(settings, meeting, django_capture_on_commit_callbacks):
    """Published minutes whose PDFs were built by the task enqueued on publication."""
    settings.MINUTES_BUILD_PDFS = True
    with django_capture_on_commit_callbacks(execute=True):
        minutes = make_minutes(meeting)
    return minutes


def test_rule_F_7_three_pdfs_and_the_archival_copy_are_built_on_publication(built):
    assert shutil.which("pdffonts"), "poppler-utils is missing"
    stored = {p.kind: Path(p.file.path) for p in MinutesPdf.objects.filter(minutes=built)}
    assert set(stored) == {"zh-hant", "en", "bilingual", "archival"}

    fonts = subprocess.run(["pdffonts", str(stored["zh-hant"])], capture_output=True, text=True).stdout
    assert "NotoSansCJK" in fonts.replace("-", "")
    zh = _text(stored["zh-hant"])
    assert "民國109年3月31日" in zh  # ROC date in the Chinese version
    assert "與會者討論推動公民參與機制" in zh and "第1次多方利害關係人論壇會議" in zh
    assert "第 1 頁，共" in zh
    assert "青年政策參與" in zh  # header: forum and commitment

    en = _text(stored["en"])
    assert "31 March 2020" in en and "Members discussed civic participation." in en and "Page 1 of" in en
    assert "民國" not in en

    bilingual = _text(stored["bilingual"])
    # Each section Chinese then English.
    zh_at, en_at = (
        bilingual.index("與會者討論推動公民參與機制"),
        bilingual.index("Members discussed civic participation."),
    )
    assert zh_at < en_at
    assert bilingual.index("民國109年3月31日") < bilingual.index("31 March 2020") < zh_at

    meta = subprocess.run(["pdfinfo", "-meta", str(stored["archival"])], capture_output=True, text=True).stdout
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta


def test_pdfs_rebuilt_only_when_the_facts_change(built, meeting, django_capture_on_commit_callbacks):
    assert minutes_pdfs_refresh(minutes_id=built.pk) == []  # nothing changed: nothing rendered
    before = MinutesPdf.objects.get(minutes=built, kind="zh-hant").fingerprint
    with django_capture_on_commit_callbacks(execute=True):
        Attendance.objects.filter(meeting=meeting).first().delete()  # a fact changes: rebuilt by the task
    after = MinutesPdf.objects.get(minutes=built, kind="zh-hant")
    assert after.fingerprint != before
    assert "出席委員：政府部門 1 人，非政府部門 2 人。" in _text(Path(after.file.path))


def test_download_serves_the_stored_file_and_never_renders(client, built, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a public download must not render a PDF")

    monkeypatch.setattr(minutes_pdf, "render", refuse)
    monkeypatch.setattr(minutes_pdf, "render_html", refuse)
    for kind in ("zh-hant", "en", "bilingual", "archival"):
        response = client.get(f"/minutes/{built.pk}/pdf/{kind}/")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(f"/minutes/{built.pk}/pdf/word/").status_code == 404


def test_no_pdf_yet_is_a_clear_404_not_a_render(client, published, monkeypatch):
    monkeypatch.setattr(minutes_pdf, "render_html", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    assert client.get(f"/minutes/{published.pk}/pdf/zh-hant/").status_code == 404
    page = client.get(f"/minutes/{published.pk}/").content.decode()
    assert f"/minutes/{published.pk}/pdf/zh-hant/" not in page


def test_drafts_have_no_public_pdf(second_meeting):
    draft = make_minutes(second_meeting, publish=False)
    assert minutes_pdfs_refresh(minutes_id=draft.pk) == []
    assert not MinutesPdf.objects.filter(minutes=draft).exists()
