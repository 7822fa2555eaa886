"""The compiled national action plan: snapshot, bilingual PDF, ODT, JSON, CSV (F-7, F-A2)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import zipfile

import pytest

from commitments.models import CommitmentTable, CompiledPlan
from commitments.services import action_plan_compile

from .conftest import publish_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_published(plan, ndc_editor):
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    return publish_many(plan, 3, 1, root, ndc_editor)


def download(client, compiled, fmt) -> bytes:
    response = client.get(compiled.download_url(fmt))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_pdf_embeds_noto_sans_cjk_and_holds_every_published_commitment(client, three_published, ndc_editor, tmp_path):
    # a draft is left out
    from commitments.demo import TEXTS, build_table
    from commitments.models import Commitment

    build_table(Commitment.objects.get(plan=three_published[0].plan, number=12), texts=TEXTS[11])
    compiled = action_plan_compile(plan=three_published[0].plan, user=ndc_editor)
    path = tmp_path / "plan.pdf"
    path.write_bytes(download(client, compiled, "pdf"))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "NotoSansCJK" in fonts.replace("-", "") and "yes" in fonts
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    for title in ("政府資料開放與運用法制化", "建立開放資料集平臺", "公民投票電子連署"):
        assert title in text
    assert "Legal basis for opening and using government data" in text  # bilingual (F-7)
    assert "承諾事項為何" in text and "What is the commitment?" in text  # Annex 2 headings, both languages
    assert "實質受益人資訊透明" not in text
    assert compiled.commitment_count == 3


def test_odt_is_a_valid_odf_package_with_the_titles(client, three_published, ndc_editor):
    compiled = action_plan_compile(plan=three_published[0].plan, user=ndc_editor, formats=("odt",))
    package = zipfile.ZipFile(io.BytesIO(download(client, compiled, "odt")))
    assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    assert package.namelist()[0] == "mimetype"
    content = package.read("content.xml").decode()
    assert "政府資料開放與運用法制化" in content and "Electronic co-signing for referendums" in content
    assert "META-INF/manifest.xml" in package.namelist()


def test_json_and_csv_open_data(client, three_published, ndc_editor):
    compiled = action_plan_compile(plan=three_published[0].plan, user=ndc_editor, formats=("json", "csv"))
    data = json.loads(download(client, compiled, "json"))
    assert [c["number"] for c in data["commitments"]] == [1, 2, 3]
    assert data["plan"]["submission_deadline"] == "2020-03-31"
    assert "contact_email" not in json.dumps(data)  # K-4
    rows = list(csv.DictReader(io.StringIO(download(client, compiled, "csv").decode("utf-8-sig"))))
    assert len(rows) == 12  # 3 commitments × 4 plan years
    assert rows[0]["commitment"] == "1" and rows[0]["plan_year"] == "2020/5–2021/4"
    assert rows[0]["target_unit_en"] == "forums"


def test_finding_7_compiled_plan_csv_neutralises_formulas(client, three_published, ndc_editor):
    from commitments.models import Commitment

    plan = three_published[0].plan
    Commitment.objects.filter(plan=plan, number=1).update(title_en='=HYPERLINK("http://evil.example","open")')
    compiled = action_plan_compile(plan=plan, user=ndc_editor, formats=("csv",))
    rows = list(csv.DictReader(io.StringIO(download(client, compiled, "csv").decode("utf-8-sig"))))
    assert rows[0]["title_en"] == '\'=HYPERLINK("http://evil.example","open")'
    assert all(not value.startswith(("=", "+", "@")) for row in rows for value in row.values())


def test_finding_10_compiled_download_with_its_file_missing_is_a_logged_404(
    client, three_published, ndc_editor, caplog
):
    import logging

    compiled = action_plan_compile(plan=three_published[0].plan, user=ndc_editor, formats=("csv",))
    compiled.csv.storage.delete(compiled.csv.name)
    with caplog.at_level(logging.ERROR, logger="core.downloads"):
        response = client.get("/en" + compiled.download_url("csv"))
    assert response.status_code == 404
    assert "This file is missing" in response.content.decode()
    assert any(compiled.csv.name in record.getMessage() for record in caplog.records)


def test_compiled_plan_is_a_snapshot(client, three_published, ndc_editor):
    compiled = action_plan_compile(plan=three_published[0].plan, user=ndc_editor, formats=("json",))
    CommitmentTable.objects.filter(pk=three_published[0].pk).update(problem_zh_hant="之後修改的內容")
    html = client.get(compiled.get_absolute_url()).content.decode()
    assert "之後修改的內容" not in html
    assert "之後修改的內容" not in download(client, compiled, "json").decode()
    second = action_plan_compile(plan=three_published[0].plan, user=ndc_editor, formats=("json",))
    assert second.version == 2 and "之後修改的內容" in download(client, second, "json").decode()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_compiled_page_with_downloads(client, three_published, ndc_editor, prefix):
    action_plan_compile(plan=three_published[0].plan, user=ndc_editor, formats=("json", "csv", "odt"))
    response = client.get(f"{prefix}/plans/2020-2024/compiled/")
    assert response.status_code == 302 and response.url == f"{prefix}/plans/2020-2024/compiled/1/"
    html = client.get(f"{prefix}/plans/2020-2024/compiled/1/").content.decode()
    assert ".odt" in html or "odt/" in html
    assert "/plans/2020-2024/compiled/1/odt/" in html
    assert ("政府資料開放與運用法制化" if not prefix else "Legal basis for opening and using government data") in html
    plan_page = client.get(f"{prefix}/plans/2020-2024/").content.decode()
    assert "/plans/2020-2024/compiled/1/" in plan_page


def test_missing_file_or_format_is_404(client, three_published, ndc_editor):
    compiled = action_plan_compile(plan=three_published[0].plan, user=ndc_editor, formats=("json",))
    assert client.get(compiled.download_url("pdf")).status_code == 404
    assert client.get("/plans/2020-2024/compiled/1/exe/").status_code == 404
    assert client.get("/plans/2020-2024/compiled/9/json/").status_code == 404
    CompiledPlan.objects.all().delete()
    assert client.get("/plans/2020-2024/compiled/").status_code == 404


def test_only_ndc_compiles(three_published, moe_officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        action_plan_compile(plan=three_published[0].plan, user=moe_officer)


def test_pdf_cover_date_is_the_taipei_day(plan, tmp_path):
    """A plan compiled at 01:40 Taipei time (17:40 UTC the day before) shows the Taipei day."""
    import datetime as dt

    from commitments.exports import render_pdf_bytes
    from commitments.services.tables import plan_snapshot

    moment = dt.datetime(2024, 3, 31, 17, 40, tzinfo=dt.UTC)  # 2024-04-01 01:40 in Taipei
    data = plan_snapshot(plan, version=1, compiled_at=moment)
    path = tmp_path / "plan.pdf"
    path.write_bytes(render_pdf_bytes(data))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "民國113年4月1日" in text and "1 April 2024" in text
    assert "3月31日" not in text and "31 March 2024" not in text


def test_compiled_plan_warns_about_commitments_without_an_approved_table(client, three_published, ndc_editor):
    from commitments.models import Commitment

    plan = three_published[0].plan
    compiled = action_plan_compile(plan=plan, user=ndc_editor, formats=("json",))
    missing = compiled.data["without_table"]
    published = {item["number"] for item in compiled.data["commitments"]}
    assert len(missing) + len(published) == Commitment.objects.filter(plan=plan).count()
    assert not published & {item["number"] for item in missing}
    html = client.get("/en/plans/2020-2024/compiled/1/").content.decode()
    assert f"{len(missing)} commitments have no approved table and are not in this compilation:" in html
    html = client.get("/plans/2020-2024/compiled/1/").content.decode()
    assert f"有 {len(missing)} 項承諾事項尚無核定的承諾事項表" in html


def test_monitoring_lists_every_commitment_with_or_without_a_table(client, three_published, ndc_editor):
    from commitments.models import Commitment

    client.force_login(ndc_editor)
    response = client.get("/admin/commitments/monitoring/")
    assert response.status_code == 200
    rows = response.context["rows"]
    plan = three_published[0].plan
    assert [row["commitment"].number for row in rows] == list(
        Commitment.objects.filter(plan=plan).order_by("number").values_list("number", flat=True)
    )
    assert sum(1 for row in rows if row["table"] is None) == len(rows) - 3
    assert "尚無承諾事項表" in response.content.decode()
