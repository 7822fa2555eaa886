"""PDF rendering with WeasyPrint, shared by minutes and the compiled action plan.

A PDF must never come out with empty boxes for Chinese: without the "Noto Sans CJK TC"
font (Debian ``fonts-noto-cjk``) ``render_pdf`` refuses with ``PdfUnavailable`` and a
message saying what to install. ``libharfbuzz-subset0`` keeps font subsetting fast.
"""

from __future__ import annotations

import functools
import shutil
import subprocess

from django.utils.translation import gettext as _

CJK_FAMILY = "Noto Sans CJK TC"


class PdfUnavailable(RuntimeError):
    """The machine lacks what a correct PDF needs (a CJK font)."""


@functools.cache
def cjk_font_available() -> bool:
    """Whether fontconfig knows the Traditional Chinese Noto Sans CJK face."""
    if shutil.which("fc-list") is None:
        return False
    result = subprocess.run(["fc-list", f":family={CJK_FAMILY}", "family"], capture_output=True, text=True)
    return CJK_FAMILY in result.stdout


def page_css(*, language: str, header: str = "") -> str:
    """A4 pages with the CJK font in the margin boxes (they do not inherit the body font),
    a running header and a "第 x 頁，共 y 頁" / "Page x of y" footer."""
    if language.startswith("zh"):
        footer = '"第 " counter(page) " 頁，共 " counter(pages) " 頁"'
    else:
        footer = '"Page " counter(page) " of " counter(pages)'
    header_css = header.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    font = f'font-family: "{CJK_FAMILY}", sans-serif;'
    return f"""
@page {{
  size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-center {{ content: "{header_css}"; {font} font-size: 8.5pt; color: #444; }}
  @bottom-center {{ content: {footer}; {font} font-size: 8.5pt; color: #444; }}
}}
html {{ {font} font-size: 10.5pt; line-height: 1.55; color: #111; }}
h1 {{ font-size: 17pt; margin: 0 0 6pt; }}
h2 {{ font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 0.6pt solid #999; }}
h3 {{ font-size: 11pt; margin: 10pt 0 3pt; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 0.5pt solid #777; padding: 3pt 5pt; vertical-align: top; text-align: left; }}
th {{ background: #eef1f4; }}
.pending {{ color: #8a4b00; font-style: italic; }}
"""


def render_pdf(html: str, *, base_url: str | None = None, variant: str | None = None) -> bytes:
    """Render HTML to PDF bytes; ``variant`` e.g. ``"pdf/a-3b"`` for the archival copy.

    Raises ``PdfUnavailable`` when the CJK font is missing.
    """
    if not cjk_font_available():
        raise PdfUnavailable(
            _(
                "PDFs cannot be made on this server: the font “%(font)s” is missing. "
                "Install the Debian package fonts-noto-cjk."
            )
            % {"font": CJK_FAMILY}
        )
    from weasyprint import HTML

    options = {"pdf_variant": variant} if variant else {}
    return HTML(string=html, base_url=base_url).write_pdf(**options)
