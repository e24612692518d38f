"""Builders of hostile and damaged files, real bytes written with pikepdf, Pillow and zlib."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name
from PIL import Image

MB = 1024 * 1024


def deflate_bomb(size: int) -> bytes:
    """A zlib stream that inflates to ``size`` zero bytes (about 1000:1), built in milliseconds.

    Blocks between two full flushes do not refer back, so one compressed megabyte repeats.
    """
    chunk = b"\0" * MB
    compressor = zlib.compressobj(9)
    head = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    count = size // MB
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    # head holds the 2-byte zlib header and the first megabyte; tail ends the stream with the checksum
    # of the two megabytes compressed so far, which is replaced by that of all of them.
    data = head + body * (count - 1) + tail[:-4] + struct.pack(">I", checksum)
    return data


def pdf_with_content(path: Path, content: bytes, *, filter_name: str | None = None, pages: int = 1) -> Path:
    """A PDF whose every page has ``content`` as its (already encoded) content stream."""
    pdf = pikepdf.new()
    for _ in range(pages):
        page = pdf.add_blank_page(page_size=(595, 842))
        stream = pikepdf.Stream(pdf, content)
        if filter_name is not None:
            stream.Filter = Name(filter_name)
        page.obj.Contents = pdf.make_indirect(stream)
    pdf.save(path, compress_streams=False)
    return path


def text_pdf(path: Path, pages: int = 3) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    for number in range(1, pages + 1):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(f"BT /F1 24 Tf 72 720 Td (Page {number}) Tj ET".encode())
    pdf.save(path)
    return path


def truncated(source: Path, target: Path, keep: float) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * keep)])
    return target


def pdf_with_huge_image(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A small PDF whose image claims an enormous pixel size (a lying header)."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    image = pikepdf.Stream(pdf, zlib.compress(b"\0" * 1000))
    image.Type, image.Subtype = Name.XObject, Name.Image
    image.Width, image.Height, image.BitsPerComponent = width, height, 8
    image.ColorSpace, image.Filter = Name.DeviceGray, Name.FlateDecode
    page.obj.Resources = Dictionary(XObject=Dictionary(Im0=pdf.make_indirect(image)))
    page.obj.Contents = pdf.make_stream(b"q 500 0 0 700 40 60 cm /Im0 Do Q")
    pdf.save(path, compress_streams=False)
    return path


def active_pdf(path: Path) -> Path:
    """A PDF with every kind of active content a packet must not carry, and one harmless web link."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    script = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=pikepdf.String("app.alert('hi')")))
    page.obj.AA = Dictionary(O=script, C=script)
    pdf.Root.OpenAction = script
    pdf.Root.AA = Dictionary(WC=script)
    payload = pdf.make_stream(b"MZ not really a program")
    payload.Type = Name.EmbeddedFile
    spec = pdf.make_indirect(Dictionary(Type=Name.Filespec, F=pikepdf.String("tool.exe"), EF=Dictionary(F=payload)))
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([pikepdf.String("start"), script])),
                                EmbeddedFiles=Dictionary(Names=Array([pikepdf.String("tool.exe"), spec])))
    launch = Dictionary(S=Name.Launch, F=pikepdf.String("calc.exe"))
    submit = Dictionary(S=Name.SubmitForm, F=pikepdf.String("https://example.invalid/collect"))
    page.obj.Annots = Array([
        pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[50, 50, 150, 80], A=launch)),
        pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[50, 90, 150, 120],
                                     A=Dictionary(S=Name.GoTo, D=Array([page.obj, Name.Fit]), Next=submit))),
        pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment, Rect=[50, 130, 70, 150], FS=spec)),
        pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.RichMedia, Rect=[50, 160, 150, 200])),
        pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[50, 210, 150, 240],
                                     A=Dictionary(S=Name.URI, URI=pikepdf.String("https://www.moj.go.jp/isa/")))),
    ])
    pdf.save(path)
    return path


def form_pdf(path: Path, value: str = "TARO YAMADA") -> Path:
    """A PDF form with one filled text field and no appearance stream (as many viewers leave it)."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    helvetica = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    field = pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=pikepdf.String("applicant"),
        V=pikepdf.String(value), Rect=[100, 700, 450, 730], F=4, P=page.obj, DA=pikepdf.String("/Helv 14 Tf 0 g")))
    page.obj.Annots = Array([field])
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]), NeedAppearances=True, DA=pikepdf.String("/Helv 14 Tf 0 g"),
                                   DR=Dictionary(Font=Dictionary(Helv=helvetica)))
    pdf.save(path)
    return path


def png_with_size(path: Path, width: int, height: int) -> Path:
    """A valid 1×1 PNG whose header claims ``width``×``height`` (CRC fixed, so only the size lies)."""
    Image.new("L", (1, 1), 255).save(path, "PNG")
    data = bytearray(path.read_bytes())
    ihdr = 8 + 8  # signature, then IHDR's length and type
    data[ihdr:ihdr + 8] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[12:ihdr + 13]))
    data[ihdr + 13:ihdr + 17] = struct.pack(">I", crc)
    path.write_bytes(bytes(data))
    return path


def jpeg_with_size(path: Path, width: int, height: int) -> Path:
    """A small JPEG whose frame header (SOF0) claims ``width``×``height``."""
    Image.new("RGB", (16, 16), (200, 200, 200)).save(path, "JPEG")
    data = bytearray(path.read_bytes())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    path.write_bytes(bytes(data))
    return path
