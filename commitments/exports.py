"""The compiled plan's files, made once from its snapshot: bilingual PDF, ODT, JSON, CSV."""

from __future__ import annotations

import io
import json

from django.template.loader import render_to_string
from django.utils import translation

from core import spreadsheet
from core.dates import date_from_iso, format_date
from core.pdf import page_css, render_pdf

from . import rules

LANGS = ("zh-hant", "en")
CSV_COLUMNS = [
    "commitment",
    "title_zh_hant",
    "title_en",
    "lead_agency",
    "indicator_zh_hant",
    "indicator_en",
    "starts_on",
    "ends_on",
    "plan_year",
    "target_value",
    "target_unit_zh_hant",
    "target_unit_en",
    "verification_zh_hant",
    "verification_en",
    "status",
]


def _t(value: dict | None, language: str) -> str:
    return (value or {}).get(language) or ""


def _date(iso: str | None, language: str) -> str:
    """An ISO date, or the Taipei day of an ISO date-time, in ``language``."""
    return format_date(date_from_iso(iso), language) if iso else ""


def labels(language: str) -> dict[str, str]:
    """The Annex 2 row headings in ``language`` (from the interface catalogue)."""
    from .annex import ANNEX_LABELS

    with translation.override(language):
        return {key: str(label) for key, label in ANNEX_LABELS.items()}


def render_html_for_pdf(data: dict) -> str:
    """The bilingual printable document: cover, contents, one Annex 2 table per commitment."""
    plan = data["plan"]
    header = f"{_t(plan['name'], 'zh-hant')} / {_t(plan['name'], 'en')}"
    value_labels = {lang: {} for lang in LANGS}
    for lang in LANGS:
        with translation.override(lang):
            value_labels[lang] = {name: str(label) for name, label in rules.OGP_VALUE_LABELS.items()}
    context = {
        "data": data,
        "css": page_css(language="zh-hant", header=header),
        "labels": {"zh": labels("zh-hant"), "en": labels("en")},
        "value_labels": value_labels,
        "compiled_on": {lang: _date(data["compiled_at"], lang) for lang in LANGS},
        "period": {lang: f"{_date(plan['starts_on'], lang)} – {_date(plan['ends_on'], lang)}" for lang in LANGS},
    }
    return render_to_string("commitments/pdf/plan.html", context)


def render_pdf_bytes(data: dict) -> bytes:
    return render_pdf(render_html_for_pdf(data))


def render_json_bytes(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def render_csv_bytes(data: dict) -> bytes:
    """One row per indicator of every compiled commitment (UTF-8 with BOM for spreadsheets)."""
    out = io.StringIO()
    writer = spreadsheet.writer(out, bom=False)
    writer.writerow(CSV_COLUMNS)
    for item in data["commitments"]:
        for indicator in item["indicators"]:
            target = indicator.get("target") or {}
            writer.writerow(
                [
                    item["number"],
                    _t(item["title"], "zh-hant"),
                    _t(item["title"], "en"),
                    _t(item["lead_agency"]["name"], "en") or _t(item["lead_agency"]["name"], "zh-hant"),
                    _t(indicator["description"], "zh-hant"),
                    _t(indicator["description"], "en"),
                    indicator["starts_on"],
                    indicator["ends_on"],
                    indicator["plan_year"] or "",
                    target.get("value", ""),
                    _t(target.get("unit"), "zh-hant"),
                    _t(target.get("unit"), "en"),
                    _t(indicator.get("verification"), "zh-hant"),
                    _t(indicator.get("verification"), "en"),
                    indicator["status"],
                ]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def render_odt_bytes(data: dict) -> bytes:
    """An ODF text document (the Taiwan government's document standard) with every table."""
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P

    doc = OpenDocumentText()
    font = Style(name="Body", family="paragraph")
    font.addElement(TextProperties(fontname="Noto Sans CJK TC", fontfamilyasian="Noto Sans CJK TC"))
    doc.styles.addElement(font)
    h1 = Style(name="Heading 1", family="paragraph")
    h1.addElement(TextProperties(fontsize="18pt", fontweight="bold", fontfamilyasian="Noto Sans CJK TC"))
    h1.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
    doc.styles.addElement(h1)
    h2 = Style(name="Heading 2", family="paragraph")
    h2.addElement(TextProperties(fontsize="14pt", fontweight="bold", fontfamilyasian="Noto Sans CJK TC"))
    doc.styles.addElement(h2)
    label_col = Style(name="LabelColumn", family="table-column")
    label_col.addElement(TableColumnProperties(columnwidth="5cm"))
    doc.automaticstyles.addElement(label_col)

    plan = data["plan"]
    doc.text.addElement(H(outlinelevel=1, stylename=h1, text=_t(plan["name"], "zh-hant")))
    doc.text.addElement(H(outlinelevel=1, stylename=h1, text=_t(plan["name"], "en")))
    lab = {lang: labels(lang) for lang in LANGS}

    def both(value: dict | None) -> str:
        zh, en = _t(value, "zh-hant"), _t(value, "en")
        return f"{zh}\n{en}".strip()

    for item in data["commitments"]:
        doc.text.addElement(
            H(outlinelevel=2, stylename=h2, text=f"{item['number']}. {both(item['title'])}".replace("\n", " / "))
        )
        table = Table(name=f"Commitment{item['number']}")
        table.addElement(TableColumn(stylename=label_col))
        table.addElement(TableColumn())

        def row(key: str, text: str, table=table) -> None:
            tr = TableRow()
            for cell_text in (f"{lab['zh-hant'][key]} / {lab['en'][key]}", text):
                cell = TableCell(valuetype="string")
                for line in (cell_text or "").split("\n"):
                    cell.addElement(P(stylename=font, text=line))
                tr.addElement(cell)
            table.addElement(tr)

        row("period", f"{item['period']['start']} – {item['period']['end']}")
        agencies = [both(item["lead_agency"]["name"])] + [both(a["name"]) for a in item["co_agencies"]]
        row("agencies", "\n".join(agencies))
        row("problem", both(item.get("problem")))
        row("description", both(item.get("description")))
        row("contribution", both(item.get("contribution")))
        values = []
        for name, value in item["ogp_values"].items():
            if value["relevant"]:
                values.append(f"{name}: {both(value['argument'])}")
        row("ogp_values", "\n".join(values))
        sdgs = ", ".join(f"SDG {goal['number']}" for goal in item["sdgs"])
        budget = item.get("budget") or {}
        amount = f"NT$ {budget['amount']:,}" if budget.get("amount") else ""
        row("other", "\n".join(filter(None, [amount, both(budget.get("source")), sdgs])))
        lines = []
        for indicator in item["indicators"]:
            target = indicator.get("target")
            measure = (
                f"{target['value']:g} {_t(target['unit'], 'zh-hant')}"
                if target
                else both(indicator.get("verification"))
            )
            lines.append(
                f"{both(indicator['description'])} ({indicator['starts_on']} – {indicator['ends_on']}; {measure})"
            )
        row("indicators", "\n".join(lines))
        row("participants", "\n".join(both(p["name"]) for p in item["participants"]))
        doc.text.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()
