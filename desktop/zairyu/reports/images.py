"""Scans and phone photos as PDF pages: JPEG passed through, PNG converted, fitted to A4.

A JPEG is embedded as it is (its bytes become a DCTDecode image stream), so a photo loses nothing
and costs no time; the EXIF orientation is applied by the drawing matrix, not by re-encoding.
Only when a size limit forces it (``--max-mb``) is a photo decoded and re-encoded at a lower
resolution, and never below 200 dpi on the page (the online system asks for at least 200 dpi).
A PNG (screenshots, scanner output) is passed through too where PDF can take its
data as it is: PNG and PDF share the Flate compression and the per-row filters (PDF's "PNG
predictor"), so the concatenated IDAT chunks of an 8-bit (or fewer bits) grey, RGB or palette PNG
that is not interlaced and has no transparency become the image stream unchanged. Only the other
PNGs (an alpha channel or a transparent colour, flattened onto white paper; interlaced; 16-bit) are
decoded and compressed again, at a fast zlib level.
"""

from __future__ import annotations

import io
import math
import struct
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image

from zairyu import scan_safety

A4_WIDTH, A4_HEIGHT = 595.2756, 841.8898  # points (210 x 297 mm)
MM = 72 / 25.4
# White border around a photo on its page; the bottom one leaves room for the page number stamp.
MARGIN = 10 * MM
BOTTOM_MARGIN = 14 * MM
MIN_DPI = 200  # online-system minimum
JPEG_QUALITY = 85  # re-encoding only: visually lossless for documents, about 1/3 of phone-camera size

# How each EXIF orientation maps the stored image (s right, t down, both 0..1) to the upright
# image (S, T): S = a_s*s + a_t*t + a_0, T = b_s*s + b_t*t + b_0 (Pillow's exif_transpose table).
_ORIENTATION = {
    1: (1, 0, 0, 0, 1, 0),
    2: (-1, 0, 1, 0, 1, 0),
    3: (-1, 0, 1, 0, -1, 1),
    4: (1, 0, 0, 0, -1, 1),
    5: (0, 1, 0, 1, 0, 0),
    6: (0, -1, 1, 1, 0, 0),
    7: (0, -1, 1, -1, 0, 1),
    8: (0, 1, 0, -1, 0, 1),
}


class ImageError(Exception):
    """An image that cannot be placed on a page (the caller names the document and file)."""


@dataclass(frozen=True)
class ImageInfo:
    format: str  # "JPEG" or "PNG"
    mode: str
    width: int  # stored pixels
    height: int
    orientation: int  # EXIF 1..8
    dpi: float | None
    adobe_cmyk: bool  # Adobe CMYK JPEGs store inverted values

    @property
    def upright_size(self) -> tuple[int, int]:
        """Pixel size as the photo is meant to be seen (orientations 5-8 swap the axes)."""
        return (self.height, self.width) if self.orientation >= 5 else (self.width, self.height)


def probe(path: Path) -> ImageInfo:
    """Read an image's header only (Pillow opens lazily; no pixels are decoded)."""
    try:
        with Image.open(path) as image:
            if image.format not in ("JPEG", "PNG"):
                raise ImageError(f"is a {image.format} image; attach PDF, JPEG or PNG")
            try:
                orientation = int(image.getexif().get(0x0112, 1))
            except Exception:  # a corrupt EXIF block should not stop the export; upright it is
                orientation = 1
            if orientation not in _ORIENTATION:
                orientation = 1
            dpi = image.info.get("dpi")
            dpi_value = float(dpi[0]) if dpi and dpi[0] and float(dpi[0]) > 1 else None
            return ImageInfo(format=image.format, mode=image.mode, width=image.width, height=image.height,
                             orientation=orientation, dpi=dpi_value,
                             adobe_cmyk=image.mode == "CMYK" and "adobe" in image.info)
    except ImageError:
        raise
    except Exception as exc:
        raise ImageError(f"is not a readable image ({exc})") from None


def jpeg_is_complete(path: Path) -> bool:
    """A JPEG ends with the EOI marker (FF D9); a truncated copy (an interrupted transfer) does not.

    Usually answered from the last bytes, so a photo still passes through without being decoded.
    Some phones append data after the marker (Samsung trailers, the video of a motion photo); then
    the image is decoded at 1/8 scale, which fails on a truncated file.
    """
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 4096))
        tail = handle.read().rstrip(b"\x00")  # some cameras pad after the marker
    if tail.endswith(b"\xff\xd9"):
        return True
    try:
        with Image.open(path) as image:
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except (OSError, SyntaxError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Placement:
    page_width: float
    page_height: float
    x: float
    y: float
    width: float  # upright image size on the page, in points
    height: float


def place(info: ImageInfo, *, min_dpi: int | None = None) -> Placement:
    """An A4 page (portrait or landscape, like the photo) and where the photo goes on it.

    A photo larger than the printable area at its own resolution (a phone photo claims 72 dpi,
    so it is 56 inches wide) is fitted to the page; a smaller one keeps its printed size, or,
    with ``min_dpi``, is printed smaller so that it is not below that resolution on the page.
    """
    up_w, up_h = info.upright_size
    page_w, page_h = (A4_HEIGHT, A4_WIDTH) if up_w > up_h else (A4_WIDTH, A4_HEIGHT)
    area_w, area_h = page_w - 2 * MARGIN, page_h - MARGIN - BOTTOM_MARGIN
    dpi = info.dpi or 72.0
    natural_w, natural_h = up_w / dpi * 72, up_h / dpi * 72
    scale = min(1.0, area_w / natural_w, area_h / natural_h)
    if min_dpi is not None:
        scale = min(scale, dpi / min_dpi)
    width, height = natural_w * scale, natural_h * scale
    x = (page_w - width) / 2
    y = BOTTOM_MARGIN + (area_h - height) / 2
    return Placement(page_w, page_h, x, y, width, height)


def printed_dpi(info: ImageInfo, placement: Placement) -> float:
    return info.upright_size[0] / (placement.width / 72)


def draw_matrix(info: ImageInfo, placement: Placement) -> tuple[float, ...]:
    """The ``cm`` operands that draw the stored image upright into the placement rectangle."""
    a_s, a_t, a_0, b_s, b_t, b_0 = _ORIENTATION[info.orientation]
    w, h, x, y = placement.width, placement.height, placement.x, placement.y
    # Image space has v up with the first row at the top: s = u, t = 1 - v.
    return (w * a_s, -h * b_s, -w * a_t, h * b_t, x + w * (a_t + a_0), y + h * (1 - b_t - b_0))


def _colour_space(mode: str, palette: bytes = b"") -> pikepdf.Name | pikepdf.Array:
    if mode == "P":  # PDF's indexed colour space is PNG's palette: RGB triples, base DeviceRGB
        return pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, len(palette) // 3 - 1,
                              pikepdf.String(palette)])
    if mode in ("L", "1", "LA"):
        return pikepdf.Name.DeviceGray
    if mode == "CMYK":
        return pikepdf.Name.DeviceCMYK
    return pikepdf.Name.DeviceRGB


def _image_stream(pdf: pikepdf.Pdf, data: bytes, width: int, height: int, mode: str,
                  filter_name: str, bits: int = 8, palette: bytes = b"") -> pikepdf.Stream:
    """Already-encoded image bytes as a PDF image XObject."""
    stream = pikepdf.Stream(pdf, data)
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width = width
    stream.Height = height
    stream.BitsPerComponent = bits
    stream.ColorSpace = _colour_space(mode, palette)
    stream.Filter = pikepdf.Name(f"/{filter_name}")
    return stream


def jpeg_stream(pdf: pikepdf.Pdf, data: bytes, info: ImageInfo) -> pikepdf.Stream:
    """The JPEG bytes as a PDF image, untouched (DCTDecode)."""
    stream = _image_stream(pdf, data, info.width, info.height, info.mode, "DCTDecode")
    if info.adobe_cmyk:
        stream.Decode = pikepdf.Array([1, 0] * 4)
    return stream


@dataclass(frozen=True)
class EncodedImage:
    """Pixel data ready for a PDF image stream."""

    data: bytes
    filter: str  # "DCTDecode" or "FlateDecode"
    width: int
    height: int
    mode: str  # "L", "RGB", "CMYK", or "P" (indexed colours: ``palette``)
    bits: int = 8  # per component; PNG grey and palette images may have 1, 2 or 4
    # Flate data whose rows carry PNG's filter bytes (a PNG's own IDAT data): /Predictor 15.
    png_rows: bool = False
    palette: bytes = b""  # "P" only: the RGB triples of PNG's PLTE chunk

    @property
    def channels(self) -> int:
        return {"L": 1, "P": 1, "RGB": 3, "CMYK": 4}[self.mode]


# PNG colour types whose rows PDF reads as they are: grey, RGB, palette (not grey+alpha or RGBA).
_PNG_MODES = {0: "L", 2: "RGB", 3: "P"}
REENCODE_ZLIB_LEVEL = 1  # a screenshot in tens of milliseconds; level 6 took ten times longer for 5% less


PNG_SIGNATURE = scan_safety.PNG_SIGNATURE


def png_passthrough(data: bytes) -> EncodedImage | None:
    """A PNG's compressed rows as a PDF image, unchanged; None when PDF cannot take them as they are
    (transparency, an alpha channel, interlacing, 16 bits per sample). The structure checks are
    scan_safety's, which attach runs too."""
    try:
        return _png_passthrough(data)
    except scan_safety.ScanRefused as exc:
        raise ImageError(str(exc)) from None


def _png_passthrough(data: bytes) -> EncodedImage | None:
    if not data.startswith(PNG_SIGNATURE):
        raise ImageError("is not a PNG file")
    header: tuple[int, ...] | None = None
    palette = b""
    idat: list[bytes] = []
    for kind, body in scan_safety.png_chunks(data):  # ScanRefused when cut short
        if kind == b"IHDR" and len(body) == 13:
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            return None
        elif kind == b"IDAT":
            idat.append(body)
    if header is None or not idat:
        raise ImageError("is a damaged PNG (no header or no pixel data)")
    width, height, bits, colour, _compression, _filter, interlace = header
    mode = _PNG_MODES.get(colour)
    if mode is None or interlace or bits == 16:
        return None
    if mode == "P" and not palette:
        raise ImageError("is a damaged PNG (a palette image without its palette)")
    rows = b"".join(idat)
    channels = 3 if mode == "RGB" else 1
    scan_safety.check_png_rows(rows, height, (width * channels * bits + 7) // 8)
    return EncodedImage(rows, "FlateDecode", width, height, mode, bits=bits, png_rows=True, palette=palette)


def png_to_flate(path: Path) -> EncodedImage:
    """A PNG as a lossless PDF image: its own compressed rows where possible, else decoded and
    compressed again (transparency flattened onto white paper, 16 bits reduced to 8)."""
    data = path.read_bytes()
    passed = png_passthrough(data)
    if passed is not None:
        return passed
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
            rgba = image.convert("RGBA")
            paper = Image.new("RGB", rgba.size, "white")
            paper.paste(rgba, mask=rgba.getchannel("A"))
            converted = paper
        elif image.mode in ("L", "RGB", "P", "1"):  # interlaced: only the row order changes
            converted = image
        elif image.mode.startswith("I"):  # 16-bit greyscale scans
            converted = image.point(lambda v: v / 256).convert("L")
        else:
            converted = image.convert("RGB")
        # Pillow writes the rows with PNG's filters, non-interlaced, so the result passes through.
        buffer = io.BytesIO()
        converted.save(buffer, "PNG", compress_level=REENCODE_ZLIB_LEVEL)
    encoded = png_passthrough(buffer.getvalue())
    assert encoded is not None, "Pillow wrote a PNG that PDF cannot take as it is"
    return encoded


def downscale_jpeg(path: Path, info: ImageInfo, scale: float) -> EncodedImage:
    """Re-encode a photo at ``scale`` (< 1) of its pixel size; orientation stays as stored."""
    # Rounded up: a pixel fewer could put the photo a hair below the resolution it was scaled for.
    target = (max(1, math.ceil(info.width * scale)), max(1, math.ceil(info.height * scale)))
    with Image.open(path) as image:
        # draft() lets libjpeg decode at 1/2, 1/4 or 1/8 size directly: much faster, far less memory.
        image.draft(image.mode, target)
        image.load()
        decoded: Image.Image = image if image.mode in ("L", "RGB", "CMYK") else image.convert("RGB")
        resized = decoded.resize(target, Image.Resampling.LANCZOS) if decoded.size != target else decoded
        if resized.mode == "CMYK":
            resized = resized.convert("RGB")
        buffer = io.BytesIO()
        resized.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return EncodedImage(buffer.getvalue(), "DCTDecode", target[0], target[1], resized.mode)


def encoded_stream(pdf: pikepdf.Pdf, encoded: EncodedImage) -> pikepdf.Stream:
    stream = _image_stream(pdf, encoded.data, encoded.width, encoded.height, encoded.mode, encoded.filter,
                           encoded.bits, encoded.palette)
    if encoded.png_rows:
        stream.DecodeParms = pikepdf.Dictionary(Predictor=15, Colors=encoded.channels,
                                                BitsPerComponent=encoded.bits, Columns=encoded.width)
    return stream


def image_page(pdf: pikepdf.Pdf, image: pikepdf.Stream, info: ImageInfo, placement: Placement) -> pikepdf.Page:
    """A page holding one image, drawn upright into its placement."""
    matrix = " ".join(f"{v:.4f}" for v in draw_matrix(info, placement))
    content = pikepdf.Stream(pdf, f"q {matrix} cm /Im0 Do Q".encode("ascii"))
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=pikepdf.Array([0, 0, round(placement.page_width, 4), round(placement.page_height, 4)]),
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
        Contents=content,
    )
    return pikepdf.Page(page)
