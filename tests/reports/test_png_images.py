"""PNGs in a PDF: passed through (the PNG's own compressed rows, Flate with the PNG predictor) where
PDF can take them, decoded and compressed again where it cannot; either way the PDF image decodes
(by poppler's pdfimages) to the PNG's pixels, transparency flattened onto white."""

from __future__ import annotations

import random
import struct
import subprocess
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageChops

from zairyu.reports import images

SIZE = (97, 61)  # odd sizes: rows of 1-, 2- and 4-bit images end inside a byte


def _pattern(mode: str, seed: int) -> Image.Image:
    """Noise over a gradient, so the PNG encoder uses several row filters."""
    rng = random.Random(seed)
    base = Image.linear_gradient("L").resize(SIZE)
    noise = Image.frombytes("L", SIZE, rng.randbytes(SIZE[0] * SIZE[1]))
    grey = Image.blend(base, noise, 0.4)
    if mode == "L":
        return grey
    rgb = Image.merge("RGB", (grey, grey.rotate(180), noise))
    if mode == "RGB":
        return rgb
    if mode == "RGBA":
        rgba = rgb.convert("RGBA")
        rgba.putalpha(Image.linear_gradient("L").rotate(90).resize(SIZE))
        return rgba
    if mode == "LA":
        return Image.merge("LA", (grey, Image.linear_gradient("L").resize(SIZE)))
    raise AssertionError(mode)


def make(path: Path, kind: str) -> Path:
    if kind == "rgb":
        _pattern("RGB", 1).save(path)
    elif kind == "grey":
        _pattern("L", 2).save(path)
    elif kind == "palette":
        _pattern("RGB", 3).quantize(200).save(path)
    elif kind == "palette-4bit":
        _pattern("RGB", 4).quantize(16).save(path, bits=4)
    elif kind == "bilevel":
        _pattern("L", 5).convert("1").save(path)
    elif kind == "rgba":
        _pattern("RGBA", 6).save(path)
    elif kind == "grey-alpha":
        _pattern("LA", 7).save(path)
    elif kind == "palette-transparent":
        _pattern("RGB", 8).quantize(64).save(path, transparency=0)
    elif kind == "interlaced":
        write_interlaced(_pattern("RGB", 9), path)
    elif kind == "grey-16bit":
        _pattern("L", 10).convert("I;16").point(lambda v: v * 257).save(path)
    else:
        raise AssertionError(kind)
    return path


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def write_interlaced(image: Image.Image, path: Path) -> None:
    """An Adam7-interlaced 8-bit RGB PNG (Pillow does not write interlaced PNGs)."""
    width, height = image.size
    pixels = image.tobytes()
    raw = bytearray()
    for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
                           (0, 1, 1, 2)):
        for y in range(y0, height, dy):
            columns = range(x0, width, dx)
            if columns:
                raw += b"\x00" + b"".join(pixels[(y * width + x) * 3:(y * width + x) * 3 + 3] for x in columns)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 1)
    path.write_bytes(images.PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw)))
                     + chunk(b"IEND", b""))


def idat(path: Path) -> bytes:
    data, position, parts = path.read_bytes(), 8, []
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind == b"IDAT":
            parts.append(data[position + 8:position + 8 + length])
        position += 12 + length
    return b"".join(parts)


def pdf_with(encoded: images.EncodedImage, path: Path) -> Path:
    """A one-page PDF drawing the image at one point per pixel."""
    pdf = pikepdf.new()
    stream = images.encoded_stream(pdf, encoded)
    content = pikepdf.Stream(pdf, f"q {encoded.width} 0 0 {encoded.height} 0 0 cm /Im0 Do Q".encode())
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, encoded.width, encoded.height],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=stream)), Contents=content)))
    pdf.save(path)
    return path


def decoded_by_poppler(pdf: Path) -> Image.Image:
    root = pdf.with_suffix("")
    subprocess.run(["pdfimages", "-png", str(pdf), str(root)], check=True, capture_output=True)
    (extracted,) = sorted(pdf.parent.glob(f"{root.name}-*.png"))
    with Image.open(extracted) as image:
        return image.convert("RGB")


def on_white(path: Path) -> Image.Image:
    with Image.open(path) as image:
        rgba = image.convert("RGBA")
    paper = Image.new("RGB", rgba.size, "white")
    paper.paste(rgba, mask=rgba.getchannel("A"))
    return paper


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and ImageChops.difference(a, b).getbbox() is None


@pytest.mark.parametrize("kind", ["rgb", "grey", "palette", "palette-4bit", "bilevel"])
def test_a_png_pdf_can_read_is_passed_through(tmp_path: Path, kind: str) -> None:
    png = make(tmp_path / f"{kind}.png", kind)
    encoded = images.png_to_flate(png)
    assert encoded.data == idat(png), "the compressed rows go into the PDF unchanged"
    pdf = pdf_with(encoded, tmp_path / f"{kind}.pdf")
    with pikepdf.open(pdf) as opened:
        (image,) = opened.pages[0].get_images().values()
        assert image.Filter == pikepdf.Name.FlateDecode
        assert int(image.DecodeParms.Predictor) == 15 and int(image.DecodeParms.Columns) == SIZE[0]
    with Image.open(png) as original:
        assert same_pixels(decoded_by_poppler(pdf), original.convert("RGB"))


@pytest.mark.parametrize("kind", ["rgba", "grey-alpha", "palette-transparent"])
def test_transparency_is_flattened_onto_white(tmp_path: Path, kind: str) -> None:
    png = make(tmp_path / f"{kind}.png", kind)
    encoded = images.png_to_flate(png)
    assert encoded.data != idat(png) and encoded.mode in ("RGB", "L")
    decoded = decoded_by_poppler(pdf_with(encoded, tmp_path / f"{kind}.pdf"))
    assert same_pixels(decoded, on_white(png))


@pytest.mark.parametrize("kind", ["interlaced", "grey-16bit"])
def test_interlaced_and_16_bit_pngs_are_compressed_again(tmp_path: Path, kind: str) -> None:
    png = make(tmp_path / f"{kind}.png", kind)
    encoded = images.png_to_flate(png)
    assert encoded.data != idat(png) and encoded.bits == 8
    decoded = decoded_by_poppler(pdf_with(encoded, tmp_path / f"{kind}.pdf"))
    with Image.open(png) as original:
        expected = original.convert("RGB") if kind == "interlaced" else \
            original.point(lambda v: v / 256).convert("L").convert("RGB")
    assert same_pixels(decoded, expected)


def test_a_truncated_png_is_refused(tmp_path: Path) -> None:
    png = make(tmp_path / "rgb.png", "rgb")
    cut = tmp_path / "cut.png"
    cut.write_bytes(png.read_bytes()[: png.stat().st_size // 2])
    with pytest.raises(images.ImageError, match="cut short"):
        images.png_to_flate(cut)


def test_damaged_pixel_data_is_refused(tmp_path: Path) -> None:
    png = make(tmp_path / "rgb.png", "rgb")
    data = bytearray(png.read_bytes())
    start = data.index(b"IDAT") + 4
    data[start + 40:start + 60] = bytes(20)  # the chunk keeps its length; zlib's checksum catches it
    damaged = tmp_path / "damaged.png"
    damaged.write_bytes(bytes(data))
    with pytest.raises(images.ImageError, match="damaged PNG"):
        images.png_to_flate(damaged)


def test_rows_that_decompress_to_the_wrong_length_are_refused(tmp_path: Path) -> None:
    width, height = 10, 10
    rows = zlib.compress((b"\x00" + bytes(3 * width)) * (height - 1))  # one row short
    short = tmp_path / "short.png"
    short.write_bytes(images.PNG_SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                      + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
    with pytest.raises(images.ImageError, match="wrong length"):
        images.png_to_flate(short)
