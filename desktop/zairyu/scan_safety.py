"""Bounded checks of the scans a user attaches (PDF, JPEG, PNG), the same at attach and at export.

A scan can come from anywhere, so it is read as if it were hostile, with work bounded in memory and
time:

- A PDF must open without a password, and a copy cut short (no end-of-file marker, no cross-reference
  table) is refused rather than read in part: qpdf would rebuild it from the objects it finds and
  pages would silently go missing.
- Every stream is decoded in bounded chunks and counted, never held whole: a stream that decodes to
  more than ``MAX_DECODED_STREAM_BYTES`` (or a file whose streams decode to more than
  ``MAX_DECODED_PDF_BYTES``) is a decompression bomb, and a stream that cannot be decoded is damage
  that would stop every packet later. Images declared larger than ``MAX_IMAGE_PIXELS`` are refused.
- A JPEG or PNG larger than ``MAX_IMAGE_PIXELS`` is refused from its header, before any pixel is
  decoded (Pillow's own bomb check is turned into an error too).

For the packet that goes to the immigration office, ``make_passive`` removes what a PDF can run or
carry (JavaScript, actions that launch programs, submit forms or open other files, embedded files,
multimedia) and flattens filled form fields into the page, so their values show in every viewer and
print (a form's fields live in the document's catalogue, which a packet does not copy).

``ScanRefused`` carries the reason only; each caller names the file the way the user knows it.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image

MB = 1024 * 1024
# A page's content stream is kilobytes; an uncompressed 600 dpi A4 colour scan is 105 MB.
MAX_DECODED_STREAM_BYTES = 256 * MB
# A 10,000-page document decodes to a few hundred MB; the attachment limit (100 MB) of compressed
# scans rarely decodes to more than 1 GB.
MAX_DECODED_PDF_BYTES = 2048 * MB
# An A4 page scanned at 600 dpi is 35 million pixels; Pillow warns above 89 million.
MAX_IMAGE_PIXELS = 90_000_000
_CHUNK = MB

# Worst-case expansion of the filters that are decoded in one piece after a size check (LZW emits
# at most 4096 bytes for a 9-bit code; RunLength 128 bytes for 2).
_WORST_RATIO = {"/LZWDecode": 3641, "/RunLengthDecode": 64}
# Image codecs: their output is pixels, bounded by the declared size checked separately.
_IMAGE_CODECS = {"/DCTDecode", "/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode"}

# Actions that run code, start programs, send data or open other files or media.
_ACTIVE_ACTIONS = {
    "/JavaScript": "JavaScript",
    "/Launch": "an action that starts a program",
    "/SubmitForm": "a form-submission action",
    "/ImportData": "a form-import action",
    "/ResetForm": "a form-reset action",
    "/GoToR": "a link that opens another file",
    "/GoToE": "a link into an embedded file",
    "/Rendition": "a multimedia action",
    "/Movie": "a multimedia action",
    "/Sound": "a multimedia action",
    "/RichMediaExecute": "a multimedia action",
}
_ACTIVE_ANNOTATIONS = {
    "/FileAttachment": "an embedded file",
    "/RichMedia": "embedded multimedia",
    "/Screen": "embedded multimedia",
    "/Movie": "embedded multimedia",
    "/Sound": "embedded multimedia",
    "/3D": "an embedded 3D model",
}


class ScanRefused(Exception):
    """A scan that cannot be used; ``str()`` is the reason, without any file name or path."""


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    encrypted_owner_only: bool


# -- PDF ----------------------------------------------------------------------------------------

def _reason(exc: BaseException, path: Path) -> str:
    """qpdf's message without the path it names (a temporary copy the user has never seen)."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    text = text.replace(f"{path}: ", "").replace(str(path), "the file")
    return text[:160]


def _ends_with_eof_marker(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        handle.seek(max(0, handle.tell() - 1024))
        return b"%%EOF" in handle.read()


def open_checked_pdf(path: Path) -> pikepdf.Pdf:
    """Open ``path`` and check all of it (see the module notes); ScanRefused otherwise.

    The caller closes the returned Pdf.
    """
    try:
        pdf = pikepdf.open(path, attempt_recovery=False)
    except pikepdf.PasswordError:
        raise ScanRefused("the PDF is protected by a password and cannot be opened without it; save a copy "
                          "without the password (print it to a new PDF) and attach that") from None
    except (pikepdf.PdfError, OSError, ValueError, RecursionError) as strict_error:
        try:
            pdf = pikepdf.open(path)
        except (pikepdf.PdfError, OSError, ValueError, RecursionError) as exc:
            raise ScanRefused(f"not a readable PDF ({_reason(exc, path)})") from None
        # Many producers write slightly wrong offsets, which qpdf repairs without loss; a file whose
        # end is missing cannot be repaired, only read in part.
        if not _ends_with_eof_marker(path):
            pdf.close()
            raise ScanRefused(f"the PDF is cut short (an incomplete copy: {_reason(strict_error, path)}); "
                              "download or scan it again") from None
    try:
        _check_pages(pdf)
        _check_streams(pdf)
    except ScanRefused:
        pdf.close()
        raise
    except (pikepdf.PdfError, RuntimeError, ValueError, RecursionError, zlib.error) as exc:
        pdf.close()
        raise ScanRefused(f"not a readable PDF (damaged: {_reason(exc, path)})") from None
    return pdf


def open_passive_pdf(path: Path) -> tuple[pikepdf.Pdf, PassiveResult]:
    """``open_checked_pdf``, then ``make_passive``: what the packet export does with every PDF.

    The caller closes the returned Pdf; ScanRefused when either step fails.
    """
    pdf = open_checked_pdf(path)
    try:
        return pdf, make_passive(pdf)
    except (pikepdf.PdfError, RuntimeError, ValueError, RecursionError) as exc:
        pdf.close()
        raise ScanRefused(f"not a readable PDF (damaged: {_reason(exc, path)})") from None


def check_pdf(path: Path) -> PdfFacts:
    """What attach records about a PDF, after the same steps as the packet export
    (``open_passive_pdf``, in memory only: the stored file is the user's, unchanged)."""
    pdf, _passive = open_passive_pdf(path)
    with pdf:
        # An owner password only restricts printing/editing; the file opens without a password and
        # the office can read it, so it is accepted and noted.
        return PdfFacts(len(pdf.pages), bool(pdf.is_encrypted))


def _check_pages(pdf: pikepdf.Pdf) -> None:
    pages = len(pdf.pages)
    if pages < 1:
        raise ScanRefused("the PDF has no pages")
    declared = pdf.Root.get("/Pages", pikepdf.Dictionary()).get("/Count")
    if isinstance(declared, int) and int(declared) != pages:
        raise ScanRefused(f"the PDF says it has {int(declared)} pages but {pages} can be read (damaged or "
                          "incomplete); download or scan it again")
    for number, page in enumerate(pdf.pages, start=1):
        if "/Contents" in page.obj:
            contents = page.obj.Contents
            parts = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
            if any(not isinstance(part, pikepdf.Stream) for part in parts):
                raise ScanRefused(f"page {number}'s content is missing (damaged or incomplete)")


def _filters(stream: pikepdf.Stream) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    names = list(value) if isinstance(value, pikepdf.Array) else [value]
    return [str(name) for name in names]


def _check_streams(pdf: pikepdf.Pdf) -> None:
    total = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        if obj.get("/Subtype") == pikepdf.Name.Image:
            _check_image_dictionary(obj)
        size = decoded_size(obj)
        total += size
        if total > MAX_DECODED_PDF_BYTES:
            raise ScanRefused(f"the PDF's content decodes to more than {MAX_DECODED_PDF_BYTES // MB} MB "
                              "(a decompression bomb?)")


def _check_image_dictionary(image: pikepdf.Stream) -> None:
    width, height = image.get("/Width"), image.get("/Height")
    if not isinstance(width, int) or not isinstance(height, int) or int(width) < 1 or int(height) < 1:
        raise ScanRefused("an image in the PDF has no valid size (damaged)")
    if int(width) * int(height) > MAX_IMAGE_PIXELS:
        raise ScanRefused(f"an image in the PDF is {int(width)}×{int(height)} pixels, more than a scan needs "
                          f"(at most {MAX_IMAGE_PIXELS // 1_000_000} million)")


def decoded_size(stream: pikepdf.Stream) -> int:
    """The size of the stream's data once its general filters are undone, counted in chunks.

    Image codecs are left encoded (their output is bounded by the image size). ScanRefused for a
    stream over ``MAX_DECODED_STREAM_BYTES`` or one that cannot be decoded.
    """
    filters = _filters(stream)
    while filters and filters[-1] in _IMAGE_CODECS:
        filters.pop()
    data = stream.read_raw_bytes()
    if not filters:
        return len(data)
    if any(name in _WORST_RATIO for name in filters):
        return _decode_with_qpdf(stream, filters, len(data))
    for index, name in enumerate(filters):
        if name in ("/FlateDecode", "/Fl"):
            if index == len(filters) - 1:
                return sum(len(chunk) for chunk in _inflate(data))
            data = b"".join(_inflate(data))
        elif name in ("/ASCIIHexDecode", "/AHx"):
            data = _ascii_hex(data)
        elif name in ("/ASCII85Decode", "/A85"):
            data = _ascii85(data)
        else:
            raise ScanRefused(f"a stream in the PDF uses the unknown filter {name} (damaged or not a PDF "
                              "a viewer can show)")
    return len(data)


def _inflate(data: bytes) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    produced = 0
    pending = data
    try:
        while pending and not inflater.eof:
            chunk = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            produced += len(chunk)
            if produced > MAX_DECODED_STREAM_BYTES:
                raise ScanRefused(f"a stream in the PDF decodes to more than {MAX_DECODED_STREAM_BYTES // MB} MB "
                                  "(a decompression bomb?)")
            yield chunk
            if not chunk and pending:
                break  # no progress: the rest is not deflate data
    except zlib.error as exc:
        if "incorrect data check" in str(exc):
            return  # all the data came out; only the checksum after it is wrong, which readers ignore
        raise ScanRefused(f"a stream in the PDF cannot be decoded (damaged: {exc})") from None


def _ascii_hex(data: bytes) -> bytes:
    text = re.sub(rb"\s", b"", data).split(b">", 1)[0]
    try:
        return binascii.unhexlify(text + b"0" * (len(text) % 2))
    except binascii.Error as exc:
        raise ScanRefused(f"a stream in the PDF cannot be decoded (damaged: {exc})") from None


def _ascii85(data: bytes) -> bytes:
    text = re.sub(rb"\s", b"", data)
    text = text.removeprefix(b"<~").split(b"~>", 1)[0]
    try:
        return base64.a85decode(text)
    except ValueError as exc:
        raise ScanRefused(f"a stream in the PDF cannot be decoded (damaged: {exc})") from None


def _decode_with_qpdf(stream: pikepdf.Stream, filters: list[str], raw_size: int) -> int:
    """Old filters (LZW, RunLength) are decoded whole, so only when their worst case fits the cap."""
    worst = raw_size
    for name in filters:
        worst *= _WORST_RATIO.get(name, 1032 if name in ("/FlateDecode", "/Fl") else 1)
    if worst > MAX_DECODED_STREAM_BYTES:
        raise ScanRefused(f"a stream in the PDF uses {' + '.join(n.lstrip('/') for n in filters)} compression "
                          f"that could decode to more than {MAX_DECODED_STREAM_BYTES // MB} MB; print the PDF to "
                          "a new PDF and attach that")
    try:
        return len(stream.read_bytes(decode_level=pikepdf.StreamDecodeLevel.generalized))
    except pikepdf.PdfError as exc:
        raise ScanRefused(f"a stream in the PDF cannot be decoded (damaged: {str(exc)[:120]})") from None


# -- PDF: active content and forms, for the packet ------------------------------------------------

def _action_kinds(action: object, seen: set[tuple[int, int]] | None = None) -> Iterator[str]:
    """The active kinds in an action and the actions chained after it (/Next)."""
    seen = seen if seen is not None else set()
    if not isinstance(action, pikepdf.Dictionary):
        if isinstance(action, pikepdf.Array):
            for item in action:
                yield from _action_kinds(item, seen)
        return
    if action.is_indirect:
        if action.objgen in seen:
            return
        seen.add(action.objgen)
    kind = action.get("/S")
    if kind is not None and str(kind) in _ACTIVE_ACTIONS:
        yield _ACTIVE_ACTIONS[str(kind)]
    yield from _action_kinds(action.get("/Next"), seen)


def document_active_content(pdf: pikepdf.Pdf) -> set[str]:
    """What the document itself (not its pages) could run or carry; a packet never copies these."""
    found: set[str] = set()
    root = pdf.Root
    if "/OpenAction" in root:
        found.update(_action_kinds(root.OpenAction))
    if "/AA" in root:
        found.add("actions run when the document opens, closes or prints")
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        if "/JavaScript" in names:
            found.add("JavaScript")
        if "/EmbeddedFiles" in names:
            found.add("an embedded file")
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary) and "/XFA" in form:
        found.add("an XFA form")
    return found


def _has_form_fields(pdf: pikepdf.Pdf) -> bool:
    form = pdf.Root.get("/AcroForm")
    fields = form.get("/Fields") if isinstance(form, pikepdf.Dictionary) else None
    return isinstance(fields, pikepdf.Array) and len(fields) > 0


@dataclass(frozen=True)
class PassiveResult:
    removed: tuple[str, ...]  # what was taken out, in plain words, sorted
    flattened_form: bool


def make_passive(pdf: pikepdf.Pdf) -> PassiveResult:
    """Flatten filled forms and remove active content from the pages of ``pdf`` (in memory only)."""
    removed = document_active_content(pdf)
    flattened = False
    if _has_form_fields(pdf):
        # Field appearances first (a form filled by a viewer that set NeedAppearances has none),
        # then every visible annotation is drawn into its page and removed.
        pdf.generate_appearance_streams()
        pdf.flatten_annotations("all")
        flattened = True
    for page in pdf.pages:
        removed.update(_make_page_passive(page.obj))
    return PassiveResult(tuple(sorted(removed)), flattened)


def _make_page_passive(page: pikepdf.Dictionary) -> set[str]:
    removed: set[str] = set()
    if "/AA" in page:
        del page["/AA"]
        removed.add("actions run when a page opens or closes")
    annotations = page.get("/Annots")
    if not isinstance(annotations, pikepdf.Array):
        return removed
    kept = pikepdf.Array()
    for annotation in annotations:
        if not isinstance(annotation, pikepdf.Dictionary):
            continue
        subtype = str(annotation.get("/Subtype", ""))
        if subtype in _ACTIVE_ANNOTATIONS:
            removed.add(_ACTIVE_ANNOTATIONS[subtype])
            continue
        if "/AA" in annotation:
            del annotation["/AA"]
            removed.add("actions run by a link or form field")
        kinds = set(_action_kinds(annotation.get("/A")))
        if kinds:
            del annotation["/A"]
            removed.update(kinds)
        parent = annotation.get("/Parent")  # a form field's own actions sit on its field dictionary
        while isinstance(parent, pikepdf.Dictionary):
            if "/AA" in parent:
                del parent["/AA"]
                removed.add("actions run by a link or form field")
            parent = parent.get("/Parent")
        kept.append(annotation)
    page.Annots = kept
    return removed


# -- images -------------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Samples per pixel of each PNG colour type (grey, RGB, palette, grey + alpha, RGBA).
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(type, body) of each chunk up to IEND; a file that ends before IEND is refused."""
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if len(body) < length:
            break
        yield kind, body
        if kind == b"IEND":
            return
        position += 12 + length  # length, type, body, CRC
    raise ScanRefused("is cut short (incomplete PNG file); export or copy it again")


def check_png_rows(rows: bytes, height: int, row_bytes: int) -> None:
    """The Flate data decompresses (its checksum included) to exactly one filter byte and one row of
    pixels per line: a damaged file is named now rather than drawn as garbage. Decompressed in
    pieces, so the pixels are never all in memory."""
    expected = height * (1 + row_bytes)
    inflater = zlib.decompressobj()
    produced, pending = 0, rows
    try:
        while pending and produced <= expected:
            produced += len(inflater.decompress(pending, 1 << 22))
            pending = inflater.unconsumed_tail
    except zlib.error as exc:
        raise ScanRefused(f"is a damaged PNG ({exc})") from None
    if produced != expected or not inflater.eof:
        raise ScanRefused("is a damaged PNG (its pixel data has the wrong length)")


def check_png_structure(path: Path) -> None:
    """The PNG checks the packet export makes when it embeds a PNG's rows as they are, run at
    attach too (Pillow alone accepts pixel data that ends a row early)."""
    data = path.read_bytes()
    header = None
    idat: list[bytes] = []
    for kind, body in png_chunks(data):
        if kind == b"IHDR" and len(body) == 13:
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    if header is None or not idat:
        raise ScanRefused("is a damaged PNG (no header or no pixel data)")
    width, height, bits, colour, _compression, _filter, interlace = header
    if not interlace and colour in _PNG_CHANNELS:  # interlaced rows are read by Pillow at export too
        check_png_rows(b"".join(idat), height, (width * _PNG_CHANNELS[colour] * bits + 7) // 8)


def check_image_header(path: Path, expected: str) -> tuple[int, int]:
    """The pixel size from the header of a JPEG or PNG (``expected``), refused above the cap.

    Nothing is decoded; Pillow's decompression-bomb warning counts as a refusal.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format != expected:
                    raise ScanRefused(f"looks like {expected} but Pillow reads it as {image.format}")
                width, height = image.size
    except ScanRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ScanRefused("the image is too large to be a scan") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ScanRefused(f"not a readable {expected} image ({_reason(exc, path)})") from None
    if width < 1 or height < 1:
        raise ScanRefused(f"the image is {width}×{height} pixels")
    if width * height > MAX_IMAGE_PIXELS:
        raise ScanRefused(f"the image is {width}×{height} pixels, more than a scan needs "
                          f"(at most {MAX_IMAGE_PIXELS // 1_000_000} million)")
    return width, height
