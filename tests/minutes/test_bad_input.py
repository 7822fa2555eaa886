"""Issue 10 finding 10 (minutes): odd query parameters and a PDF missing from storage are never a 500."""

from __future__ import annotations

import logging

import pytest

from minutes.models import MinutesPdf, PdfKind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "year=-5",
        "year=99999999999",
        "year=0",
        "year=abc",
        "year=" + "9" * 400,
        "theme=-1&commitment=99999999999999999999",
        "page=99999999999999999999",
        "page=-3",
    ],
)
def test_finding_10_minutes_list_ignores_out_of_range_filters(client, published, query):
    response = client.get(f"/minutes/?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize("q", ["\x00", "會議\x00紀錄", "a" * 5000, "%00"])
def test_finding_10_minutes_search_survives_control_characters(client, published, q):
    assert client.get("/minutes/search/", {"q": q}).status_code == 200


def test_finding_10_missing_pdf_is_a_logged_404_with_a_message(client, published, caplog):
    MinutesPdf.objects.create(minutes=published, kind=PdfKind.CHINESE, file="minutes/pdf/gone.pdf")
    with caplog.at_level(logging.ERROR, logger="core.downloads"):
        response = client.get(f"/en/minutes/{published.pk}/pdf/{PdfKind.CHINESE}/")
    assert response.status_code == 404
    assert "This file is missing" in response.content.decode()
    assert any("minutes/pdf/gone.pdf" in record.getMessage() for record in caplog.records)


def test_a_stored_pdf_is_served(client, published, settings):
    from django.core.files.base import ContentFile

    pdf = MinutesPdf(minutes=published, kind=PdfKind.ENGLISH)
    pdf.file.save("here.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    response = client.get(f"/minutes/{published.pk}/pdf/{PdfKind.ENGLISH}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 test"
