"""Attached files opened, checked and turned into pages: what the packet and the online set share.

Every input is opened and checked before anything is written, with the same bounded check as
attach (``scan_safety``): a file that needs a password or is broken stops the export with its
document and file named. Attached PDFs are made passive on the way (active content removed,
filled forms printed into the page), and the caller is told which. Attached PDFs are copied page for
page, JPEG photos are embedded without re-encoding and PNGs converted losslessly, each photo
fitted to an A4 page. A document's photos are re-encoded at a lower resolution only when a size
limit asks for it (``LoadedDocument.dpi``), and never below 200 dpi on the page.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pikepdf

from zairyu import __version__, scan_safety
from zairyu.errors import UserInputError
from zairyu.reports import images
from zairyu.reports.atomic import ExportControl

# Resolutions tried, best first, when a size limit forces photos down (never below 200 dpi).
DPI_LADDER = (300, 250, 200)
# What a page costs in the output besides its content (page object, resources) until measured.
PER_PAGE_OVERHEAD = 600


@dataclass(frozen=True)
class PacketFile:
    path: Path
    name: str  # as the user knows it (the original file name)


@dataclass(frozen=True)
class PacketDocument:
    title_en: str
    title_ja: str
    files: tuple[PacketFile, ...]
    code: str = ""


Kind = Literal["pdf", "jpeg", "png"]


def predicted_photo_bytes(size: int, info: images.ImageInfo, dpi: int, factor: float = 1.0) -> int:
    """About what a photo of ``size`` bytes weighs re-encoded for ``dpi`` on its page.

    JPEG bytes grow about with the pixel count, so the size scales with the square of the
    resolution (on the benchmark's phone photos this came out about 10 % high; ``factor``
    corrects it once some photos are encoded). Callers measure what they finally write; this
    only lets them choose a resolution before encoding.
    """
    scale = dpi / images.printed_dpi(info, images.place(info))
    if scale >= 0.97:  # as encoded_at: left as attached
        return size
    return int(size * scale * scale * factor) + 1024


@dataclass
class Source:
    file: PacketFile
    kind: Kind
    pages: int
    size: int  # bytes it adds to the output at full quality
    pdf: pikepdf.Pdf | None = None
    passive: scan_safety.PassiveResult | None = None  # what was removed or flattened in the PDF
    image: images.ImageInfo | None = None
    png: images.EncodedImage | None = None
    downscaled: dict[int, images.EncodedImage] = field(default_factory=dict)

    def size_at(self, dpi: int | None) -> int:
        if dpi is None or self.kind != "jpeg":
            return self.size
        encoded = self.encoded_at(dpi)
        return len(encoded.data) + 1024 if encoded is not None else self.size

    def predicted_size_at(self, dpi: int | None, factor: float = 1.0) -> int:
        """``size_at`` without re-encoding: the exact size once encoded, before that a prediction
        (times ``factor``, what the photos encoded so far came out at against their predictions)."""
        if dpi is None or self.kind != "jpeg" or dpi in self.downscaled:
            return self.size_at(dpi)
        assert self.image is not None
        return predicted_photo_bytes(self.size, self.image, dpi, factor)

    def encoded_at(self, dpi: int) -> images.EncodedImage | None:
        """This photo re-encoded for ``dpi`` on the page, or None when it is already at or below it."""
        assert self.image is not None
        placement = images.place(self.image)
        scale = dpi / images.printed_dpi(self.image, placement)
        if scale >= 0.97:  # not worth a generation of JPEG loss
            return None
        if dpi not in self.downscaled:
            self.downscaled[dpi] = images.downscale_jpeg(self.file.path, self.image, scale)
        return self.downscaled[dpi]


@dataclass
class LoadedDocument:
    number: int  # position in the checklist, printed in the contents and bookmarks
    doc: PacketDocument
    sources: list[Source]
    dpi: int | None = None  # photos re-encoded for this resolution; None = as attached

    @property
    def label(self) -> str:
        return f"'{self.doc.title_en}'" + (f" ({self.doc.code})" if self.doc.code else "")

    @property
    def pages(self) -> int:
        return sum(s.pages for s in self.sources)

    @property
    def has_photos(self) -> bool:
        return any(s.kind == "jpeg" for s in self.sources)

    def size(self) -> int:
        return sum(s.size_at(self.dpi) + s.pages * PER_PAGE_OVERHEAD for s in self.sources)

    def predicted_size(self, factor: float = 1.0) -> int:
        return sum(s.predicted_size_at(self.dpi, factor) + s.pages * PER_PAGE_OVERHEAD for s in self.sources)

    def keep_only(self, dpi: int | None) -> None:
        """Drop the re-encodings of other resolutions (they are held in memory); None: drop all."""
        for src in self.sources:
            for other in [k for k in src.downscaled if k != dpi]:
                del src.downscaled[other]


def sniff(path: Path) -> Kind | None:
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if b"%PDF-" in head:
        return "pdf"
    return None


def _open_pdf(file: PacketFile, where: str) -> tuple[pikepdf.Pdf, scan_safety.PassiveResult]:
    """The attached PDF after the same checks as attach, made passive for the export (one function
    for both, so a file attach accepts is never refused here).

    A refusal names the file as the user knows it (the stored copy's name is a hash)."""
    try:
        return scan_safety.open_passive_pdf(file.path)
    except scan_safety.ScanRefused as exc:
        raise UserInputError(f"{where}: {exc}", kind="attachment_refused", file=file.name, reason=str(exc)) from None


def load_document(number: int, doc: PacketDocument, stack: contextlib.ExitStack) -> LoadedDocument:
    """Open and check every file of ``doc``; opened PDFs stay open until ``stack`` closes.

    A file that is refused raises a UserInputError whose ``details["document"]`` is the document's
    code, so the desktop app can select the document to fix."""
    try:
        return _load_document(number, doc, stack)
    except UserInputError as exc:
        exc.details.setdefault("document", doc.code)
        raise


def _load_document(number: int, doc: PacketDocument, stack: contextlib.ExitStack) -> LoadedDocument:
    sources: list[Source] = []
    for file in doc.files:
        where = f"document '{doc.title_en}'" + (f" ({doc.code})" if doc.code else "") + f", file '{file.name}'"
        try:
            kind = sniff(file.path)
            size = file.path.stat().st_size
        except OSError as exc:
            raise UserInputError(f"{where}: cannot be read ({exc.strerror or exc})") from None
        if kind is None:
            raise UserInputError(f"{where}: is not a PDF, JPEG or PNG file")
        if kind == "pdf":
            pdf, passive = _open_pdf(file, where)
            stack.enter_context(pdf)
            sources.append(Source(file, "pdf", len(pdf.pages), size, pdf=pdf, passive=passive))
            continue
        try:
            scan_safety.check_image_header(file.path, "JPEG" if kind == "jpeg" else "PNG")
            info = images.probe(file.path)
            if kind == "jpeg" and not images.jpeg_is_complete(file.path):
                raise UserInputError(f"{where}: the JPEG is cut short (incomplete file); scan or copy it again")
            png = images.png_to_flate(file.path) if kind == "png" else None
        except (images.ImageError, scan_safety.ScanRefused) as exc:
            raise UserInputError(f"{where}: {exc}") from None
        except OSError as exc:
            raise UserInputError(f"{where}: not a readable image ({exc})") from None
        encoded_size = len(png.data) if png is not None else size
        sources.append(Source(file, kind, 1, encoded_size + 1024, image=info, png=png))
    return LoadedDocument(number, doc, sources)


def add_document_pages(out: pikepdf.Pdf, d: LoadedDocument, *, min_dpi: int | None = None) -> list[int]:
    """Append a document's pages; returns the index of each file's first page.

    With ``min_dpi`` an image too small to fill the page at that resolution is printed smaller
    instead of being enlarged below it."""
    starts = []
    for src in d.sources:
        starts.append(len(out.pages))
        if src.kind == "pdf":
            assert src.pdf is not None
            # add_pages_from carries a filled-in form's fields with their widgets (pages.extend leaves
            # widgets that no /AcroForm reaches: Acrobat may not show them, and pikepdf warns on
            # stderr). The packet makes its own bookmarks, so the file's are not copied.
            out.add_pages_from(src.pdf, outlines="ignore")
            continue
        assert src.image is not None
        placement = images.place(src.image, min_dpi=min_dpi)
        if src.kind == "png":
            assert src.png is not None
            stream = images.encoded_stream(out, src.png)
            info = images.ImageInfo("PNG", src.png.mode, src.png.width, src.png.height, src.image.orientation,
                                    src.image.dpi, False)
        else:
            encoded = src.encoded_at(d.dpi) if d.dpi is not None else None
            if encoded is not None:
                stream = images.encoded_stream(out, encoded)
                info = src.image
            else:
                stream = images.jpeg_stream(out, src.file.path.read_bytes(), src.image)
                info = src.image
        out.pages.append(images.image_page(out, stream, info, placement))
    return starts


def encode_photos(d: LoadedDocument, dpi: int, control: ExportControl) -> None:
    """Re-encode the document's photos for ``dpi`` on all cores (Pillow releases the GIL)."""
    photos = [src for src in d.sources if src.kind == "jpeg"]
    with ThreadPoolExecutor(max_workers=min(len(photos), os.cpu_count() or 1) or 1) as pool:
        futures = [pool.submit(src.encoded_at, dpi) for src in photos]
        for done, future in enumerate(futures, start=1):
            future.result()
            control.step(done, len(futures), f"downscaling the photos of {d.doc.title_en} to {dpi} dpi")


def save_unrestricted(out: pikepdf.Pdf, target: Path, title: str, docs: Sequence[LoadedDocument]) -> int:
    """Save ``out`` as ISO 32000 PDF with no security settings; returns its size in bytes.

    encryption=False: no password and no print/copy restrictions, even where an input had them,
    because the online system silently treats a file with any security setting as an error.
    """
    out.docinfo[pikepdf.Name.Title] = title
    out.docinfo[pikepdf.Name.Creator] = f"Zairyu {__version__}"
    out.docinfo[pikepdf.Name.Producer] = f"Zairyu {__version__} (pikepdf {pikepdf.__version__})"
    try:
        out.save(target, encryption=False, fix_metadata_version=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    except pikepdf.PdfError as exc:
        # qpdf reads attached PDFs lazily: damage deep inside one (an image stream) shows up only
        # now. Its message names the input path; name the document and file the user knows.
        culprit = next((f"document '{d.doc.title_en}', file '{src.file.name}'" for d in docs for src in d.sources
                        if src.kind == "pdf" and str(src.file.path) in str(exc)), "an attached PDF")
        raise UserInputError(f"{culprit}: damaged, the file cannot be written ({exc})") from None
    return target.stat().st_size
