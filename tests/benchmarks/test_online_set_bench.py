"""The online set of a realistic case: 30 phone photos (4032×3024 JPEG, about 3 MB each) and 20 PDFs.

As attached the case is about 100 MB, so the export must downscale photos to bring the set under
the online system's 25 MB. Compared, in the same run, with the floor: the same inputs merged by
pikepdf + img2pdf with every photo resized to 200 dpi (``online_set_runner.py``). Each build runs
in its own process; its peak RSS comes from ``os.wait4`` (that child's own rusage). The inputs
are the packet benchmark's, generated once and cached in the temp folder.

Targets: wall time at most 1.5× the floor's; peak memory at most 3× the floor's. The floor
writes each document as soon as its photos are resized and brings every photo to 200 dpi, so it
never decodes one at full size; Zairyu keeps the re-encoded photos (about 0.7 MB each) until the
plan is measured, and a photo the limit leaves at 300 dpi (here the face photo) is decoded at full
size: about 80 MB more for that moment, the same for any number of photos.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from test_packet_bench import CACHE, _pdf, _photo

PHOTOS = 30
PDFS = 20
LIMIT = 25_000_000
RUNNER = Path(__file__).with_name("online_set_runner.py")
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def manifest() -> Path:
    CACHE.mkdir(exist_ok=True)
    with ProcessPoolExecutor() as pool:
        photo_sizes = list(pool.map(_photo, range(PHOTOS)))
        pdf_sizes = list(pool.map(_pdf, range(PDFS)))
    print(f"\ninputs: {PHOTOS} photos {min(photo_sizes) / 1e6:.1f}–{max(photo_sizes) / 1e6:.1f} MB "
          f"(total {sum(photo_sizes) / 1e6:.0f} MB), {PDFS} PDFs (total {sum(pdf_sizes) / 1e6:.1f} MB)")
    # The face photo first (a phone photo too), then 20 documents of one PDF each, the first ten
    # with the other 29 photos: phone shots of the pages that were not scanned.
    documents = [{"code": "photo", "title_en": "Photo", "title_ja": "写真", "files": [str(CACHE / "photo-000.jpg")]}]
    photos = iter(range(1, PHOTOS))
    for number in range(PDFS):
        files = [str(CACHE / f"document-{number:02d}.pdf")]
        if number < 10:
            files += [str(CACHE / f"photo-{next(photos):03d}.jpg") for _ in range(3 if number < 9 else 2)]
        documents.append({"code": f"document-{number + 1}", "title_en": f"Document {number + 1}",
                          "title_ja": f"書類{number + 1}", "files": files})
    assert next(photos, None) is None  # every photo is used once
    path = CACHE / "online-manifest.json"
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
    assert os.waitstatus_to_exitcode(status) == 0, f"{mode} failed"
    return float(out), wall, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def _pages(folder: Path) -> int:
    import pikepdf

    total = 0
    for path in folder.iterdir():
        with pikepdf.open(path) as pdf:
            total += len(pdf.pages)
    return total


def test_online_set_against_pikepdf_img2pdf_floor(manifest: Path, tmp_path: Path) -> None:
    runs: dict[str, list[tuple[float, float, int]]] = {"floor": [], "zairyu": []}
    for attempt in range(2):  # alternate, and keep each side's best, to damp noise from the machine
        for mode in ("floor", "zairyu"):
            runs[mode].append(_run(mode, manifest, tmp_path / f"{mode}-{attempt}"))
    best = {mode: (min(r[0] for r in rs), min(r[1] for r in rs), min(r[2] for r in rs)) for mode, rs in runs.items()}
    ours, floor = tmp_path / "zairyu-0", tmp_path / "floor-0"
    size_ours = sum(p.stat().st_size for p in ours.iterdir())
    size_floor = sum(p.stat().st_size for p in floor.iterdir())
    inputs = sum(Path(f).stat().st_size for d in json.loads(manifest.read_text())["documents"] for f in d["files"])
    print(f"\nonline set: {inputs / 1e6:.0f} MB of inputs -> {len(list(ours.iterdir()))} files, "
          f"{size_ours / 1e6:.1f} MB (floor {size_floor / 1e6:.1f} MB), {_pages(ours)} pages")
    labels = ("time after start-up", "wall time per process", "peak RSS")
    for index, label in enumerate(labels):
        mine, reference = best["zairyu"][index], best["floor"][index]
        unit, scale = ("MiB", 2**20) if index == 2 else ("s", 1)
        print(f"  {label}: zairyu {mine / scale:.2f} {unit}, floor {reference / scale:.2f} {unit} "
              f"-> {mine / reference:.2f}x")
    assert inputs > 4 * LIMIT and size_ours <= LIMIT  # it had to downscale, and it fits
    assert _pages(ours) == _pages(floor)  # every page kept
    assert best["zairyu"][1] <= 1.5 * best["floor"][1]
    assert best["zairyu"][2] <= 3 * best["floor"][2]
