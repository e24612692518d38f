"""Packet of 100 phone photos (4032×3024 JPEG, 2–4 MB) and 20 multi-page PDFs, and the same with 20
PNG screenshots (1200×1800, RGB and palette) added: ``zairyu export packet`` as a whole process.

Target: wall time at most 1.5× merging the same inputs directly with pikepdf + img2pdf run as a
process (``packet_runner.py floor``) in the same run, and peak memory at most 1.5× that floor's.
The time after start-up (``packet_runner.py zairyu``: build_packet alone) is printed beside it.
Each build runs in its own process; its peak RSS comes from ``os.wait4``. The inputs are generated
once and cached in the temp folder (they take a minute to make); the case is built per run.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from tests.benchmarks.processes import REPO, ZAIRYU, alternate, floor_medians, user_env

PHOTOS = 100
PDFS = 20
SCREENSHOTS = 20
PHOTO_SIZE = (4032, 3024)
SCREENSHOT_SIZE = (1200, 1800)
CACHE = Path(tempfile.gettempdir()) / "zairyu-bench-inputs-v2"
RUNNER = Path(__file__).with_name("packet_runner.py")
ROUNDS = 3


def _photo(index: int) -> int:
    """A phone-sized photo: a gradient under soft noise, which JPEG cannot squeeze below 2 MB."""
    from PIL import Image

    path = CACHE / f"photo-{index:03d}.jpg"
    if path.exists() and 2_000_000 <= path.stat().st_size <= 4_000_000:
        return path.stat().st_size
    rng = random.Random(index)
    width, height = PHOTO_SIZE
    small = (width // 2, height // 2)
    noise = Image.frombytes("RGB", small, rng.randbytes(small[0] * small[1] * 3)).resize(PHOTO_SIZE)
    gradient = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270))).resize(PHOTO_SIZE).convert("RGB")
    image = Image.blend(gradient, noise, 0.2 + 0.12 * rng.random())
    exif = Image.Exif()
    exif[0x0112] = 6 if index % 4 == 0 else 1  # a quarter were taken holding the phone upright
    exif[0x0110] = "Benchmark Phone"
    temp = path.with_suffix(".tmp")
    for quality in (85, 80, 75, 70):  # a phone's usual quality, lower only to stay within 2–4 MB
        image.save(temp, "JPEG", quality=quality, exif=exif.tobytes(), dpi=(72, 72))
        if temp.stat().st_size <= 4_000_000:
            break
    temp.replace(path)
    return path.stat().st_size


def _pdf(index: int) -> int:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    path = CACHE / f"document-{index:02d}.pdf"
    if path.exists():
        return path.stat().st_size
    pdfmetrics.registerFont(TTFont("IPAex", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"))
    rng = random.Random(index)
    temp = path.with_suffix(".tmp")
    canvas = Canvas(str(temp), pagesize=A4, initialFontName="IPAex")
    for page in range(rng.randint(3, 12)):
        canvas.setFont("IPAex", 11)
        for line in range(50):
            canvas.drawString(50, 790 - line * 15, f"文書 {index} 頁 {page + 1} 行 {line + 1}: "
                              + "".join(rng.choice("在留資格証明書給与明細 abcdefghij0123456789") for _ in range(40)))
        for _ in range(20):
            canvas.rect(rng.uniform(40, 500), rng.uniform(40, 780), rng.uniform(5, 60), rng.uniform(5, 40))
        canvas.showPage()
    canvas.save()
    temp.replace(path)
    return path.stat().st_size


def _screenshot(index: int) -> int:
    """A phone screenshot: flat colours, bars and text; every other one palette-reduced (pngquant-like)."""
    from PIL import Image, ImageDraw

    path = CACHE / f"screenshot-{index:02d}.png"
    if path.exists():
        return path.stat().st_size
    rng = random.Random(1000 + index)
    image = Image.new("RGB", SCREENSHOT_SIZE, (248, 248, 250))
    draw = ImageDraw.Draw(image)
    width, height = SCREENSHOT_SIZE
    draw.rectangle([0, 0, width, 160], fill=(20, 90, 170))
    y = 200
    while y < height - 60:
        if rng.random() < 0.15:  # a photo-like block, as a screenshot of a web page has
            block = Image.linear_gradient("L").resize((width - 120, 220)).convert("RGB")
            image.paste(block, (60, y))
            y += 250
            continue
        draw.text((60, y), " ".join(rng.choice(("Residence", "card", "status", "2026", "Tokyo", "application",
                                                "income", "¥", "certificate")) for _ in range(12)),
                  fill=(30, 30, 30), font_size=34)
        y += 56
    temp = path.with_suffix(".tmp")
    (image.quantize(64) if index % 2 else image).save(temp, "PNG")
    temp.replace(path)
    return path.stat().st_size


@pytest.fixture(scope="module")
def inputs() -> dict[str, list[dict[str, object]]]:
    """The documents of each scenario: 20 documents of a PDF and 5 photos (plus a screenshot)."""
    CACHE.mkdir(exist_ok=True)
    started = time.perf_counter()
    with ProcessPoolExecutor() as pool:
        photo_sizes = list(pool.map(_photo, range(PHOTOS)))
        pdf_sizes = list(pool.map(_pdf, range(PDFS)))
        screenshot_sizes = list(pool.map(_screenshot, range(SCREENSHOTS)))
    print(f"\ninputs: {PHOTOS} photos {min(photo_sizes) / 1e6:.1f}–{max(photo_sizes) / 1e6:.1f} MB "
          f"(total {sum(photo_sizes) / 1e6:.0f} MB), {PDFS} PDFs (total {sum(pdf_sizes) / 1e6:.1f} MB), "
          f"{SCREENSHOTS} screenshots (total {sum(screenshot_sizes) / 1e6:.1f} MB); "
          f"ready in {time.perf_counter() - started:.1f} s")
    assert all(2_000_000 <= size <= 4_000_000 for size in photo_sizes)
    scenarios: dict[str, list[dict[str, object]]] = {"photos + PDFs": [], "with PNG screenshots": []}
    for number in range(PDFS):
        files = [str(CACHE / f"document-{number:02d}.pdf")]
        files += [str(CACHE / f"photo-{p:03d}.jpg") for p in range(number * 5, number * 5 + 5)]
        scenarios["photos + PDFs"].append({"files": files})
        scenarios["with PNG screenshots"].append({"files": [*files, str(CACHE / f"screenshot-{number:02d}.png")]})
    for documents in scenarios.values():
        for number, document in enumerate(documents, start=1):
            document.update(title_en=f"Document {number}", title_ja=f"書類{number}")
    return scenarios


def _case_with(documents: list[dict[str, object]], data: Path) -> int:
    """A case whose first documents carry the files, attached as a user would (copied into the vault)."""
    from zairyu.cli.common import route_catalog
    from zairyu.store import open_store

    with open_store(data, catalog=route_catalog()) as store:
        case_id = store.create_case(route="permanent-residence", procedure="application", title="Benchmark")
        codes = [d.code for d in store.get_case(case_id).documents]
        assert len(codes) >= len(documents)
        for code, document in zip(codes, documents, strict=False):
            for file in document["files"]:  # type: ignore[attr-defined]
                store.attach(case_id, code, Path(file))
    return case_id


@pytest.mark.parametrize("scenario", ["photos + PDFs", "with PNG screenshots"])
def test_packet_against_pikepdf_img2pdf_floor(inputs: dict[str, list[dict[str, object]]], tmp_path: Path,
                                              scenario: str) -> None:
    documents = inputs[scenario]
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"documents": documents}), encoding="utf-8")
    data = tmp_path / "data"
    case_id = _case_with(documents, data)
    env = user_env(PYTHONPATH=str(REPO / "desktop"), ZAIRYU_DATA_DIR=str(data))
    out = {mode: tmp_path / f"{mode}.pdf" for mode in ("floor", "zairyu", "in-process")}
    commands = {
        "floor": [sys.executable, str(RUNNER), "floor", str(manifest), str(out["floor"])],
        "zairyu": [*ZAIRYU, "export", "packet", str(case_id), "-o", str(out["zairyu"])],
        "in-process": [sys.executable, str(RUNNER), "zairyu", str(manifest), str(out["in-process"])],
    }
    runs = alternate(commands, ROUNDS, env)
    floor, ours, floor_rss, ours_rss, floor_work, ours_work = floor_medians(runs)
    import pikepdf

    with pikepdf.open(out["zairyu"]) as pdf, pikepdf.open(out["floor"]) as reference:
        pages, reference_pages = len(pdf.pages), len(reference.pages)
        with pdf.open_outline() as outline:
            first_document = outline.root[2].destination[0]  # after "Cover" and "Contents"
            front_pages = next(i for i, page in enumerate(pdf.pages) if page.obj.objgen == first_document.objgen)
    print(f"\npacket benchmark, {scenario}: {pages} pages (floor {reference_pages}), "
          f"{out['zairyu'].stat().st_size / 1e6:.0f} MB (floor {out['floor'].stat().st_size / 1e6:.0f} MB); "
          f"median of {ROUNDS}, alternating")
    print(f"  whole process: zairyu export packet {ours:.2f} s, floor {floor:.2f} s -> {ours / floor:.2f}x "
          f"(target <= 1.5x)")
    print(f"  after start-up: build_packet {ours_work:.2f} s, floor {floor_work:.2f} s "
          f"-> {ours_work / floor_work:.2f}x")
    print(f"  peak RSS: zairyu {ours_rss / 2**20:.0f} MiB, floor {floor_rss / 2**20:.0f} MiB "
          f"-> {ours_rss / floor_rss:.2f}x (target <= 1.5x)")
    stderr = runs["zairyu"][-1].stderr
    assert "Warning" not in stderr, stderr  # a user sees no Python warnings
    assert pages == reference_pages + front_pages  # every input page, plus cover and contents
    assert ours <= 1.5 * floor
    assert ours_rss <= 1.5 * floor_rss
