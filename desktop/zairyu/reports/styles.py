"""The look shared by every page we draw: A4, one accent colour, running header, "page X of Y".

Modelled on pretix's invoice renderer: a ``BaseDocTemplate`` whose page template draws
the header and footer in ``onPage``, and a canvas that remembers every page and writes
"Page X of Y" in ``save()``, when the total is finally known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, TableStyle

from zairyu import __version__
from zairyu.reports.fonts import ReportFonts

# reportlab wraps every compressed stream in ASCII85 by default, a 7-bit-mail relic that makes files
# 25 % bigger and costs time; binary streams are plain ISO 32000.
rl_config.useA85 = 0

ACCENT = colors.HexColor("#1F3A5F")  # deep navy: prints well in greyscale too
ACCENT_LIGHT = colors.HexColor("#E8EEF5")
RULE = colors.HexColor("#B8C2CC")
MUTED = colors.HexColor("#5B6670")
WARNING = colors.HexColor("#9A3412")
ZEBRA = colors.HexColor("#F6F8FA")

MARGIN = 14 * mm
HEADER_HEIGHT = 9 * mm
FOOTER_HEIGHT = 9 * mm


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    cell_centre: ParagraphStyle
    label: ParagraphStyle


def make_styles(fonts: ReportFonts) -> Styles:
    regular, bold = fonts.regular, fonts.bold

    def style(name: str, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", regular)
        kw.setdefault("wordWrap", "CJK")  # break Japanese anywhere, English at spaces
        kw.setdefault("bulletFontName", kw["fontName"])  # else Helvetica is listed, un-embedded
        return ParagraphStyle(name, **kw)

    return Styles(
        title=style("title", fontName=bold, fontSize=17, leading=22, textColor=ACCENT, spaceAfter=1 * mm),
        subtitle=style("subtitle", fontSize=11, leading=15, textColor=MUTED, spaceAfter=3 * mm),
        heading=style("heading", fontName=bold, fontSize=11.5, leading=15, textColor=ACCENT,
                      spaceBefore=4 * mm, spaceAfter=2 * mm),
        body=style("body", fontSize=9.5, leading=13.5),
        small=style("small", fontSize=7.8, leading=10.5, textColor=MUTED),
        cell=style("cell", fontSize=8.4, leading=10.8),
        cell_small=style("cell_small", fontSize=7.4, leading=9.4, textColor=MUTED),
        cell_head=style("cell_head", fontName=bold, fontSize=7.8, leading=9.8, textColor=colors.white),
        cell_right=style("cell_right", fontSize=8.4, leading=10.8, alignment=TA_RIGHT),
        cell_centre=style("cell_centre", fontSize=8.4, leading=10.8, alignment=TA_CENTER),
        label=style("label", fontSize=7.6, leading=9.6, textColor=MUTED, alignment=TA_LEFT),
    )


def numbered_canvas(fonts: ReportFonts, footer_left: str) -> type[Canvas]:
    """A canvas class that writes "Page X of Y" on every page once it knows Y."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # reportlab's default initial font is Helvetica, which would be listed un-embedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.regular
            super().__init__(*args, **kwargs)
            self._saved_page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_page_states)
            for state in self._saved_page_states:
                self.__dict__.update(state)
                self._draw_footer(self._pageNumber, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            y = MARGIN - 6 * mm
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
            self.setFillColor(MUTED)
            fonts.draw_string(self, MARGIN, y, footer_left, 7.2)
            fonts.draw_string(self, width - MARGIN, y, f"Page {number} of {total} ・ {number} / {total} ページ",
                              7.2, anchor="right")

    return NumberedCanvas


def running_header(fonts: ReportFonts, left: str, right: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 4 * mm, width, 4 * mm, stroke=0, fill=1)
        canvas.setFillColor(MUTED)
        y = height - MARGIN + 1 * mm
        fonts.draw_string(canvas, MARGIN, y, left, 7.6)
        fonts.draw_string(canvas, width - MARGIN, y, right, 7.6, anchor="right")
        canvas.restoreState()

    return draw


def report_document(output: Any, *, fonts: ReportFonts, title: str, header_left: str, header_right: str,
                    landscape_pages: bool = False) -> BaseDocTemplate:
    """An A4 document with our header and footer; ``output`` is a path or a binary file object."""
    pagesize = landscape(A4) if landscape_pages else A4
    doc = BaseDocTemplate(output, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN + HEADER_HEIGHT - 4 * mm, bottomMargin=MARGIN + 2 * mm,
                          title=title, author="Zairyu", creator=f"Zairyu {__version__}",
                          subject=title, lang="ja")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                       onPage=running_header(fonts, header_left, header_right))])
    return doc


_latin_styles: dict[int, ParagraphStyle] = {}


def summary_block_style(fonts: ReportFonts, *extra: tuple[Any, ...]) -> TableStyle:
    """The shaded one-row block under a report's title (applicant, route, dates)."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        *extra,
    ])


def has_cjk(text: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in text)


def wrap_style(style: ParagraphStyle, text: str) -> ParagraphStyle:
    """``style`` for Japanese text; its plain-wrapping twin for text without CJK characters.

    reportlab's CJK line breaking (break anywhere) costs about twice the plain one (break at
    spaces); English cells are most of a checklist, and this keeps 60 documents under 0.5 s.
    """
    if has_cjk(text):
        return style
    latin = _latin_styles.get(id(style))
    if latin is None:
        latin = _latin_styles[id(style)] = ParagraphStyle(f"{style.name}-latin", parent=style, wordWrap=None)
    return latin


class CellParagraph(Paragraph):
    """A Paragraph that remembers its line breaks for a width it has already been wrapped to.

    A long table asks every cell for its size several times (to measure, at each page split and
    again to draw); line breaking is most of the cost of a checklist, and the answer for one width
    never changes.
    """

    _wrapped_for: float | None = None
    _wrapped_size: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for != availWidth:
            self._wrapped_size = super().wrap(availWidth, availHeight)
            self._wrapped_for = availWidth
        return self._wrapped_size


def para(fonts: ReportFonts, text: str | None, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text: escaped (reportlab parses markup) and glyph-checked."""
    text = text or ""
    return CellParagraph(fonts.markup(text), wrap_style(style, text))


def bilingual(fonts: ReportFonts, english: str, japanese: str, style: ParagraphStyle,
              secondary: ParagraphStyle | None = None) -> list[Paragraph]:
    """English over Japanese in one table cell, each wrapped by its own rules."""
    result = [para(fonts, english, style)]
    if japanese:
        result.append(para(fonts, japanese, secondary or style))
    return result


def format_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def today() -> dt.date:
    return dt.date.today()
