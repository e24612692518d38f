"""The submission packet: cover, contents, then every attached file in checklist order.

Assembled with pikepdf (qpdf): attached PDFs are copied page for page, JPEG photos are embedded
without re-encoding, PNGs converted losslessly, photos fitted to A4. Every page gets an "n / N"
stamp, every document a bookmark (and every file one under it). The output is written
unencrypted with no restrictions, because the online system rejects any PDF with a security
setting and anything that is not ISO 32000-1.

Nothing is written until every input has been opened (``reports/sources.py``, shared with the
online set): a file that needs a password or is broken stops the export with its document and
file named, and no output file appears. With a
size limit the packet is split at document boundaries into parts of at most ``max_mb`` MB;
photos are downscaled (never below 200 dpi on the page) only when one document on its own is too
big for a part, and a document that cannot fit even then is named.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from zairyu.errors import UserInputError
from zairyu.reports import styles as st
from zairyu.reports.atomic import ExportControl, atomic_outputs
from zairyu.reports.fonts import ReportFonts, resolve_fonts
from zairyu.reports.sources import (
    DPI_LADDER,
    LoadedDocument,
    PacketDocument,
    PacketFile,
    add_document_pages,
    encode_photos,
    load_document,
    save_unrestricted,
)
from zairyu.safe_text import display_name

# What callers use; PacketDocument and PacketFile (the packet's inputs) live in sources.py.
__all__ = ["MB", "PacketCover", "PacketDocument", "PacketFile", "PacketResult", "build_packet", "part_paths"]

MB = 1024 * 1024
# What a part costs besides its documents (cover, contents, font subsets, stamps) until measured.
_FRONT_MATTER_ESTIMATE = 200 * 1024


@dataclass(frozen=True)
class PacketCover:
    route_en: str
    route_ja: str
    procedure_en: str
    procedure_ja: str
    applicant: str | None = None
    title: str | None = None
    prepared: dt.date | None = None


@dataclass
class PacketResult:
    paths: list[Path]
    pages: list[int]  # per part
    sizes: list[int]  # bytes per part
    downscaled: list[tuple[str, int]] = field(default_factory=list)  # (document, dpi)
    # (file, what was removed): JavaScript, actions, embedded files never reach the office.
    removed_content: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    flattened_forms: list[str] = field(default_factory=list)  # files whose filled fields were drawn into the page


# ---------------------------------------------------------------------------------------------
# Cover and contents (drawn by reportlab, then merged)

_STATIC = ("Application documents 申請書類 Applicant 申請人 Route 在留資格 Procedure 申請の種類 Prepared on 作成日 "
           "Case 案件 Contents 目次 Documents 書類 Pages ページ Files ファイル Part 分割 of "
           "No. Document 書類 Page ページ Cover 表紙 This packet holds 本書には documents pages "
           "Prepared with Zairyu — check every page before you submit. 提出前に全ページを確認してください。"
           "0123456789/–-.,() ")


def _front_text(cover: PacketCover, docs: Sequence[LoadedDocument]) -> str:
    parts = [_STATIC, cover.route_en, cover.route_ja, cover.procedure_en, cover.procedure_ja,
             cover.applicant or "", cover.title or ""]
    for d in docs:
        parts += [d.doc.title_en, d.doc.title_ja] + [s.file.name for s in d.sources]
    return "".join(parts)


def _render_front(cover: PacketCover, docs: Sequence[LoadedDocument], first_pages: Sequence[int], total_pages: int,
                  part: tuple[int, int], fonts: ReportFonts) -> bytes:
    s = st.make_styles(fonts)
    buffer = io.BytesIO()
    prepared = cover.prepared or st.today()
    who = cover.applicant or cover.title or ""
    doc = st.report_document(buffer, fonts=fonts, title=f"Application documents — {cover.route_en}",
                             header_left="Zairyu · Application documents 申請書類",
                             header_right=f"{who}  {cover.route_ja}・{cover.procedure_ja}".strip())
    # The footer's "page X of Y" would clash with the packet-wide stamp; the stamp numbers these pages.
    width = doc.width
    part_no, part_count = part
    story: list[Flowable] = [Spacer(1, 34 * mm)]
    story.append(Paragraph(fonts.markup("Application documents"),
                           ParagraphStyle("cover-title", parent=s.title, fontSize=26, leading=32)))
    story.append(Paragraph(fonts.markup("申請書類"),
                           ParagraphStyle("cover-subtitle", parent=s.subtitle, fontSize=15, leading=20)))
    story.append(Spacer(1, 10 * mm))

    def row(label_en: str, label_ja: str, value: str, value_ja: str = "") -> list[object]:
        return [st.bilingual(fonts, label_en, label_ja, s.label, s.label),
                st.bilingual(fonts, value, value_ja, s.body, s.body)]

    rows = [row("Applicant", "申請人", cover.applicant or "—"),
            row("Route", "在留資格", cover.route_en, cover.route_ja),
            row("Procedure", "申請の種類", cover.procedure_en, cover.procedure_ja)]
    if cover.title:
        rows.append(row("Case", "案件", cover.title))
    rows.append(row("Prepared on", "作成日", prepared.isoformat()))
    if part_count > 1:
        rows.append(row("Part", "分割", f"{part_no} of {part_count}", f"{part_count}分割中の{part_no}"))
    pages_in_docs = sum(d.pages for d in docs)
    def plural(count: int, noun: str) -> str:
        return f"{count} {noun}" + ("" if count == 1 else "s")

    rows.append(row("Contents", "内容", f"{plural(len(docs), 'document')}, {plural(pages_in_docs, 'page')} "
                    f"({total_pages} pages with cover and contents)", f"書類{len(docs)}点・{pages_in_docs}ページ"))
    table = Table(rows, colWidths=[0.26 * width, 0.74 * width])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, st.ACCENT),
    ]))
    story.append(table)
    story.append(Spacer(1, 12 * mm))
    story.append(st.para(fonts, "Prepared with Zairyu — check every page before you submit. "
                         "提出前に全ページを確認してください。", s.small))
    for note in _passive_notes(docs):
        story.append(Spacer(1, 3 * mm))
        story.append(st.para(fonts, note, s.small))
    story.append(PageBreak())

    story.append(Paragraph(fonts.markup("Contents") + '  <font size="13">' + fonts.markup("目次") + "</font>",
                           s.title))
    story.append(Spacer(1, 3 * mm))
    head = [st.para(fonts, "No.", s.cell_head), st.bilingual(fonts, "Document", "書類", s.cell_head),
            st.bilingual(fonts, "Files", "ファイル", s.cell_head), st.bilingual(fonts, "Page", "ページ", s.cell_head)]
    data: list[list[object]] = [head]
    for d, first in zip(docs, first_pages, strict=True):
        last = first + d.pages - 1
        pages = str(first) if last == first else f"{first}–{last}"
        data.append([st.para(fonts, f"{d.number}.", s.cell),
                     st.bilingual(fonts, d.doc.title_en, d.doc.title_ja, s.cell, s.cell_small),
                     [st.para(fonts, src.file.name, s.cell_small) for src in d.sources],
                     st.para(fonts, pages, s.cell_right)])
    contents = Table(data, colWidths=[0.07 * width, 0.55 * width, 0.26 * width, 0.12 * width], repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("BACKGROUND", (0, 0), (-1, 0), st.ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.35, st.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for index in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, index), (-1, index), st.ZEBRA))
    contents.setStyle(TableStyle(commands))
    story.append(contents)
    doc.build(story, canvasmaker=_plain_canvas(fonts))
    return buffer.getvalue()


def _passive_notes(docs: Sequence[LoadedDocument]) -> list[str]:
    """The cover's account of what was changed in attached PDFs (see scan_safety.make_passive)."""
    removed = [display_name(src.file.name) for d in docs for src in d.sources if src.passive and src.passive.removed]
    flattened = [display_name(src.file.name) for d in docs for src in d.sources
                 if src.passive and src.passive.flattened_form]
    notes = []
    if removed:
        notes.append("Active content (JavaScript, actions, embedded files) was removed from: " + ", ".join(removed)
                     + ". 次のファイルから動的な内容（JavaScript・アクション・埋め込みファイル）を削除しました。")
    if flattened:
        notes.append("Filled form fields were printed into the page in: " + ", ".join(flattened)
                     + ". 次のファイルの記入済みフォーム欄はページに固定しました。")
    return notes


def _plain_canvas(fonts: ReportFonts) -> type[Canvas]:
    class FrontCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.regular
            super().__init__(*args, **kwargs)

    return FrontCanvas


# ---------------------------------------------------------------------------------------------
# Page numbers


def _visible_box(page: pikepdf.Page) -> tuple[float, float, float, float, int]:
    box = [float(v) for v in page.cropbox]
    x0, y0, x1, y1 = min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3])
    value = _inherited(page.obj, "/Rotate")
    rotate = int(value) % 360 if isinstance(value, int) else 0
    return x0, y0, x1, y1, rotate


def _inherited(obj: pikepdf.Object, key: str) -> object:
    node: pikepdf.Object | None = obj
    while node is not None:
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None


def _stamp_pdf(boxes: Sequence[tuple[float, float, float, float, int]], fonts: ReportFonts) -> pikepdf.Pdf:
    """One small page per output page, each holding its "n / N" at the foot of the visible page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=fonts.regular, pageCompression=1)
    total = len(boxes)
    for number, (x0, y0, x1, y1, rotate) in enumerate(boxes, start=1):
        width, height = (x1 - x0, y1 - y0) if rotate in (0, 180) else (y1 - y0, x1 - x0)
        canvas.setPageSize((width, height))
        text = f"{number} / {total}"
        text_width = canvas.stringWidth(text, fonts.regular, 8)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setStrokeColorRGB(0.72, 0.76, 0.8)
        canvas.setLineWidth(0.4)
        canvas.roundRect(width / 2 - text_width / 2 - 5, 4.2 * mm - 3, text_width + 10, 13, 3, stroke=1, fill=1)
        canvas.setFillColorRGB(0.2, 0.24, 0.28)
        canvas.setFont(fonts.regular, 8)
        canvas.drawCentredString(width / 2, 4.2 * mm + 0.3, text)
        canvas.showPage()
    canvas.save()
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


def _stamp_matrix(x0: float, y0: float, x1: float, y1: float, rotate: int) -> str:
    """Maps the upright visible page (what a reader shows) into the page's own coordinates."""
    matrix = {
        0: (1, 0, 0, 1, x0, y0),
        90: (0, 1, -1, 0, x1, y0),
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, -1, 1, 0, x0, y1),
    }.get(rotate, (1, 0, 0, 1, x0, y0))
    return " ".join(f"{v:.4f}" for v in matrix)


def _stamp_pages(out: pikepdf.Pdf, fonts: ReportFonts) -> None:
    boxes = [_visible_box(page) for page in out.pages]
    stamps = _stamp_pdf(boxes, fonts)
    try:
        for page, stamp_page, box in zip(out.pages, stamps.pages, boxes, strict=True):
            form = out.copy_foreign(stamp_page.as_form_xobject())
            # Pages of one attached PDF often share one /Resources dictionary; give each page its own
            # (shallow) copy so a page's stamp is not listed on all its siblings.
            resources = _inherited(page.obj, "/Resources")
            new_resources = pikepdf.Dictionary(dict(resources.items()) if isinstance(resources, pikepdf.Dictionary)
                                               else {})
            xobjects = new_resources.get("/XObject")
            new_xobjects = pikepdf.Dictionary(dict(xobjects.items()) if isinstance(xobjects, pikepdf.Dictionary)
                                              else {})
            name = "/ZyPageNumber"
            while name in new_xobjects:
                name += "X"
            new_xobjects[name] = form
            new_resources.XObject = new_xobjects
            page.obj.Resources = new_resources
            # Isolate the page's own graphics state (an unbalanced cm would move the stamp).
            page.contents_add(pikepdf.Stream(out, b"q\n"), prepend=True)
            page.contents_add(pikepdf.Stream(out, f"\nQ q {_stamp_matrix(*box)} cm {name} Do Q\n".encode()))
    finally:
        stamps.close()


# ---------------------------------------------------------------------------------------------
# Writing one part


def _write_part(cover: PacketCover, docs: Sequence[LoadedDocument], part: tuple[int, int], target: Path,
                fonts: ReportFonts) -> tuple[int, int]:
    """Write one part to ``target``; returns (pages, bytes)."""
    doc_pages = sum(d.pages for d in docs)
    front_count = 2
    while True:
        first_pages, page = [], front_count + 1
        for d in docs:
            first_pages.append(page)
            page += d.pages
        front_bytes = _render_front(cover, docs, first_pages, front_count + doc_pages, part, fonts)
        front = pikepdf.open(io.BytesIO(front_bytes))
        if len(front.pages) == front_count:
            break
        front_count = len(front.pages)
        front.close()
    out = pikepdf.new()
    try:
        out.pages.extend(front.pages)
        bookmarks: list[tuple[LoadedDocument, int, list[int]]] = []
        for d in docs:
            start = len(out.pages)
            bookmarks.append((d, start, add_document_pages(out, d)))
        _stamp_pages(out, fonts)
        with out.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem("Cover 表紙", 0))
            outline.root.append(pikepdf.OutlineItem("Contents 目次", 1))
            for d, start, file_starts in bookmarks:
                title = display_name(f"{d.number}. {d.doc.title_en} {d.doc.title_ja}".strip())
                item = pikepdf.OutlineItem(title, start)
                for src, file_start in zip(d.sources, file_starts, strict=True):
                    item.children.append(pikepdf.OutlineItem(display_name(src.file.name), file_start))
                outline.root.append(item)
        out.Root.PageMode = pikepdf.Name.UseOutlines
        size = save_unrestricted(out, target, f"Application documents — {cover.route_en} / {cover.procedure_en}",
                                 docs)
        return len(out.pages), size
    finally:
        out.close()
        front.close()


# ---------------------------------------------------------------------------------------------
# Splitting at document boundaries


def _fit_alone(d: LoadedDocument, budget: int, control: ExportControl, start_below: int | None = None) -> None:
    """Downscale a document's photos only as far as needed for it to fit ``budget`` on its own."""
    ladder = [dpi for dpi in DPI_LADDER if start_below is None or dpi < start_below]
    for dpi in ladder:
        d.dpi = dpi
        encode_photos(d, dpi, control)
        if d.size() <= budget:
            d.keep_only(dpi)
            return
    d.dpi = None
    hint = (" even with its photos at 200 dpi" if d.has_photos else "")
    raise UserInputError(f"document {d.label} alone is {d.size() / MB:.1f} MB{hint}; it cannot fit in a part "
                         f"of {budget / MB:.1f} MB — raise the size limit or attach a smaller scan of it",
                         kind="document_too_big", field="max_mb", document=d.label,
                         size_mb=round(d.size() / MB, 1), part_mb=round(budget / MB, 1))


def _plan(docs: list[LoadedDocument], limit: int, overhead: int, control: ExportControl) -> list[list[LoadedDocument]]:
    parts: list[list[LoadedDocument]] = []
    current: list[LoadedDocument] = []
    used = overhead
    for d in docs:
        if overhead + d.size() > limit:
            _fit_alone(d, limit - overhead, control)
        size = d.size()
        if current and used + size > limit:
            parts.append(current)
            current, used = [], overhead
        current.append(d)
        used += size
    if current or not parts:
        parts.append(current)
    return parts


class _PartTooBig(Exception):
    """A written part came out over the limit; plan again."""


def part_paths(output: Path, count: int) -> list[Path]:
    """``OUT.pdf`` for one part; ``OUT-part1.pdf`` … ``OUT-partN.pdf`` for several."""
    if count == 1:
        return [output]
    return [output.with_name(f"{output.stem}-part{i}{output.suffix or '.pdf'}") for i in range(1, count + 1)]


def build_packet(cover: PacketCover, documents: Sequence[PacketDocument], output: Path, *,
                 max_mb: float | None = None, control: ExportControl | None = None,
                 fonts: ReportFonts | None = None) -> PacketResult:
    """Write the packet (split into parts under ``max_mb`` when given); all files appear or none."""
    control = control or ExportControl()
    if max_mb is not None and max_mb <= 0:
        raise UserInputError(f"size limit {max_mb} MB: must be a positive number of megabytes",
                             kind="size_limit_invalid", field="max_mb", value=max_mb,
                             problem="must be a positive number of megabytes")
    with_files = [(n, d) for n, d in enumerate(documents, start=1) if d.files]
    if not with_files:
        raise UserInputError("the case has no attached files", kind="no_attachments")
    file_count = sum(len(d.files) for _, d in with_files)
    with contextlib.ExitStack() as stack:
        loaded: list[LoadedDocument] = []
        done = 0
        for number, doc in with_files:
            control.step(done, file_count + 1, f"opening {doc.title_en}")
            loaded.append(load_document(number, doc, stack))
            done += len(doc.files)
        if fonts is None:
            text = _front_text(cover, loaded)
            fonts = resolve_fonts(text)
            # A trial of the front matter (cover, contents, a part's cover) finds any text that
            # _front_text did not list; a converted subset then grows to hold it.
            _render_front(cover, loaded, [1] * len(loaded), 99, (1, 2), fonts)
            if fonts.subset_misses:
                fonts = resolve_fonts(text + "".join(sorted(fonts.subset_misses)))
        limit = int(max_mb * MB) if max_mb is not None else None
        overhead = _FRONT_MATTER_ESTIMATE
        for _attempt in range(len(loaded) + len(DPI_LADDER) + 3):
            parts = _plan(loaded, limit, overhead, control) if limit is not None else [loaded]
            targets = part_paths(output, len(parts))
            result = PacketResult(paths=targets, pages=[], sizes=[])
            too_big: tuple[int, int] | None = None
            try:
                with atomic_outputs(targets) as temps:
                    for index, (part_docs, temp) in enumerate(zip(parts, temps, strict=True), start=1):
                        control.step(file_count, file_count + 1, f"writing part {index} of {len(parts)}"
                                     if len(parts) > 1 else "writing the packet")
                        pages, size = _write_part(cover, part_docs, (index, len(parts)), temp, fonts)
                        result.pages.append(pages)
                        result.sizes.append(size)
                        if limit is not None and size > limit:
                            too_big = (index - 1, size)
                            raise _PartTooBig()  # leaves the block: every temporary part is removed
                    control.check()
            except _PartTooBig:
                pass
            if too_big is None:
                result.downscaled = [(d.doc.title_en, d.dpi) for d in loaded if d.dpi is not None]
                sources = [src for d in loaded for src in d.sources if src.passive is not None]
                result.removed_content = [(src.file.name, src.passive.removed) for src in sources
                                          if src.passive is not None and src.passive.removed]
                result.flattened_forms = [src.file.name for src in sources
                                          if src.passive is not None and src.passive.flattened_form]
                return result
            assert limit is not None
            index, size = too_big
            part_docs = parts[index]
            measured = size - sum(d.size() for d in part_docs)
            if measured > overhead:
                overhead = measured  # our estimate of the cover and stamps was low: plan again with the real figure
                continue
            if len(part_docs) == 1:
                d = part_docs[0]
                _fit_alone(d, limit - overhead - (size - limit), control, start_below=d.dpi or 10_000)
                continue
            overhead += size - limit  # estimates undershot; plan with more headroom
        raise UserInputError(f"size limit {max_mb} MB: could not split the packet into parts under the limit",
                             kind="size_limit_unreachable", field="max_mb", value=max_mb,
                             problem="could not split the packet into parts under the limit")
