#!/usr/bin/env python3
"""Convert the ISA list of designated universities (points item ⑰) from its PDF into data.

Usage:
    python checklists/tools/convert_designated_universities.py LIST.pdf \
        [--as-of 2026-01] [--source URL] [-o checklists/designated-universities.json]

Needs ``pdftotext`` from poppler-utils (``-bbox`` gives every word with its position). The list is a
three-column table — English name, Japanese name, "Country / 国" — where a long cell wraps onto two
lines and the other cells of the row are centred vertically beside it. So the script:

1. keeps, per page, the words between the column header row and the footer note;
2. splits them into the three columns by x position and joins words into lines by y;
3. reads the country column top to bottom: a country cell is complete once it holds "English / 日本語"
   (it may wrap: "United States of" + "America / 米国"), which gives one row per cell and its centre;
4. gives every English and Japanese line to the row whose centre is nearest.

It then checks every row has all three fields and writes JSON sorted as in the PDF. The next list
(ISA refreshes it about every January) converts the same way; review the diff before committing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Column boundaries in PDF points, from the header row of the January 2026 list.
JAPANESE_X = 305.0
COUNTRY_X = 450.0
SAME_LINE = 3.0  # words whose tops differ by less than this are on one line

# Words the PDF itself breaks across two lines in the middle; rejoined after the cells are read.
MID_WORD_WRAPS = {"Erlangen-Nü rnberg": "Erlangen-Nürnberg"}

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


@dataclass
class Line:
    y: float  # centre
    text: str


@dataclass
class Row:
    y: float
    country: str
    english: list[Line] = field(default_factory=list)
    japanese: list[Line] = field(default_factory=list)


def words_by_page(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """(x, y-centre, text) of every word, page by page.

    A word that starts within 1 pt of the previous word's end is glued to it (pdftotext splits
    "Nürnberg" at the accented letter).
    """
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        words: list[tuple[float, float, str]] = []
        previous_end = -1.0
        previous_y = -1.0
        for x0, y0, x1, y1, text in WORD.findall(page):
            x, y, word = float(x0), (float(y0) + float(y1)) / 2, html.unescape(text)
            if words and abs(y - previous_y) < SAME_LINE and 0 <= x - previous_end < 1.0:
                first_x, first_y, first = words[-1]
                words[-1] = (first_x, first_y, first + word)
            else:
                words.append((x, y, word))
            previous_end, previous_y = float(x1), y
        pages.append(words)
    return pages


def table_words(words: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """Drop the title, the column header and the footer (page number and note)."""
    header = [y for _x, y, t in words if t in ("大学名（英語）", "大学名（日本語）", "/国・地域名")]
    # The footer note: 「令和８年１月時点のランキングに基づき作成されているため、…」
    footer = [y for _x, y, t in words if "ランキングに基づき" in t]
    top = max(header) + 6 if header else 0
    bottom = min(footer) - 20 if footer else 1e9  # the page number sits ~15 pt above the note
    return [(x, y, t) for x, y, t in words if top < y < bottom]


def join_lines(words: list[tuple[float, float, str]]) -> list[Line]:
    lines: list[tuple[float, list[tuple[float, str]]]] = []
    for x, y, text in sorted(words, key=lambda w: (w[1], w[0])):
        if lines and abs(lines[-1][0] - y) < SAME_LINE:
            lines[-1][1].append((x, text))
        else:
            lines.append((y, [(x, text)]))
    return [Line(y, " ".join(t for _x, t in sorted(parts))) for y, parts in lines]


def join_text(lines: list[Line]) -> str:
    """Join wrapped lines: no space between two CJK characters, a space otherwise."""
    text = ""
    for line in sorted(lines, key=lambda ln: ln.y):
        piece = line.text.strip()
        if text and not (CJK.match(text[-1]) and CJK.match(piece[0])) and not text.endswith("-"):
            text += " "
        text += piece
    return re.sub(r"\s+", " ", text).strip()


def rows_of_page(words: list[tuple[float, float, str]]) -> list[Row]:
    words = table_words(words)
    english = join_lines([w for w in words if w[0] < JAPANESE_X])
    japanese = join_lines([w for w in words if JAPANESE_X <= w[0] < COUNTRY_X])
    country = join_lines([w for w in words if w[0] >= COUNTRY_X])
    rows: list[Row] = []
    pending: list[Line] = []
    for line in country:
        pending.append(line)
        text = join_text(pending)
        if "/" in text and CJK.search(text.split("/", 1)[1]):
            rows.append(Row(sum(ln.y for ln in pending) / len(pending), text))
            pending = []
    if pending:
        raise SystemExit(f"unfinished country cell: {join_text(pending)!r}")
    for line in english:
        min(rows, key=lambda r: abs(r.y - line.y)).english.append(line)
    for line in japanese:
        min(rows, key=lambda r: abs(r.y - line.y)).japanese.append(line)
    return rows


def convert(pdf: Path) -> list[dict[str, object]]:
    entries = []
    for number, page in enumerate(words_by_page(pdf), start=1):
        for row in rows_of_page(page):
            name_en = join_text(row.english)
            for broken, whole in MID_WORD_WRAPS.items():
                name_en = name_en.replace(broken, whole)
            name_ja = join_text(row.japanese)
            country_en, country_ja = (part.strip() for part in row.country.split("/", 1))
            if not name_en or not name_ja or not country_en or not country_ja:
                raise SystemExit(f"page {number}: incomplete row near y={row.y:.0f}: "
                                 f"{name_en!r} {name_ja!r} {row.country!r}")
            # Names are kept exactly as printed; zairyu.domain.points.universities derives the
            # variants (the names in brackets, former names) when it builds its index.
            entries.append({"name_en": name_en, "name_ja": name_ja,
                            "country_en": country_en, "country_ja": country_ja})
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--as-of", default="2026-01", help="the list's date, YYYY-MM (printed on the list)")
    parser.add_argument("--as-of-label", default="As of January 2026 / 令和８年１月時点")
    parser.add_argument("--source", default="https://www.moj.go.jp/isa/content/001335478.pdf")
    parser.add_argument("-o", "--output", type=Path,
                        default=Path(__file__).resolve().parents[1] / "designated-universities.json")
    args = parser.parse_args(argv)
    entries = convert(args.pdf)
    document = {
        "schema_version": 1,
        "as_of": args.as_of,
        "as_of_label": args.as_of_label,
        "title": ("A list of universities for adding points 加点対象となる大学一覧"
                  "（World University Rankings 世界大学ランキング）"),
        "source": args.source,
        "source_note": ("ISA list for points item ⑰ (以下のいずれかの大学を卒業); converted from "
                        f"{args.pdf.name} by checklists/tools/convert_designated_universities.py on "
                        f"{dt.date.today().isoformat()}. ISA: 申請の際は、必ず最新の３つの世界大学ランキングも"
                        "合わせて御確認ください。"),
        "count": len(entries),
        "universities": entries,
    }
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(args.output)
    countries = {e["country_en"] for e in entries}
    print(f"{len(entries)} universities from {len(countries)} countries/regions -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
