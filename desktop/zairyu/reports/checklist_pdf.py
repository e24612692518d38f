"""The bilingual checklist: the list the user ticks off at the immigration counter.

A4 landscape (eight columns need the width), a header with the applicant, route and procedure in
English and Japanese, the date and the version/date of the rules, one table row per document
whose header repeats on every page, "Page X of Y" footers and a short legend.

It is built from plain rows (``ChecklistRow``) so the route-only checklist (``zairyu checklist -o``)
and a stored case (``zairyu export checklist``) share one renderer.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, LongTable, Paragraph, Spacer, Table, TableStyle

from zairyu.domain.checklist import ChecklistItem
from zairyu.domain.routes import FRESHNESS_RULES, ISSUER_LABELS, ROUTE_SCHEMA_VERSION, RouteSpec, TranslationRule
from zairyu.reports import styles as st
from zairyu.reports.atomic import ExportControl, atomic_output
from zairyu.reports.fonts import ReportFonts, render_with_fonts, resolve_fonts

SUBMIT_LABELS = {"original": ("Original", "原本"), "copy": ("Copy", "写し"), "show": ("Show only", "提示")}

# Document and translation states as the store records them (zairyu.store.schema); anything else
# is printed as it is.
STATUS_LABELS = {
    "needed": ("To get", "未取得"),
    "requested": ("Requested", "請求中"),
    "received": ("Received", "取得済"),
    "translating": ("Translating", "翻訳中"),
    "ready": ("Ready", "準備完了"),
    "submitted": ("Submitted", "提出済"),
    "not_applicable": ("Not needed", "不要"),
}
TRANSLATION_LABELS = {
    "not_needed": ("Not needed", "不要"),
    "needed": ("Needed", "要翻訳"),
    "in_progress": ("In progress", "翻訳中"),
    "done": ("Done", "翻訳済"),
    "certified": ("Certified", "証明付き翻訳済"),
}
# The box is printed ticked for these: nothing left to do for the document.
READY_STATES = {"ready", "submitted", "not_applicable"}


@dataclass(frozen=True)
class ChecklistHeader:
    route_en: str
    route_ja: str
    procedure_en: str
    procedure_ja: str
    rules_date: dt.date
    rules_version: str
    applicant: str | None = None
    title: str | None = None
    employer_category: int | None = None
    target_filing_date: dt.date | None = None
    generated: dt.date | None = None


@dataclass(frozen=True)
class ChecklistRow:
    code: str
    name_en: str
    name_ja: str
    issuer_en: str
    issuer_ja: str
    submit: str  # original | copy | show
    copies: int = 1
    translation_required: bool = False
    translation_if_not_japanese: bool = False  # translation_rule "if_not_japanese"
    translation: str | None = None  # the case's translation state, None when not tracked
    status: str | None = None  # the case's document state, None when not tracked
    issued: dt.date | None = None
    freshness_months: int | None = None
    freshness_en: str | None = None
    freshness_ja: str | None = None
    form_number: str | None = None
    notes: str = ""
    conditional: str | None = None
    unverified: bool = False


def rows_from_items(items: Sequence[ChecklistItem]) -> list[ChecklistRow]:
    """Checklist rows for a route with no case behind it (nothing obtained yet)."""
    rows = []
    for item in items:
        doc = item.document
        issuer_en, issuer_ja = ISSUER_LABELS[doc.issuer]
        months, fresh_en, fresh_ja = (None, None, None)
        if doc.freshness is not None:
            months, fresh_en, fresh_ja, _source = FRESHNESS_RULES[doc.freshness]
        notes = [n for n in (doc.notes_en, doc.when.note_en) if n]
        rows.append(ChecklistRow(
            code=doc.code, name_en=doc.name_en, name_ja=doc.name_ja, issuer_en=issuer_en, issuer_ja=issuer_ja,
            submit=doc.submit.value, copies=doc.copies, translation_required=doc.foreign_language,
            translation_if_not_japanese=doc.translation_rule is TranslationRule.IF_NOT_JAPANESE,
            freshness_months=months, freshness_en=fresh_en, freshness_ja=fresh_ja, form_number=doc.form_number,
            notes=" ".join(notes), conditional=item.conditional_en, unverified=doc.unverified is not None,
        ))
    return rows


def header_for_route(route: RouteSpec, procedure: str, *, applicant: str | None = None,
                     employer_category: int | None = None) -> ChecklistHeader:
    proc = route.procedure(procedure)
    return ChecklistHeader(route_en=route.name_en, route_ja=route.name_ja, procedure_en=proc.name_en,
                           procedure_ja=proc.name_ja, rules_date=route.rules_date,
                           rules_version=f"route data v{ROUTE_SCHEMA_VERSION}", applicant=applicant,
                           employer_category=employer_category)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _label(mapping: dict[str, tuple[str, str]], value: str) -> tuple[str, str]:
    return mapping.get(value.lower(), (value.replace("_", " ").capitalize(), ""))


class _CheckBox(Flowable):
    """An empty square to tick by hand; filled when the case says the document is ready."""

    def __init__(self, ticked: bool, size: float = 3.6 * mm) -> None:
        super().__init__()
        self.ticked = ticked
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(st.ACCENT)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        if self.ticked:
            s = self.size
            canvas.setLineWidth(1.3)
            path = canvas.beginPath()
            path.moveTo(s * 0.18, s * 0.5)
            path.lineTo(s * 0.42, s * 0.2)
            path.lineTo(s * 0.85, s * 0.85)
            canvas.drawPath(path, stroke=1, fill=0)


def all_text(header: ChecklistHeader, rows: Sequence[ChecklistRow]) -> str:
    """Every character the checklist can draw (for subsetting a converted font)."""
    parts = [header.route_en, header.route_ja, header.procedure_en, header.procedure_ja, header.applicant or "",
             header.title or "", _STATIC_TEXT]
    for mapping in (SUBMIT_LABELS, STATUS_LABELS, TRANSLATION_LABELS):
        parts.extend(en + ja for en, ja in mapping.values())
    for row in rows:
        parts.extend([row.name_en, row.name_ja, row.issuer_en, row.issuer_ja, row.status or "",
                      row.translation or "", row.freshness_en or "", row.freshness_ja or "", row.form_number or "",
                      row.notes, row.conditional or ""])
    return "".join(parts)


_LEGEND = [
    ("□", "Tick each document when it is in your folder.", "書類がそろったらチェックしてください。"),
    ("Original / Copy / Show only", "hand in the original, a copy, or show the original at the counter.",
     "原本を提出 / 写しを提出 / 窓口で原本を提示。"),
    ("Translation", "a document in a foreign language must come with a Japanese translation "
     "(Immigration Control Act Enforcement Regulations, Art. 62); \"If foreign\": only if yours is not in Japanese.",
     "外国語の書類には日本語訳を添付してください（入管法施行規則第62条）。「外国語の場合」は日本語でない場合のみ。"),
    ("Freshness", "certificates issued in Japan must be issued within 3 months before submission; "
     "photos taken within 6 months.", "日本で発行される証明書は発行日から3か月以内、写真は6か月以内に撮影したもの。"),
    ("Unverified", "this entry could not be confirmed against an official source; check with the "
     "Immigration Services Agency.", "公式資料で確認できなかった項目です。出入国在留管理庁に確認してください。"),
]
_STATIC_TEXT = ("Document checklist 提出書類チェックリスト Applicant 申請人 Route 在留資格 Procedure 申請の種類 "
                "Prepared on 作成日 Rules checked 確認日 Employer category 所属機関カテゴリー "
                "Filing date 申請予定日 Document 書類 Issuer 発行元 Submit 提出 Status 状況 Translation 翻訳 "
                "Issued / freshness 発行日・有効期限 Notes 備考 Legend 凡例 copies 部 issued use by "
                "expired 期限切れ 以内 UNVERIFIED 未確認 Conditional 条件 points item ポイント疎明資料 Case 案件 "
                + "".join(a + b + c for a, b, c in _LEGEND))


def _freshness_cell(fonts: ReportFonts, s: st.Styles, row: ChecklistRow, on: dt.date) -> list[Paragraph]:
    cell: list[Paragraph] = []
    if row.issued is not None:
        cell.append(st.para(fonts, f"issued {row.issued.isoformat()}", s.cell))
        if row.freshness_months is not None:
            use_by = add_months(row.issued, row.freshness_months)
            text = f"use by {use_by.isoformat()}"
            if use_by < on:
                colour = "#" + st.WARNING.hexval()[2:]
                warning = fonts.markup(text + " · expired 期限切れ")
                cell.append(st.CellParagraph(f'<font color="{colour}">{warning}</font>', s.cell))
            else:
                cell.append(st.para(fonts, text, s.cell))
    if row.freshness_ja or row.freshness_en:
        cell.append(st.para(fonts, row.freshness_ja or row.freshness_en, s.cell_small))
    return cell or [st.para(fonts, "—", s.cell)]


def _notes_cell(fonts: ReportFonts, s: st.Styles, row: ChecklistRow) -> list[Paragraph]:
    cell: list[Paragraph] = []
    if row.form_number:
        cell.append(st.para(fonts, f"points item {row.form_number} ポイント疎明資料", s.cell_small))
    if row.conditional:
        cell.append(st.para(fonts, "Conditional: " + row.conditional, s.cell_small))
    if row.notes:
        cell.append(st.para(fonts, row.notes, s.cell_small))
    if row.unverified:
        colour = "#" + st.WARNING.hexval()[2:]
        flag = fonts.markup("UNVERIFIED 未確認")
        cell.append(st.CellParagraph(f'<font color="{colour}">{flag}</font>', s.cell_small))
    return cell


def _label_cell(fonts: ReportFonts, s: st.Styles, english: str, japanese: str = "") -> object:
    """A short fixed label as a plain table string (drawn without Paragraph parsing and wrapping,
    a third of a checklist's cells); a Paragraph only when a character needs another font."""
    text = f"{english}\n{japanese}" if japanese else english
    if len(fonts.runs(text.replace("\n", ""))) <= 1:
        return text
    return st.bilingual(fonts, english, japanese, s.cell, s.cell_small)


def _document_table(fonts: ReportFonts, s: st.Styles, rows: Sequence[ChecklistRow], on: dt.date,
                    width: float) -> Table:
    heads = [("", ""), ("Document", "書類"), ("Issuer", "発行元"), ("Submit", "提出"), ("Status", "状況"),
             ("Translation", "翻訳"), ("Issued / freshness", "発行日・有効期限"), ("Notes", "備考")]
    head_row: list[object] = [st.CellParagraph(f"{fonts.markup(en)}<br/>{fonts.markup(ja)}" if en else "", s.cell_head)
                for en, ja in heads]
    data: list[list[object]] = [head_row]
    for number, row in enumerate(rows, start=1):
        submit_en, submit_ja = SUBMIT_LABELS.get(row.submit, (row.submit, ""))
        submit = f"{submit_en}\n{submit_ja}"
        if row.copies != 1:
            submit += f" ×{row.copies}"
        if row.status is None:
            status: object = ""
        else:
            status_en, status_ja = _label(STATUS_LABELS, row.status)
            status = _label_cell(fonts, s, status_en, status_ja)
        if row.translation is not None:
            tr_en, tr_ja = _label(TRANSLATION_LABELS, row.translation)
        elif row.translation_required:
            tr_en, tr_ja = TRANSLATION_LABELS["needed"]
        elif row.translation_if_not_japanese:
            tr_en, tr_ja = ("If foreign", "外国語の場合")
        else:
            tr_en, tr_ja = ("—", "")
        name = [st.CellParagraph(f'<font color="#5B6670">{number}.</font> {fonts.markup(row.name_en)}',
                          st.wrap_style(s.cell, row.name_en)),
                st.para(fonts, row.name_ja, s.cell)]
        data.append([
            _CheckBox(row.status is not None and row.status.lower() in READY_STATES),
            name,
            st.bilingual(fonts, row.issuer_en, row.issuer_ja, s.cell_small, s.cell_small),
            _label_cell(fonts, s, submit),
            status,
            _label_cell(fonts, s, tr_en, tr_ja),
            _freshness_cell(fonts, s, row, on),
            _notes_cell(fonts, s, row),
        ])
    fractions = [0.035, 0.255, 0.12, 0.075, 0.08, 0.08, 0.13, 0.225]
    # LongTable: the same as Table(repeatRows=1) but it does not re-measure every row at each page split.
    table = LongTable(data, colWidths=[f * width for f in fractions], repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),  # string cells default to Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), st.ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.2),
        ("TOPPADDING", (0, 0), (-1, -1), 3.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.8),
        ("LINEBELOW", (0, 1), (-1, -1), 0.35, st.RULE),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        # The label columns (submit, status, translation) hold plain strings: same look as s.cell.
        ("FONTSIZE", (3, 1), (5, -1), s.cell.fontSize),
        ("LEADING", (3, 1), (5, -1), s.cell.leading),
    ]
    for index in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, index), (-1, index), st.ZEBRA))
    table.setStyle(TableStyle(commands))
    return table


def _summary_block(fonts: ReportFonts, s: st.Styles, header: ChecklistHeader, on: dt.date,
                   width: float) -> Table:
    def cell(label_en: str, label_ja: str, value: str, value_ja: str = "") -> Paragraph:
        markup = f'<font size="7" color="#5B6670">{fonts.markup(label_en + "  " + label_ja)}</font><br/>'
        markup += fonts.markup(value)
        if value_ja:
            markup += f"<br/>{fonts.markup(value_ja)}"
        return Paragraph(markup, s.body)

    cells = [
        cell("Applicant", "申請人", header.applicant or "—"),
        cell("Route", "在留資格", header.route_en, header.route_ja),
        cell("Procedure", "申請の種類", header.procedure_en, header.procedure_ja),
        cell("Prepared on", "作成日", on.isoformat()),
        cell("Rules checked", "確認日", header.rules_date.isoformat(), header.rules_version),
    ]
    extra = []
    if header.employer_category is not None:
        extra.append(cell("Employer category", "所属機関カテゴリー", str(header.employer_category)))
    if header.target_filing_date is not None:
        extra.append(cell("Filing date", "申請予定日", header.target_filing_date.isoformat()))
    if header.title:
        extra.append(cell("Case", "案件", header.title))
    cells.extend(extra)
    fractions = [0.19, 0.25, 0.25, 0.12, 0.19] if not extra else None
    widths = [f * width for f in fractions] if fractions else [width / len(cells)] * len(cells)
    table = Table([cells], colWidths=widths)
    table.setStyle(st.summary_block_style(fonts, ("LINEBEFORE", (1, 0), (-1, -1), 0.6, colors.white)))
    return table


def _legend(fonts: ReportFonts, s: st.Styles, width: float) -> Flowable:
    rows = [[Paragraph(fonts.markup(term), s.label),
             Paragraph(f"{fonts.markup(en)} {fonts.markup(ja)}", s.small)] for term, en, ja in _LEGEND]
    table = Table(rows, colWidths=[0.17 * width, 0.83 * width])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.regular),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return KeepTogether([Paragraph(fonts.markup("Legend 凡例"), s.heading), table])


def render_checklist(header: ChecklistHeader, rows: Sequence[ChecklistRow], output: Path | io.BytesIO, *,
                     fonts: ReportFonts | None = None, control: ExportControl | None = None) -> None:
    """Draw the checklist into ``output`` (a path is written as it is; use ``write_checklist_pdf``)."""
    control = control or ExportControl()
    fonts = fonts or resolve_fonts(all_text(header, rows))
    s = st.make_styles(fonts)
    on = header.generated or st.today()
    control.step(0, 2, "checklist: laying out")
    who = header.applicant or header.title or ""
    doc = st.report_document(output if isinstance(output, io.BytesIO) else str(output), fonts=fonts,
                             title=f"Document checklist — {header.route_en}", landscape_pages=True,
                             header_left="Zairyu · Document checklist 提出書類チェックリスト",
                             header_right=f"{who}  {header.route_ja}・{header.procedure_ja}".strip())
    story: list[Flowable] = [
        Paragraph(fonts.markup("Document checklist") + '  <font size="13">' + fonts.markup("提出書類チェックリスト")
                  + "</font>", s.title),
        Paragraph(fonts.markup(f"{header.route_en} — {header.procedure_en}　{header.route_ja}・{header.procedure_ja}"),
                  s.subtitle),
        _summary_block(fonts, s, header, on, doc.width),
        Spacer(1, 4 * mm),
        _document_table(fonts, s, rows, on, doc.width),
        _legend(fonts, s, doc.width),
    ]
    footer = f"Zairyu · {header.route_en} / {header.procedure_en} · prepared {on.isoformat()}"
    control.check()
    doc.build(story, canvasmaker=st.numbered_canvas(fonts, footer))
    control.step(2, 2, "checklist: written")


def write_checklist_pdf(header: ChecklistHeader, rows: Sequence[ChecklistRow], output: Path, *,
                        control: ExportControl | None = None, fonts: ReportFonts | None = None) -> None:
    """Write the checklist to ``output`` atomically."""
    with atomic_output(output) as temp:
        render_with_fonts(all_text(header, rows),
                          lambda chosen: render_checklist(header, rows, temp, fonts=chosen, control=control), fonts)
