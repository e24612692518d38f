"""Packet of 100 phone photos (4032×3024 JPEG, 2–4 MB) and 20 multi-page PDFs.

Target: wall time at most 1.5× merging the same inputs directly with pikepdf + img2pdf in the same
run, and peak memory at most 1.5× that floor's. Each build runs in its own process; its peak RSS
comes from ``os.wait4`` (that child's own rusage). The inputs are generated once and cached in
the temp folder (they take a minute to make).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

PHOTOS = 100
PDFS = 20
PHOTO_SIZE = (4032, 3024)
CACHE = Path(tempfile.gettempdir()) / "zairyu-bench-inputs-v2"
RUNNER = Path(__file__).with_name("packet_runner.py")
REPO = Path(__file__).resolve().parents[2]


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


@pytest.fixture(scope="module")
def manifest() -> Path:
    CACHE.mkdir(exist_ok=True)
    started = time.perf_counter()
    with ProcessPoolExecutor() as pool:
        photo_sizes = list(pool.map(_photo, range(PHOTOS)))
        pdf_sizes = list(pool.map(_pdf, range(PDFS)))
    print(f"\ninputs: {PHOTOS} photos {min(photo_sizes) / 1e6:.1f}–{max(photo_sizes) / 1e6:.1f} MB "
          f"(total {sum(photo_sizes) / 1e6:.0f} MB), {PDFS} PDFs (total {sum(pdf_sizes) / 1e6:.1f} MB); "
          f"ready in {time.perf_counter() - started:.1f} s")
    assert all(2_000_000 <= size <= 4_000_000 for size in photo_sizes)
    documents = []
    for number in range(PDFS):  # 20 documents of 5 photos and a PDF each, as a case would have them
        files = [str(CACHE / f"document-{number:02d}.pdf")]
        files += [str(CACHE / f"photo-{p:03d}.jpg") for p in range(number * 5, number * 5 + 5)]
        documents.append({"title_en": f"Document {number + 1}", "title_ja": f"書類{number + 1}", "files": files})
    path = CACHE / "manifest.json"
    path.write_text(json.dumps({"documents": documents}), encoding="utf-8")
    return path


def _run(mode: str, manifest: Path, output: Path) -> tuple[float, float, int]:
    """(seconds after start-up, wall seconds of the whole process, peak RSS in bytes)."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "desktop"))
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(RUNNER), mode, str(manifest), str(output)],
                               stdout=subprocess.PIPE, env=env, cwd=REPO)
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, f"{mode} failed"
    return float(out), wall, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def test_packet_against_pikepdf_img2pdf_floor(manifest: Path, tmp_path: Path) -> None:
    runs: dict[str, list[tuple[float, float, int]]] = {"floor": [], "zairyu": []}
    for _round in range(2):  # alternate, and keep each side's best, to damp noise from the machine
        for mode in ("floor", "zairyu"):
            runs[mode].append(_run(mode, manifest, tmp_path / f"{mode}.pdf"))
    floor_work = min(r[0] for r in runs["floor"])
    ours_work = min(r[0] for r in runs["zairyu"])
    floor_wall = min(r[1] for r in runs["floor"])
    ours_wall = min(r[1] for r in runs["zairyu"])
    floor_rss = min(r[2] for r in runs["floor"])
    ours_rss = min(r[2] for r in runs["zairyu"])
    import pikepdf

    with pikepdf.open(tmp_path / "zairyu.pdf") as ours, pikepdf.open(tmp_path / "floor.pdf") as reference:
        pages, reference_pages = len(ours.pages), len(reference.pages)
        with ours.open_outline() as outline:
            first_document = outline.root[2].destination[0]  # after "Cover" and "Contents"
            front_pages = next(i for i, page in enumerate(ours.pages) if page.obj.objgen == first_document.objgen)
    size_ours = (tmp_path / "zairyu.pdf").stat().st_size
    size_floor = (tmp_path / "floor.pdf").stat().st_size
    print(f"\npacket benchmark: {PHOTOS} photos + {PDFS} PDFs -> {pages} pages "
          f"(floor {reference_pages}), {size_ours / 1e6:.0f} MB (floor {size_floor / 1e6:.0f} MB)")
    print(f"  time after start-up: zairyu {ours_work:.2f} s, floor {floor_work:.2f} s "
          f"-> {ours_work / floor_work:.2f}x")
    print(f"  wall time per process: zairyu {ours_wall:.2f} s, floor {floor_wall:.2f} s "
          f"-> {ours_wall / floor_wall:.2f}x")
    print(f"  peak RSS: zairyu {ours_rss / 2**20:.0f} MiB, floor {floor_rss / 2**20:.0f} MiB "
          f"-> {ours_rss / floor_rss:.2f}x")
    assert pages == reference_pages + front_pages  # every input page, plus cover and contents
    assert ours_wall <= 1.5 * floor_wall
    assert ours_rss <= 1.5 * floor_rss
