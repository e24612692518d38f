"""Hostile and damaged scans: attach and the packet export run the same bounded check, so a file
attach accepts is one the packet takes; active content never reaches the packet; filled forms
print. Real files throughout (pikepdf, zlib, Pillow), checked with poppler where it matters."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from tests.fuzz.hostile import (
    MB,
    active_pdf,
    deflate_bomb,
    form_pdf,
    jpeg_with_size,
    pdf_with_content,
    pdf_with_huge_image,
    png_with_size,
    text_pdf,
    truncated,
)
from tests.reports.conftest import doc, page_count

from zairyu.cli.main import main as cli_main
from zairyu.errors import UserInputError
from zairyu.reports.packet import PacketCover, build_packet
from zairyu.scan_safety import MAX_DECODED_STREAM_BYTES
from zairyu.store import Store, open_store
from zairyu.store.vault import AttachmentRefused

FRONT_PAGES = 2  # cover + one contents page


def page_text(path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def store(isolated_data_dir: Path) -> Store:
    opened = open_store(isolated_data_dir)
    case_id = opened.create_case(route="engineer-specialist", procedure="coe", employer_category=1)
    assert case_id == 1
    return opened


def _hostile(tmp_path: Path, kind: str) -> Path:
    if kind == "stream bomb":  # 0.3 MB that inflates to 300 MB
        return pdf_with_content(tmp_path / "bomb.pdf", deflate_bomb(MAX_DECODED_STREAM_BYTES + 44 * MB),
                                filter_name="/FlateDecode")
    if kind == "undecodable content":
        return pdf_with_content(tmp_path / "garbled.pdf", b"not deflate data " * 40, filter_name="/FlateDecode")
    if kind == "lying image size":
        return pdf_with_huge_image(tmp_path / "huge-image.pdf")
    if kind == "cut short":
        return truncated(text_pdf(tmp_path / "three.pdf"), tmp_path / "cut.pdf", 0.85)
    raise AssertionError(kind)


HOSTILE = {"stream bomb": "decodes to more than 256 MB", "undecodable content": "cannot be decoded",
           "lying image size": "100000×100000 pixels", "cut short": "the PDF is cut short"}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_attach_and_export_refuse_the_same_pdf_with_the_same_reason(store: Store, tmp_path: Path,
                                                                    cover: PacketCover, kind: str) -> None:
    hostile = _hostile(tmp_path, kind)
    with pytest.raises(AttachmentRefused) as attach_error:
        store.attach(1, "photo", hostile)
    assert str(attach_error.value).startswith(f"{hostile.name}: ") and HOSTILE[kind] in str(attach_error.value)
    assert ".incoming" not in str(attach_error.value) and str(store.vault.root) not in str(attach_error.value)
    assert not [p for p in store.vault.root.iterdir()], "nothing is left in the vault"
    # A file attached by an older version reaches the export: the export's reason is the same.
    out = tmp_path / "out" / "packet.pdf"
    out.parent.mkdir()
    with pytest.raises(UserInputError) as export_error:
        build_packet(cover, [doc("Passport", "旅券", hostile)], out)
    assert str(export_error.value).endswith(f"file '{hostile.name}': {attach_error.value.reason}")
    assert list(out.parent.iterdir()) == []


def test_a_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """A 2 GB stream bomb is refused while the process stays far below the size it inflates to."""
    bomb = pdf_with_content(tmp_path / "bomb.pdf", deflate_bomb(2048 * MB), filter_name="/FlateDecode")
    assert bomb.stat().st_size < 4 * MB
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) parent across fork and exec.
    code = ("import re, sys; from pathlib import Path; from zairyu import scan_safety\n"
            "try:\n    scan_safety.check_pdf(Path(sys.argv[1]))\nexcept scan_safety.ScanRefused as e:\n"
            "    print(e)\nprint(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    done = subprocess.run([sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, check=True)
    reason, peak_kib = done.stdout.splitlines()
    assert "decompression bomb" in reason
    assert int(peak_kib) < 100 * 1024, f"peak RSS {int(peak_kib) // 1024} MiB"


def test_a_truncated_pdf_is_refused_not_read_in_part(store: Store, tmp_path: Path) -> None:
    whole = text_pdf(tmp_path / "statement.pdf", pages=3)
    for keep in (0.3, 0.6, 0.97):
        cut = truncated(whole, tmp_path / f"statement-{keep}.pdf", keep)
        with pytest.raises(AttachmentRefused, match=r"cut short"):
            store.attach(1, "photo", cut)
    assert store.attach(1, "photo", whole).pages == 3


@pytest.mark.parametrize(("maker", "size"), [(png_with_size, (100_000, 100_000)), (png_with_size, (10_000, 9_500)),
                                             (jpeg_with_size, (60_000, 60_000))])
def test_images_with_huge_or_lying_headers_are_refused_at_attach_and_export(
        store: Store, tmp_path: Path, cover: PacketCover, maker, size) -> None:  # type: ignore[no-untyped-def]
    image = maker(tmp_path / f"scan{'.png' if maker is png_with_size else '.jpg'}", *size)
    with pytest.raises(AttachmentRefused, match=r"too large to be a scan|more than a scan needs"):
        store.attach(1, "photo", image)
    with pytest.raises(UserInputError, match=r"too large to be a scan|more than a scan needs"):
        build_packet(cover, [doc("Photo", "写真", image)], tmp_path / "packet.pdf")


def _all_objects(path: Path) -> list[pikepdf.Object]:
    with pikepdf.open(path) as pdf:
        return [obj for obj in pdf.objects if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream))]


def test_active_content_is_removed_from_the_packet_and_the_packet_says_so(tmp_path: Path,
                                                                         cover: PacketCover) -> None:
    hostile = active_pdf(tmp_path / "brochure.pdf")
    out = tmp_path / "packet.pdf"
    result = build_packet(cover, [doc("Company brochure", "会社案内", hostile)], out)
    with pikepdf.open(out) as pdf:
        found = []
        for obj in pdf.objects:
            if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                continue
            found += [key for key in ("/AA", "/JS", "/OpenAction", "/EmbeddedFiles", "/EF") if key in obj]
            found += [str(obj.S) for _ in [0] if "/S" in obj and str(obj.S) in ("/JavaScript", "/Launch",
                                                                                  "/SubmitForm")]
            if obj.get("/Subtype") in (pikepdf.Name.FileAttachment, pikepdf.Name.RichMedia):
                found.append(str(obj.Subtype))
        assert found == []
        links = [a for a in pdf.pages[FRONT_PAGES].obj.get("/Annots", [])]
        assert [str(a.A.URI) for a in links if "/A" in a] == ["https://www.moj.go.jp/isa/"]  # harmless link kept
    (name, removed), = result.removed_content
    assert name == "brochure.pdf"
    assert {"JavaScript", "an action that starts a program", "a form-submission action", "an embedded file",
            "embedded multimedia"} <= set(removed)
    cover_text = " ".join(page_text(out, 1).split())
    assert "Active content (JavaScript, actions, embedded files) was removed from: brochure.pdf" in cover_text


def test_filled_form_fields_are_flattened_into_the_page(tmp_path: Path, cover: PacketCover) -> None:
    form = form_pdf(tmp_path / "application-form.pdf", "TARO YAMADA")
    out = tmp_path / "packet.pdf"
    result = build_packet(cover, [doc("Application form", "申請書", form)], out)
    assert result.flattened_forms == ["application-form.pdf"]
    assert "TARO YAMADA" in page_text(out, FRONT_PAGES + 1)
    with pikepdf.open(out) as pdf:
        assert "/AcroForm" not in pdf.Root
        assert not [a for a in pdf.pages[FRONT_PAGES].obj.get("/Annots", []) if a.get("/Subtype") == "/Widget"]
    assert "Filled form fields were printed into the page in: application-form.pdf" in " ".join(
        page_text(out, 1).split())
    assert page_count(out) == FRONT_PAGES + 1


def test_the_cli_notes_what_was_removed(isolated_data_dir: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(isolated_data_dir) as store:
        case_id = store.create_case(route="engineer-specialist", procedure="coe", employer_category=1)
        store.attach(case_id, "photo", active_pdf(tmp_path / "brochure.pdf"))
        store.attach(case_id, "application-form-coe", form_pdf(tmp_path / "form.pdf"))
    assert cli_main(["export", "packet", str(case_id), "-o", str(tmp_path / "packet.pdf")]) == 0
    err = capsys.readouterr().err
    assert "note: removed from brochure.pdf (not carried into the packet): " in err and "JavaScript" in err
    assert "note: the filled form fields of form.pdf were printed into its pages" in err


def test_a_png_whose_pixel_data_ends_early_is_refused_at_attach_as_at_export(store: Store, tmp_path: Path,
                                                                              cover: PacketCover) -> None:
    """Pillow accepts a PNG whose rows stop short of its header's height; the packet's PNG check
    does not, so attach runs the same check (found by the fuzz suite: a 1×1 image claiming 1×2)."""
    short = png_with_size(tmp_path / "screenshot.png", 1, 2)
    with pytest.raises(AttachmentRefused) as attach_error:
        store.attach(1, "photo", short)
    assert "pixel data has the wrong length" in str(attach_error.value)
    with pytest.raises(UserInputError) as export_error:
        build_packet(cover, [doc("Screenshot", "画面", short)], tmp_path / "packet.pdf")
    assert str(export_error.value).endswith(f"file 'screenshot.png': {attach_error.value.reason}")
