"""The submission packet: pages, bookmarks, stamps, unlocking, refusals, size-limited parts."""

from __future__ import annotations

import os
import subprocess
import threading
import warnings
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageChops
from tests.reports.conftest import doc, ink, make_noise_photo, make_pdf, page_count, pdffonts, render

from zairyu.errors import UserInputError
from zairyu.reports import images
from zairyu.reports.atomic import ExportCancelled, ExportControl
from zairyu.reports.packet import MB, PacketCover, build_packet

Files = Callable[[str], Path]
FRONT_PAGES = 2  # cover + one contents page


def page_text(path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def outline(path: Path) -> list[tuple[str, int, list[tuple[str, int]]]]:
    with pikepdf.open(path) as pdf, pdf.open_outline() as tree:
        index = {page.objgen: number for number, page in enumerate(pdf.pages)}

        def target(item: pikepdf.OutlineItem) -> int:
            destination = item.destination if item.destination is not None else item.action.D
            return index[destination[0].objgen]

        return [(item.title, target(item), [(child.title, target(child)) for child in item.children])
                for item in tree.root]


def test_packet_pages_bookmarks_and_stamps(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    documents = [
        doc("Passport", "旅券", files("passport.pdf"), code="passport"),
        doc("No file yet", "未添付"),  # not attached: not in the packet
        doc("Employment contract", "雇用契約書", files("contract.pdf"), files("rotated.pdf")),
        doc("Photos", "写真", files("photo.jpg"), files("photo-rot6.jpg"), files("screenshot.png")),
    ]
    out = tmp_path / "packet.pdf"
    progress: list[tuple[int, int, str]] = []
    result = build_packet(cover, documents, out, control=ExportControl(progress=lambda *a: progress.append(a)))
    attached = 2 + 3 + 1 + 3
    assert page_count(out) == FRONT_PAGES + attached == result.pages[0]
    assert result.paths == [out] and progress

    bookmarks = outline(out)
    assert [b[0] for b in bookmarks] == ["Cover 表紙", "Contents 目次", "1. Passport 旅券",
                                         "3. Employment contract 雇用契約書", "4. Photos 写真"]
    assert bookmarks[2][1] == 2 and bookmarks[2][2] == [("passport.pdf", 2)]
    assert bookmarks[3][2] == [("contract.pdf", 4), ("rotated.pdf", 7)]
    assert bookmarks[4][2] == [("photo.jpg", 8), ("photo-rot6.jpg", 9), ("screenshot.png", 10)]

    total = page_count(out)
    for page in range(1, total + 1):
        assert f"{page} / {total}" in page_text(out, page), f"page {page} carries its number"
    contents = page_text(out, 2)
    assert "Employment contract" in contents and "5–8" in contents  # printed page numbers = stamped numbers
    assert "No file yet" not in contents
    assert all(f["emb"] == "yes" for f in pdffonts(out))


def test_stamp_is_upright_at_the_foot_of_a_rotated_page(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(cover, [doc("Rotated", "回転", files("rotated.pdf"))], out)
    image = render(out, 3, dpi=50)
    width, height = image.size
    assert height > width  # /Rotate 90 on a landscape page shows portrait
    foot = image.crop((width // 2 - 40, height - 30, width // 2 + 40, height))
    assert ink(foot) > 0, "the page number is drawn at the bottom of the page as displayed"
    assert "3/3" in page_text(out, 3).replace(" ", "")


def test_jpeg_is_embedded_without_re_encoding(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    photo = files("photo.jpg")
    out = tmp_path / "packet.pdf"
    build_packet(cover, [doc("Photo", "写真", photo)], out)
    with pikepdf.open(out) as pdf:
        page = pdf.pages[FRONT_PAGES]
        (image,) = list(page.get_images().values())
        assert image.Filter == pikepdf.Name.DCTDecode
        assert image.read_raw_bytes() == photo.read_bytes()
        box = [float(v) for v in page.mediabox]
        assert (round(box[2]), round(box[3])) == (842, 595)  # a landscape photo on landscape A4


def test_exif_orientation_is_applied(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(cover, [doc("Photo", "写真", files("photo-rot6.jpg"))], out)
    page = render(out, FRONT_PAGES + 1, dpi=30)
    width, height = page.size
    assert height > width  # 640x480 stored, orientation 6: upright it is portrait

    def red(box: tuple[int, int, int, int]) -> int:
        r, g, _ = page.crop(box).split()
        reddish = Image.eval(r, lambda v: 255 if v > 150 else 0)
        not_green = Image.eval(g, lambda v: 255 if v < 80 else 0)
        return sum(ImageChops.multiply(reddish, not_green).histogram()[255:])

    # The arrow points up in the stored pixels; turned 90° clockwise its head is on the right.
    assert red((width // 2, 0, width, height)) > 1.3 * red((0, 0, width // 2, height))
    # And it matches Pillow's own reading of the EXIF tag.
    with Image.open(files("photo-rot6.jpg")) as original:
        from PIL import ImageOps

        upright = ImageOps.exif_transpose(original)
        assert upright is not None and upright.size == (480, 640)


def test_owner_locked_pdf_comes_out_unlocked(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    locked = files("payslip-locked.pdf")
    with pikepdf.open(locked) as pdf:
        assert pdf.is_encrypted and not pdf.allow.extract  # the premise: restrictions are set
    out = tmp_path / "packet.pdf"
    build_packet(cover, [doc("Payslips", "給与明細", locked)], out)
    with pikepdf.open(out) as pdf:
        assert not pdf.is_encrypted
        assert "/Encrypt" not in pdf.trailer
        assert len(pdf.pages) == FRONT_PAGES + 2
    assert "Payslip 2" in page_text(out, FRONT_PAGES + 2)
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize(("name", "problem"), [("secret.pdf", "protected by a password"),
                                                ("broken.pdf", "not a readable PDF")])
def test_password_and_broken_pdfs_are_refused_by_name(tmp_path: Path, files: Files, cover: PacketCover, name: str,
                                                      problem: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "packet.pdf"
    documents = [doc("Passport", "旅券", files("passport.pdf")),
                 doc("Tax certificate", "課税証明書", files(name), code="tax-certificate")]
    with pytest.raises(UserInputError) as info:
        build_packet(cover, documents, out)
    message = str(info.value)
    assert "Tax certificate" in message and name in message and problem in message
    assert list(out_dir.iterdir()) == [], "no output, not even a temporary file"


def test_not_a_supported_file_is_refused(tmp_path: Path, cover: PacketCover) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    with pytest.raises(UserInputError, match=r"notes\.txt.*not a PDF, JPEG or PNG"):
        build_packet(cover, [doc("Notes", "メモ", notes)], tmp_path / "p.pdf")


def test_cancel_leaves_nothing(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    cancel = threading.Event()

    def progress(done: int, total: int, message: str) -> None:
        if message.startswith("writing"):
            cancel.set()  # the user presses Cancel while the packet is being written

    with pytest.raises(ExportCancelled):
        build_packet(cover, [doc("Passport", "旅券", files("passport.pdf"))], out_dir / "p.pdf",
                     control=ExportControl(progress=progress, cancel=cancel))
    assert list(out_dir.iterdir()) == []


def _photo_docs(tmp_path: Path, count: int, per_doc: int, size: tuple[int, int] = (1400, 1050)) -> list:
    documents = []
    for d in range(count):
        paths = [make_noise_photo(tmp_path / f"d{d}-p{p}.jpg", size, seed=d * 10 + p) for p in range(per_doc)]
        documents.append(doc(f"Evidence {d}", f"資料{d}", *paths))
    return documents


def test_max_mb_splits_at_document_boundaries(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    documents = [doc("Passport", "旅券", files("passport.pdf")), *_photo_docs(tmp_path, 4, 2, size=(900, 675))]
    photo_bytes = sum(f.path.stat().st_size for d in documents[1:] for f in d.files)
    limit_mb = 1.5
    assert photo_bytes > 2 * limit_mb * MB  # the premise: it cannot fit in one part
    out = tmp_path / "out" / "packet.pdf"
    out.parent.mkdir()
    result = build_packet(cover, documents, out, max_mb=limit_mb)
    assert len(result.paths) >= 3
    assert [p.name for p in result.paths] == [f"packet-part{i}.pdf" for i in range(1, len(result.paths) + 1)]
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(p.name for p in result.paths)
    assert not result.downscaled, "splitting alone was enough: nothing downscaled"
    attached_pages = 0
    seen_titles: list[str] = []
    for path in result.paths:
        assert path.stat().st_size <= limit_mb * MB
        pages = page_count(path)
        attached_pages += pages - FRONT_PAGES
        seen_titles += [b[0] for b in outline(path)[2:]]
        with pikepdf.open(path) as pdf:
            assert not pdf.is_encrypted
    assert attached_pages == 2 + 4 * 2  # together the parts hold every page
    assert seen_titles == ["1. Passport 旅券"] + [f"{n}. Evidence {n - 2} 資料{n - 2}" for n in range(2, 6)]


def test_max_mb_downscales_photos_of_a_document_too_big_alone(tmp_path: Path, cover: PacketCover) -> None:
    (big,) = _photo_docs(tmp_path, 1, 3, size=(2400, 1800))
    size = sum(f.path.stat().st_size for f in big.files)
    limit_mb = round(size / MB * 0.7, 2)
    out = tmp_path / "packet.pdf"
    result = build_packet(cover, [big], out, max_mb=limit_mb)
    assert result.paths == [out] and out.stat().st_size <= limit_mb * MB
    assert result.downscaled and result.downscaled[0][1] >= images.MIN_DPI
    placement = images.place(images.probe(big.files[0].path))
    with pikepdf.open(out) as pdf:
        (image,) = list(pdf.pages[FRONT_PAGES].get_images().values())
        assert int(image.Width) < 2400, "re-encoded smaller"
        assert int(image.Width) / (placement.width / 72) >= images.MIN_DPI - 1, "but not below 200 dpi on paper"


def test_max_mb_names_a_document_that_cannot_fit(tmp_path: Path, cover: PacketCover) -> None:
    big_pdf = tmp_path / "thick.pdf"
    make_pdf(big_pdf, 3)
    with pikepdf.open(big_pdf, allow_overwriting_input=True) as pdf:  # a page carrying 600 kB of noise
        noise = pikepdf.Stream(pdf, os.urandom(600_000))
        pdf.pages[0].obj.Resources.XObject = pikepdf.Dictionary(Noise=noise)
        pdf.save(big_pdf)
    out = tmp_path / "packet.pdf"
    with pytest.raises(UserInputError, match=r"document 'Bank statements'.*cannot fit"):
        build_packet(cover, [doc("Bank statements", "預金通帳", big_pdf)], out, max_mb=0.3)
    assert not out.exists()


def test_truncated_jpeg_is_refused_by_name(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(files("photo.jpg").read_bytes()[:-2000])
    with pytest.raises(UserInputError, match=r"document 'Photo'.*cut\.jpg.*cut short"):
        build_packet(cover, [doc("Photo", "写真", cut)], tmp_path / "p.pdf")
    assert not (tmp_path / "p.pdf").exists()


def test_jpeg_with_data_after_the_end_marker_is_accepted(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    trailer = tmp_path / "motion.jpg"  # a motion photo: a video appended after the JPEG's end marker
    trailer.write_bytes(files("photo.jpg").read_bytes() + b"\x00\x00\x00\x18ftypmp42" + os.urandom(8000))
    build_packet(cover, [doc("Photo", "写真", trailer)], tmp_path / "p.pdf")
    assert page_count(tmp_path / "p.pdf") == FRONT_PAGES + 1


def test_png_is_converted_losslessly_onto_white_paper(tmp_path: Path, files: Files, cover: PacketCover) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(cover, [doc("Screenshot", "画面", files("screenshot.png"))], out)
    with pikepdf.open(out) as pdf:
        (image,) = list(pdf.pages[FRONT_PAGES].get_images().values())
        assert image.Filter == pikepdf.Name.FlateDecode and "/SMask" not in image
        assert (int(image.Width), int(image.Height)) == (500, 300)
    page = render(out, FRONT_PAGES + 1, dpi=40)
    width, height = page.size
    centre = page.crop((width // 2 - 10, height // 2 - 10, width // 2 + 10, height // 2 + 10))
    assert ink(centre) == 0, "the transparent middle of the PNG prints as white paper, not black"
    assert ink(page) > 0


def test_a_filled_in_form_is_flattened_without_a_warning(tmp_path: Path, cover: PacketCover) -> None:
    from reportlab.pdfgen.canvas import Canvas

    form = tmp_path / "application-form.pdf"
    canvas = Canvas(str(form))
    canvas.acroForm.textfield(name="applicant", value="Maria Example", x=100, y=700, width=200, height=20)
    canvas.showPage()
    canvas.save()
    out = tmp_path / "packet.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pikepdf's PageCopyWarning would reach the user's terminal
        build_packet(cover, [doc("Application form", "申請書", form)], out)
    with pikepdf.open(out) as pdf:
        # The value is drawn into the page (it prints and shows in every viewer); no live field is left.
        widgets = [annot for annot in pdf.pages[FRONT_PAGES].get("/Annots", []) if annot.Subtype == "/Widget"]
        fields = pdf.Root.get("/AcroForm", pikepdf.Dictionary()).get("/Fields", [])
    assert widgets == [] and len(fields) == 0
    assert "Maria Example" in page_text(out, FRONT_PAGES + 1)
