"""The bilingual checklist PDF: Japanese really drawn, fonts embedded, header repeated, page X of Y."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.reports.conftest import NOTO_CJK, ink, pdffonts, render

from zairyu.reports.atomic import ExportCancelled, ExportControl
from zairyu.reports.checklist_pdf import ChecklistHeader, ChecklistRow, add_months, write_checklist_pdf


def words(path: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """pdftotext -bbox: (word, xMin, yMin, xMax, yMax) in points, origin top-left."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = []
    for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                             out):
        x0, y0, x1, y1, text = match.groups()
        found.append((text, float(x0), float(y0), float(x1), float(y1)))
    return found


def text_of(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_count(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))  # type: ignore[union-attr]


def assert_japanese_drawn(path: Path, word: str, page: int = 1) -> None:
    """The region of a Japanese-only word has ink; an empty margin region of the same size has none."""
    dpi = 100
    scale = dpi / 72
    box = next((w for w in words(path, page) if w[0] == word), None)
    assert box is not None, f"{word!r} not found as text on page {page}"
    _, x0, y0, x1, y1 = box
    crop = (int(x0 * scale), int(y0 * scale), max(4, int((x1 - x0) * scale)), max(4, int((y1 - y0) * scale)))
    drawn = render(path, page, dpi, crop)
    blank = render(path, page, dpi, (2, int(20 * scale), crop[2] // 4 or 2, crop[3]))  # the left page edge
    assert ink(blank) == 0
    assert ink(drawn) > 0.05 * crop[2] * crop[3], f"{word!r} is in the text layer but not drawn"


def test_cli_checklist_pdf_draws_japanese_with_embedded_fonts(tmp_path: Path) -> None:
    out = tmp_path / "checklist.pdf"
    day_before = dt.date.today()  # the PDF carries the CLI's own today: a run across midnight has either
    result = run_cli("checklist", "--route", "hsp-1b", "--procedure", "change", "-o", str(out))
    generated_on = {day_before.isoformat(), dt.date.today().isoformat()}
    assert result.returncode == 0, result.stderr
    assert out.exists()
    fonts = pdffonts(out)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    assert any("IPAex" in f["name"] and f["type"] == "TrueType" for f in fonts)
    assert_japanese_drawn(out, "提出書類チェックリスト")
    pages = page_count(out)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = text_of(out, page)
        # Every page with document rows repeats the header; the legend may fall alone on the last page.
        if page < pages or re.search(r"^\s*\d+\. \S", text, re.M):
            assert "Issued / freshness" in text, f"the table header repeats on page {page}"
        assert f"Page {page} of {pages}" in text
    assert "Legend" in text_of(out, pages)
    first = text_of(out, 1)
    for expected in ("Highly Skilled Professional", "高度専門職1号ロ", "Change of status of residence",
                     "在留資格変更許可申請", "Rules checked"):
        assert expected in first
    assert any(day in first for day in generated_on), first


def test_cff_font_path_embeds_a_converted_truetype_subset(tmp_path: Path) -> None:
    out = tmp_path / "checklist-noto.pdf"
    env = dict(os.environ, ZAIRYU_PDF_FONT=str(NOTO_CJK))
    result = subprocess.run([sys.executable, "-m", "zairyu", "checklist", "--route", "j-find",
                             "--procedure", "coe", "-o", str(out)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    fonts = pdffonts(out)
    assert all(f["emb"] == "yes" for f in fonts), fonts
    assert any("NotoSansCJK" in f["name"] and f["type"] == "TrueType" for f in fonts), fonts
    assert not any("CID" in f["type"] and f["emb"] != "yes" for f in fonts)
    assert_japanese_drawn(out, "提出書類チェックリスト")


def _rows(count: int) -> list[ChecklistRow]:
    return [ChecklistRow(code=f"doc-{i}", name_en=f"Document number {i} & <friends>", name_ja=f"書類{i}",
                         issuer_en="Municipal office", issuer_ja="市区町村役場", submit="original",
                         status="ready" if i % 3 == 0 else "needed", translation="needed" if i % 2 else None,
                         issued=dt.date(2026, 1, 31), freshness_months=3, freshness_en="within 3 months",
                         freshness_ja="発行日から3か月以内", notes="A note with ≥ and ㉑ in it")
            for i in range(count)]


HEADER = ChecklistHeader(route_en="Engineer/Specialist", route_ja="技術・人文知識・国際業務",
                         procedure_en="Extension", procedure_ja="在留期間更新許可申請",
                         rules_date=dt.date(2026, 1, 15), rules_version="route data v1", applicant="Maria Example",
                         generated=dt.date(2026, 6, 1))


def test_escaped_text_states_and_expiry(tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    write_checklist_pdf(HEADER, _rows(3), out)
    text = text_of(out)
    assert "Document number 1 & <friends>" in text  # markup characters are text, not tags
    assert "use by 2026-04-30" in text and "expired" in text  # 31 Jan + 3 months, before 1 June
    assert "Ready" in text and "To get" in text
    assert "A note with ≧ and ㉑ in it" in text  # IPAex has no "≥": its JIS form is drawn instead


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)


def test_progress_is_reported_and_cancel_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    seen: list[tuple[int, int, str]] = []
    write_checklist_pdf(HEADER, _rows(5), out, control=ExportControl(progress=lambda d, t, m: seen.append((d, t, m))))
    assert seen and seen[-1][0] == seen[-1][1]
    before = out.read_bytes()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelled):
        write_checklist_pdf(HEADER, _rows(5), out, control=ExportControl(cancel=cancel))
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.pdf"], "no temporary file is left behind"


def test_output_folder_must_exist(tmp_path: Path) -> None:
    result = run_cli("checklist", "--route", "hsp-1b", "--procedure", "change", "-o",
                     str(tmp_path / "missing" / "c.pdf"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_converted_cff_subset_holds_every_character_drawn(tmp_path: Path) -> None:
    """Everything on the page, running header and footer included, is inside the converted subset."""
    from dataclasses import replace

    from zairyu.reports.checklist_pdf import all_text
    from zairyu.reports.fonts import resolve_fonts

    rows = _rows(4)
    header = replace(HEADER, applicant="José Müller")
    out = tmp_path / "noto.pdf"
    fonts = resolve_fonts(all_text(header, rows), preferred=NOTO_CJK)
    write_checklist_pdf(header, rows, out, fonts=fonts)
    text = text_of(out)
    assert "?" not in text, [line for line in text.splitlines() if "?" in line]
    assert "ページ" in text and "José Müller" in text


def test_a_document_translated_only_if_not_in_japanese_says_so(tmp_path: Path) -> None:
    out = tmp_path / "checklist.pdf"
    result = run_cli("checklist", "--route", "engineer-specialist", "--procedure", "coe", "--employer-category", "3",
                     "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(text_of(out).split())
    assert "If foreign" in text  # the employer's contract, business description, financial statements
    assert "外国語の場合" in text
