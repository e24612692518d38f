"""The points summary: the HSP points as the ISA form counts them, on one A4 page.

Items in the order and numbering of the official form (ポイント計算表, 2023-04-01; the engine keeps
that order), the points of each, the total against 70 and 80, the salary floor, the evidence row
(疎明資料 ①–㉑) that proves each claimed item, and the date the points are computed for. For
permanent residence the summary shows the points now, 1 year before and 3 years before, the dates
the 80-point and 70-point bases look at (出入国管理及び難民認定法第二十二条第二項の規定に基づき…
ガイドライン).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from zairyu.domain.dates import add_years
from zairyu.domain.points import PointsProfile, PointsResult, birthday_warnings, score
from zairyu.reports import styles as st
from zairyu.reports.atomic import ExportControl, atomic_output
from zairyu.reports.fonts import ReportFonts, render_with_fonts, resolve_fonts

CATEGORY_LABELS = {
    "a": ("(a) Advanced academic research activities", "高度専門職1号イ（高度学術研究活動）"),
    "b": ("(b) Advanced specialised/technical activities", "高度専門職1号ロ（高度専門・技術活動）"),
    "c": ("(c) Advanced business management activities", "高度専門職1号ハ（高度経営・管理活動）"),
}
PR_THRESHOLDS = (70, 80)  # permanent residence: 70 points for 3 years, or 80 points for 1 year


@dataclass(frozen=True)
class PointsColumn:
    """One scored date: the label printed over its column, and the result."""

    label_en: str
    label_ja: str
    result: PointsResult
    note: str = ""  # e.g. which stored profile the column was scored from


def columns_for(result: PointsResult, profile: PointsProfile, *, permanent_residence: bool,
                history: Sequence[PointsProfile] = ()) -> list[PointsColumn]:
    """The columns to print: now only, or now / 1 year before / 3 years before for permanent residence.

    With a stored ``history``, each past date is scored with the profile in force on it (the newest
    one dated on or before it); without one, the current profile is scored on the past date, which
    moves age (and, with a work start date, experience) but keeps every other claim as given.
    """
    now = PointsColumn("Now", "現在", result)
    if not permanent_residence:
        return [now]
    columns = [now]
    profiles = sorted(history, key=lambda p: p.application_date) or [profile]
    for years, en, ja in ((1, "1 year before", "1年前"), (3, "3 years before", "3年前")):
        day = add_years(result.computed_for, -years)
        in_force = [p for p in profiles if p.application_date <= day]
        source = in_force[-1] if in_force else profiles[0]
        note = "" if in_force else f"projected from the profile of {source.application_date.isoformat()}"
        columns.append(PointsColumn(en, ja, score(source, day), note))
    return columns


def _yen(amount: int) -> str:
    return f"¥{amount:,}"


def all_text(columns: Sequence[PointsColumn], applicant: str | None) -> str:
    parts = [_STATIC, applicant or ""]
    for column in columns:
        parts += [column.label_en, column.label_ja, column.note]
        r = column.result
        parts += [i.label_en + i.label_ja + i.form_number + i.note for i in r.items]
        parts += r.warnings + r.reasons
    for en, ja in CATEGORY_LABELS.values():
        parts += [en, ja]
    return "".join(parts)


_STATIC = ("Highly Skilled Professional points 高度専門職ポイント計算結果 Category 活動類型 Computed for 計算基準日 "
           "Age 年齢 Applicant 申請人 Form of ISA 様式 No. Item 項目 Points ポイント Evidence 疎明資料 Why 内訳 "
           "Total 合計 Required 必要点数 met 充足 not met 不足 Salary floor 年収要件 Annual salary 年収 "
           "Eligible 該当 Not eligible 非該当 Result 判定 Warnings 注意 for permanent residence 永住許可 "
           "points now and 1 year before 現在及び1年前 3 years before 3年前 passport 旅券 — ✓ ✗ ≥ < ¥,.0123456789 "
           "Prepared with Zairyu from the user's own answers; the official form decides. "
           "利用者の入力に基づく試算です。正式な判断は出入国在留管理庁の様式によります。")


def _summary(fonts: ReportFonts, s: st.Styles, result: PointsResult, applicant: str | None,
             width: float) -> Table:
    cat_en, cat_ja = CATEGORY_LABELS[result.category.value]

    def cell(label: str, value: str, value_ja: str = "") -> list[Paragraph]:
        out = [st.para(fonts, label, s.label), st.para(fonts, value, s.body)]
        if value_ja:
            out.append(st.para(fonts, value_ja, s.body))
        return out

    cells = [cell("Applicant 申請人", applicant or "—"),
             cell("Category 活動類型", cat_en, cat_ja),
             cell("Computed for 計算基準日", result.computed_for.isoformat(),
                  f"Age 年齢 {result.age}" if result.age is not None else ""),
             cell("Form of ISA 様式", result.form_date.isoformat())]
    table = Table([cells], colWidths=[0.22 * width, 0.42 * width, 0.18 * width, 0.18 * width])
    table.setStyle(st.summary_block_style(fonts))
    return table


def _items_table(fonts: ReportFonts, s: st.Styles, columns: Sequence[PointsColumn], width: float) -> Table:
    now = columns[0].result
    # One row per item of the current result, in the form's order; past columns look the same code up.
    head: list[object] = [st.para(fonts, "No.", s.cell_head), st.bilingual(fonts, "Item", "項目", s.cell_head),
                          st.bilingual(fonts, "Why", "内訳", s.cell_head)]
    for column in columns:
        label = column.label_en if len(columns) > 1 else "Points"
        label_ja = column.label_ja if len(columns) > 1 else "ポイント"
        head.append(st.bilingual(fonts, label, label_ja, s.cell_head))
    head.append(st.bilingual(fonts, "Evidence", "疎明資料", s.cell_head))
    data: list[list[object]] = [head]
    for item in now.items:
        row: list[object] = [st.para(fonts, item.form_number or "—", s.cell_centre),
                             st.bilingual(fonts, item.label_en, item.label_ja, s.cell, s.cell_small),
                             st.para(fonts, item.note, s.cell_small)]
        for column in columns:
            points = sum(i.points for i in column.result.items if i.code == item.code)
            row.append(st.para(fonts, str(points) if points else "0", s.cell_right))
        evidence = item.form_number if item.claim is not None and item.form_number else ("passport 旅券" if
                                                                                           item.claim else "")
        row.append(st.para(fonts, evidence, s.cell_centre))
        data.append(row)
    total_row: list[object] = [st.para(fonts, "", s.cell), st.bilingual(fonts, "Total", "合計", s.cell), ""]
    for column in columns:
        total_row.append(Paragraph(f"<b>{column.result.total}</b>", s.cell_right))
    total_row.append("")
    data.append(total_row)

    point_cols = len(columns)
    fixed = [0.06, 0.30, 0.0] + [0.09] * point_cols + [0.1]
    fixed[2] = 1 - sum(fixed)
    table = Table(data, colWidths=[f * width for f in fixed], repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("BACKGROUND", (0, 0), (-1, 0), st.ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -2), 0.35, st.RULE),
        ("LINEABOVE", (0, -1), (-1, -1), 1.1, st.ACCENT),
        ("BACKGROUND", (0, -1), (-1, -1), st.ACCENT_LIGHT),
        ("TOPPADDING", (0, 0), (-1, -1), 2.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.2),
    ]
    for index in range(2, len(data) - 1, 2):
        commands.append(("BACKGROUND", (0, index), (-1, index), st.ZEBRA))
    table.setStyle(TableStyle(commands))
    return table


def _mark(ok: bool) -> str:
    return "✓ met 充足" if ok else "✗ not met 不足"


def _verdict(fonts: ReportFonts, s: st.Styles, columns: Sequence[PointsColumn], permanent_residence: bool,
             width: float) -> Table:
    now = columns[0].result
    rows: list[list[object]] = []
    if permanent_residence:
        for threshold, years in ((80, 1), (70, 3)):
            relevant = [c for c in columns if c.label_en in ("Now", f"{years} year before", f"{years} years before")]
            ok = all(c.result.total >= threshold for c in relevant)
            totals = " / ".join(f"{c.label_en}: {c.result.total}" for c in relevant)
            rows.append([st.para(fonts, f"{threshold} points, now and {years} year{'s' if years > 1 else ''} before",
                                 s.body),
                         st.para(fonts, f"{threshold}点（現在及び{years}年前）", s.body),
                         st.para(fonts, totals, s.body), st.para(fonts, _mark(ok), s.body)])
    else:
        for threshold in PR_THRESHOLDS:
            rows.append([st.para(fonts, f"Total against {threshold}", s.body),
                         st.para(fonts, f"合計 {threshold}点", s.body),
                         st.para(fonts, f"{now.total} / {threshold}", s.body),
                         st.para(fonts, _mark(now.total >= threshold), s.body)])
    if now.category.value in ("b", "c"):
        rows.append([st.para(fonts, "Salary floor", s.body), st.para(fonts, "年収要件", s.body),
                     st.para(fonts, f"{_yen(now.annual_salary_yen)} / {_yen(now.salary_floor_yen)}", s.body),
                     st.para(fonts, _mark(now.salary_floor_met), s.body)])
    else:
        rows.append([st.para(fonts, "Salary floor", s.body), st.para(fonts, "年収要件", s.body),
                     st.para(fonts, "none for category (a)", s.body), st.para(fonts, "—", s.body)])
    verdict = "Eligible 該当" if now.eligible else "Not eligible 非該当"
    rows.append([st.para(fonts, "Result (HSP, 70 points and salary floor)", s.body),
                 st.para(fonts, "判定", s.body), st.para(fonts, "; ".join(now.reasons), s.cell_small),
                 Paragraph(f"<b>{fonts.markup(verdict)}</b>", s.body)])
    table = Table(rows, colWidths=[0.3 * width, 0.24 * width, 0.3 * width, 0.16 * width])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.35, st.RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 1.1, st.ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


def render_points(columns: Sequence[PointsColumn], output: Path | io.BytesIO, *, applicant: str | None = None,
                  permanent_residence: bool = False, fonts: ReportFonts | None = None,
                  control: ExportControl | None = None,
                  timing_warnings: Sequence[str] = ()) -> None:
    control = control or ExportControl()
    fonts = fonts or resolve_fonts(all_text(columns, applicant))
    s = st.make_styles(fonts)
    now = columns[0].result
    control.step(0, 2, "points summary: laying out")
    doc = st.report_document(output if isinstance(output, io.BytesIO) else str(output), fonts=fonts,
                             title="Highly Skilled Professional points",
                             header_left="Zairyu · HSP points 高度専門職ポイント計算結果",
                             header_right=f"{applicant or ''}  {now.computed_for.isoformat()}".strip())
    story: list[Flowable] = [
        Paragraph(fonts.markup("Highly Skilled Professional points") + '  <font size="13">'
                  + fonts.markup("高度専門職ポイント計算結果") + "</font>", s.title),
        st.para(fonts, "for permanent residence 永住許可" if permanent_residence else "", s.subtitle),
        _summary(fonts, s, now, applicant, doc.width),
        Spacer(1, 4 * mm),
        _items_table(fonts, s, columns, doc.width),
        Spacer(1, 4 * mm),
        _verdict(fonts, s, columns, permanent_residence, doc.width),
    ]
    notes = [c for c in columns if c.note]
    warnings = list(now.warnings) + list(timing_warnings) + [f"{c.label_en}: {c.note}" for c in notes]
    if warnings:
        story.append(Paragraph(fonts.markup("Warnings 注意"), s.heading))
        story.extend(st.para(fonts, "• " + w, s.small) for w in warnings)
    story.append(Spacer(1, 3 * mm))
    story.append(st.para(fonts, "Prepared with Zairyu from the user's own answers; the official form decides. "
                         "利用者の入力に基づく試算です。正式な判断は出入国在留管理庁の様式によります。", s.small))
    footer = f"Zairyu · HSP points computed for {now.computed_for.isoformat()}"
    control.check()
    doc.build(story, canvasmaker=st.numbered_canvas(fonts, footer))
    control.step(2, 2, "points summary: written")


def write_points_pdf(columns: Sequence[PointsColumn], output: Path, *, applicant: str | None = None,
                     permanent_residence: bool = False, control: ExportControl | None = None,
                     fonts: ReportFonts | None = None, timing_warnings: Sequence[str] = ()) -> None:
    """Write the points summary to ``output`` atomically."""
    with atomic_output(output) as temp:
        render_with_fonts(all_text(columns, applicant) + "".join(timing_warnings),
                          lambda chosen: render_points(columns, temp, applicant=applicant,
                                                       permanent_residence=permanent_residence, fonts=chosen,
                                                       control=control, timing_warnings=timing_warnings), fonts)


def write_for_profile(result: PointsResult, profile: PointsProfile, output: Path, *,
                      applicant: str | None = None, permanent_residence: bool = False,
                      history: Sequence[PointsProfile] = (), control: ExportControl | None = None) -> None:
    """The summary of one profile (``zairyu points F -o``; ``zairyu export points ID``)."""
    columns = columns_for(result, profile, permanent_residence=permanent_residence, history=history)
    # A birthday between filing and a plausible decision date can cost points: the printed summary
    # says so, as the CLI does.
    write_points_pdf(columns, output, applicant=applicant, permanent_residence=permanent_residence,
                     control=control, timing_warnings=birthday_warnings(profile))


__all__ = ["PointsColumn", "columns_for", "write_for_profile", "write_points_pdf"]
