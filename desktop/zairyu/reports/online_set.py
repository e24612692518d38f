"""The online upload set: one PDF per document, the whole set within the online system's limit.

Since 2026-01-05 the ISA online application system takes several files, up to a total size that
includes the face photo (``checklists/online-system.toml``). Each document that has files
becomes its own PDF, named so the files sort in checklist order (``01-photo.pdf``,
``02-passport.pdf`` …), with no security settings, every page kept and every image at least the
rules' minimum resolution on its page.

When the set is over the limit, photos are re-encoded at a lower resolution (300, 250, then
200 dpi on the page, never below the minimum) one document at a time, always the largest
document first, and only until the set fits. The plan is made on predicted sizes so that each
photo is re-encoded once; the sizes that decide are the measured sizes of the written files.
A set that cannot fit even then raises a ``ZairyuError`` of kind ``online_set_too_large``
naming the documents and by how much, and nothing is written: the files are made in a
temporary folder beside the target, which replaces it only when all are done.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from zairyu.domain.online_system import BYTES_PER_MB, OnlineSystemRules, load_online_system
from zairyu.errors import UserInputError
from zairyu.reports import images
from zairyu.reports.atomic import ExportControl, atomic_folder, check_folder_target
from zairyu.reports.sources import (
    DPI_LADDER,
    PER_PAGE_OVERHEAD,
    LoadedDocument,
    PacketDocument,
    add_document_pages,
    encode_photos,
    load_document,
    predicted_photo_bytes,
    save_unrestricted,
    sniff,
)

# What one written PDF costs besides its pages (header, catalogue, document info, cross-reference).
_FILE_OVERHEAD = 2048
_NAME = re.compile(r"^\d{2,}-[a-z0-9-]+\.pdf$")


@dataclass(frozen=True)
class OnlineSetFile:
    path: Path  # where the file is once the set is in place
    code: str
    title_en: str
    pages: int
    size: int  # bytes
    dpi: int | None  # the photos were re-encoded for this resolution; None: as attached


@dataclass(frozen=True)
class OnlineSetResult:
    output_dir: Path
    files: list[OnlineSetFile]
    limit_bytes: int
    rules: OnlineSystemRules
    # (file, what was removed): JavaScript, actions, embedded files never reach the office.
    removed_content: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    flattened_forms: list[str] = field(default_factory=list)  # files whose filled fields were drawn into the page

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def downscaled(self) -> list[tuple[str, int]]:
        """(document title, dpi) of every document whose photos were re-encoded to fit."""
        return [(f.title_en, f.dpi) for f in self.files if f.dpi is not None]


@dataclass(frozen=True)
class OnlineSetEstimate:
    """What the set will weigh, from file sizes and image headers only (nothing is decoded)."""

    documents: int
    files: int
    as_attached_bytes: int  # every photo as attached
    smallest_bytes: int  # about: every photo at the minimum resolution
    limit_bytes: int

    @property
    def fits_as_attached(self) -> bool:
        return self.as_attached_bytes <= self.limit_bytes

    @property
    def may_fit(self) -> bool:
        return self.smallest_bytes <= self.limit_bytes


def file_names(documents: Sequence[PacketDocument]) -> list[str]:
    """``NN-code.pdf`` for each document, numbered in order so a file list sorts like the checklist.

    Document codes are lower-case ASCII already; a document the user added may have any title,
    so the name is reduced to ASCII letters, digits and hyphens (``document`` when nothing is left).
    """
    width = max(2, len(str(len(documents))))
    names = []
    for number, doc in enumerate(documents, start=1):
        text = unicodedata.normalize("NFKD", doc.code or doc.title_en).encode("ascii", "ignore").decode().lower()
        slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:48].rstrip("-") or "document"
        names.append(f"{number:0{width}d}-{slug}.pdf")
    return names


def is_online_set(folder: Path) -> bool:
    """A folder that holds only an earlier online set (our names, PDFs Zairyu made), safe to replace."""
    entries = list(folder.iterdir())
    if not all(entry.is_file() and _NAME.match(entry.name) for entry in entries):
        return False
    for entry in entries:
        try:
            with pikepdf.open(entry) as pdf:
                creator = str(pdf.docinfo.get(pikepdf.Name.Creator, ""))
        except (pikepdf.PdfError, OSError):
            return False
        if not creator.startswith("Zairyu"):
            return False
    return True


def _limit(rules: OnlineSystemRules, limit_bytes: int | None) -> int:
    limit = rules.limit_bytes if limit_bytes is None else limit_bytes
    if limit <= 0:
        raise UserInputError(f"size limit {limit / BYTES_PER_MB:g} MB: must be a positive number of megabytes",
                             kind="size_limit_invalid", field="limit_mb", value=limit / BYTES_PER_MB)
    return limit


def _with_files(documents: Sequence[PacketDocument], rules: OnlineSystemRules) -> list[tuple[int, PacketDocument]]:
    with_files = [(n, d) for n, d in enumerate(documents, start=1) if d.files]
    if not with_files:
        raise UserInputError("the case has no attached files", kind="no_attachments")
    if rules.max_files is not None and len(with_files) > rules.max_files:
        raise UserInputError(f"{len(with_files)} documents have files, but the online system takes at most "
                             f"{rules.max_files} files", kind="online_set_too_many_files", count=len(with_files),
                             max_files=rules.max_files)
    return with_files


def estimate_online_set(documents: Sequence[PacketDocument], *, limit_bytes: int | None = None,
                        rules: OnlineSystemRules | None = None) -> OnlineSetEstimate:
    """The expected size of the set before exporting: cheap enough to show while the user edits.

    The smallest figure is a prediction (a re-encoded photo keeps about its bytes per pixel);
    the export itself measures every file it writes.
    """
    rules = rules or load_online_system()
    limit = _limit(rules, limit_bytes)
    with_files = [d for d in documents if d.files]
    full = smallest = 0
    for doc in with_files:
        full += _FILE_OVERHEAD
        smallest += _FILE_OVERHEAD
        for file in doc.files:
            try:
                size = file.path.stat().st_size
                kind = sniff(file.path)
                info = images.probe(file.path) if kind == "jpeg" else None
            except (OSError, images.ImageError):
                continue  # the export names an unreadable file; an estimate just leaves it out
            full += size + PER_PAGE_OVERHEAD
            if info is None:
                smallest += size + PER_PAGE_OVERHEAD
                continue
            smallest += predicted_photo_bytes(size, info, rules.min_dpi) + PER_PAGE_OVERHEAD
    return OnlineSetEstimate(len(with_files), sum(len(d.files) for d in with_files), full, smallest, limit)


def _ladder(min_dpi: int) -> list[int]:
    """The resolutions to try, best first, ending at the rules' minimum."""
    return sorted({dpi for dpi in DPI_LADDER if dpi > min_dpi} | {min_dpi}, reverse=True)


def _next_dpi(d: LoadedDocument, ladder: list[int]) -> int | None:
    """The next lower resolution for the document's photos, or None when they are at the bottom."""
    if not d.has_photos:
        return None
    lower = [dpi for dpi in ladder if d.dpi is None or dpi < d.dpi]
    return lower[0] if lower else None


def _plan(docs: list[LoadedDocument], limit: int, ladder: list[int], factor: float) -> None:
    """Choose each document's resolution: starting from the photos as attached, while the set is
    predicted over the limit the largest document that can still go down goes one step down."""
    for d in docs:
        d.dpi = None
    while sum(sizes := [d.predicted_size(factor) + _FILE_OVERHEAD for d in docs]) > limit:
        candidates = [i for i, d in enumerate(docs) if _next_dpi(d, ladder) is not None]
        if not candidates:
            return  # write anyway: the measured sizes decide
        index = max(candidates, key=lambda i: sizes[i])
        docs[index].dpi = _next_dpi(docs[index], ladder)


def _encode_planned(docs: list[LoadedDocument], control: ExportControl) -> None:
    for d in docs:
        if d.dpi is not None:
            encode_photos(d, d.dpi, control)


def _calibration(docs: list[LoadedDocument]) -> float:
    """How the re-encoded photos' real sizes compare with their predictions (1.0: none yet)."""
    predicted = real = 0
    for d in docs:
        for src in d.sources:
            for dpi, encoded in src.downscaled.items():
                assert src.image is not None
                predicted += predicted_photo_bytes(src.size, src.image, dpi)
                real += len(encoded.data) + 1024
    return real / predicted if predicted else 1.0


def _lower(d: LoadedDocument, dpi: int, control: ExportControl) -> None:
    encode_photos(d, dpi, control)
    d.dpi = dpi
    d.keep_only(dpi)


def _write(d: LoadedDocument, target: Path, min_dpi: int) -> tuple[int, int]:
    """One document as one PDF; returns (pages, bytes)."""
    with pikepdf.new() as out:
        add_document_pages(out, d, min_dpi=min_dpi)
        title = f"{d.doc.title_en} / {d.doc.title_ja}" if d.doc.title_ja else d.doc.title_en
        return len(out.pages), save_unrestricted(out, target, title, [d])


def _too_large(docs: list[LoadedDocument], sizes: list[int], limit: int, min_dpi: int) -> UserInputError:
    total = sum(sizes)
    over = total - limit
    # Name the largest documents, as many as it takes to cover the excess: those are the ones to rescan.
    named: list[tuple[LoadedDocument, int]] = []
    for d, size in sorted(zip(docs, sizes, strict=True), key=lambda pair: -pair[1]):
        named.append((d, size))
        if sum(s for _, s in named) >= over:
            break
    listed = ", ".join(f"{d.label} {size / BYTES_PER_MB:.1f} MB" for d, size in named)
    photos = f" even with every photo at {min_dpi} dpi" if any(d.has_photos for d in docs) else ""
    return UserInputError(
        f"the online set is {total / BYTES_PER_MB:.1f} MB{photos}, {over / BYTES_PER_MB:.1f} MB over the limit of "
        f"{limit / BYTES_PER_MB:g} MB; the largest documents are {listed}: attach smaller scans of them "
        f"(fewer pages, or scanned at {min_dpi} dpi)",
        kind="online_set_too_large", field="limit_mb", value=limit / BYTES_PER_MB, total_bytes=total,
        over_bytes=over, limit_bytes=limit,
        documents=[{"code": d.doc.code, "title_en": d.doc.title_en, "bytes": size} for d, size in named])


def build_online_set(documents: Sequence[PacketDocument], output_dir: Path, *, limit_bytes: int | None = None,
                     rules: OnlineSystemRules | None = None,
                     control: ExportControl | None = None) -> OnlineSetResult:
    """Write the set into ``output_dir`` (a new or empty folder, or an earlier set); all files or none.

    ``documents`` are in checklist order; those without files are left out. ``limit_bytes``
    defaults to the rules' total.
    """
    control = control or ExportControl()
    rules = rules or load_online_system()
    limit = _limit(rules, limit_bytes)
    with_files = _with_files(documents, rules)
    check_folder_target(output_dir, is_online_set)  # refuse before the work, not after it
    names = file_names([d for _, d in with_files])
    steps = sum(len(d.files) for _, d in with_files) + len(with_files)
    ladder = _ladder(rules.min_dpi)
    with contextlib.ExitStack() as stack:
        loaded: list[LoadedDocument] = []
        done = 0
        for number, doc in with_files:
            control.step(done, steps, f"opening {doc.title_en}")
            loaded.append(load_document(number, doc, stack))
            done += len(doc.files)

        # Plan on predicted sizes, so a photo is re-encoded only at the resolution it ends at; then
        # plan again with the predictions corrected by what the first encodings really weigh.
        _plan(loaded, limit, ladder, 1.0)
        _encode_planned(loaded, control)
        _plan(loaded, limit, ladder, _calibration(loaded))
        _encode_planned(loaded, control)
        for d in loaded:
            d.keep_only(d.dpi)

        with atomic_folder(output_dir, is_online_set) as temp:
            pages: list[int] = []
            measured: list[int] = []
            for index, (d, name) in enumerate(zip(loaded, names, strict=True)):
                control.step(done + index, steps, f"writing {name}")
                page_count, size = _write(d, temp / name, rules.min_dpi)
                pages.append(page_count)
                measured.append(size)
            # The estimates can be short (PDFs are rewritten, not copied byte for byte): go on by
            # the measured sizes, rewriting only the document that changed.
            while sum(measured) > limit:
                candidates = [i for i, d in enumerate(loaded) if _next_dpi(d, ladder) is not None]
                if not candidates:
                    raise _too_large(loaded, measured, limit, rules.min_dpi)
                index = max(candidates, key=lambda i: measured[i])
                _lower(loaded[index], _next_dpi(loaded[index], ladder) or rules.min_dpi, control)
                control.step(done + index, steps, f"writing {names[index]} again with smaller photos")
                pages[index], measured[index] = _write(loaded[index], temp / names[index], rules.min_dpi)
            control.check()
        files = [OnlineSetFile(output_dir / name, d.doc.code, d.doc.title_en, page_count, size,
                               d.dpi if any(src.downscaled for src in d.sources) else None)
                 for d, name, page_count, size in zip(loaded, names, pages, measured, strict=True)]
        passive = [(src.file.name, src.passive) for d in loaded for src in d.sources if src.passive is not None]
        return OnlineSetResult(output_dir, files, limit, rules,
                               removed_content=[(name, p.removed) for name, p in passive if p.removed],
                               flattened_forms=[name for name, p in passive if p.flattened_form])
