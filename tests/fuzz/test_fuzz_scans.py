"""Fuzzing the attachment checks: damaged, truncated and hostile PDFs, JPEGs and PNGs,
decompression bombs in PDF streams, huge or lying image headers. Each input is accepted or refused
in one line, and what attach accepts the packet export takes (one check for both)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from tests.fuzz import tally
from tests.fuzz.hostile import (
    MB,
    active_pdf,
    deflate_bomb,
    form_pdf,
    jpeg_with_size,
    pdf_with_content,
    png_with_size,
    text_pdf,
)

from zairyu.reports.fonts import ReportFonts, resolve_fonts
from zairyu.reports.packet import PacketCover, PacketDocument, PacketFile, build_packet
from zairyu.scan_safety import MAX_DECODED_STREAM_BYTES, MAX_IMAGE_PIXELS
from zairyu.store.vault import check_content

FUZZ = settings(max_examples=tally.EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
COVER = PacketCover(route_en="Engineer", route_ja="技術・人文知識・国際業務", procedure_en="Change",
                    procedure_ja="在留資格変更許可申請")


@pytest.fixture(scope="module")
def fonts() -> ReportFonts:
    return resolve_fonts("")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("seeds")
    photo = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 160, 200)).save(photo, "JPEG", quality=80)
    screenshot = io.BytesIO()
    Image.new("RGBA", (40, 30), (10, 20, 30, 128)).save(screenshot, "PNG")
    return {"pdf": text_pdf(folder / "t.pdf").read_bytes(), "active pdf": active_pdf(folder / "a.pdf").read_bytes(),
            "form pdf": form_pdf(folder / "f.pdf").read_bytes(), "jpeg": photo.getvalue(),
            "png": screenshot.getvalue()}


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` cut short, with bytes overwritten, inserted or removed."""
    edits = draw(st.lists(st.tuples(st.sampled_from(["flip", "insert", "delete"]), st.integers(0, len(data) - 1),
                                    st.binary(min_size=1, max_size=8)), max_size=4))
    out = bytearray(data)
    for kind, position, chunk in edits:
        position = min(position, len(out))
        if kind == "flip":
            out[position:position + len(chunk)] = chunk
        elif kind == "insert":
            out[position:position] = chunk
        else:
            del out[position:position + len(chunk)]
    if draw(st.booleans()):
        out = out[: draw(st.integers(1, max(1, len(out))))]
    return bytes(out)


def _export_must_take(path: Path, fonts: ReportFonts) -> None:
    """The property of one shared check: a file attach accepts is one the packet takes."""
    out = path.with_name("packet.pdf")
    build_packet(COVER, [PacketDocument("Scan", "スキャン", (PacketFile(path, path.name),))], out, fonts=fonts)
    out.unlink()


@FUZZ
@given(data=st.data(), seed=st.sampled_from(["pdf", "active pdf", "form pdf", "jpeg", "png"]))
def test_damaged_scans(tmp_path: Path, seeds: dict[str, bytes], fonts: ReportFonts, data: st.DataObject,
                       seed: str) -> None:
    path = tmp_path / f"scan.{'pdf' if 'pdf' in seed else seed}"
    path.write_bytes(data.draw(damaged(seeds[seed])))
    if tally.attempt(f"attachment: damaged {seed}", lambda: check_content(path, path.name)) is not None:
        _export_must_take(path, fonts)


@settings(FUZZ, max_examples=max(4, tally.EXAMPLES // 5))
@given(size_mb=st.integers(1, 2 * MAX_DECODED_STREAM_BYTES // MB))
def test_pdf_stream_bombs(tmp_path: Path, size_mb: int) -> None:
    path = pdf_with_content(tmp_path / "bomb.pdf", deflate_bomb(size_mb * MB), filter_name="/FlateDecode")
    accepted = tally.attempt("attachment: pdf stream bomb", lambda: check_content(path, path.name))
    assert (accepted is not None) == (size_mb * MB <= MAX_DECODED_STREAM_BYTES)


sides = st.integers(1, 2**31 - 1) | st.integers(1, 20_000)


@FUZZ
@given(width=sides, height=sides, kind=st.sampled_from(["png", "jpeg"]))
def test_huge_or_lying_image_headers(tmp_path: Path, fonts: ReportFonts, width: int, height: int, kind: str) -> None:
    if kind == "jpeg":
        width, height = min(width, 65_535), min(height, 65_535)  # a JPEG header holds 16 bits per side
        path = jpeg_with_size(tmp_path / "photo.jpg", width, height)
    else:
        path = png_with_size(tmp_path / "scan.png", width, height)
    accepted = tally.attempt(f"attachment: {kind} header", lambda: check_content(path, path.name))
    if width * height > MAX_IMAGE_PIXELS:
        assert accepted is None
    if accepted is not None:
        _export_must_take(path, fonts)
