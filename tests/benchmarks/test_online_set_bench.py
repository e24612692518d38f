"""The online set of a realistic case: 30 phone photos (4032×3024 JPEG, about 3 MB each) and 20 PDFs,
``zairyu export online`` as a whole process.

As attached the case is about 100 MB, so the export must downscale photos to bring the set under
the online system's 25 MB. Compared, in the same run, with the floor: the same inputs merged per
document by pikepdf + img2pdf with every photo resized to 200 dpi (``online_set_runner.py floor``),
run as a process. The time after start-up (``online_set_runner.py zairyu``: build_online_set
alone) is printed beside it. Peak RSS of each child comes from ``os.wait4``. The inputs and the
case are the packet benchmark's (generated once and cached in the temp folder).

Targets: wall time at most 1.5× the floor's; peak memory at most 3× the floor's. The floor
writes each document as soon as its photos are resized and brings every photo to 200 dpi, so it
never decodes one at full size; Zairyu keeps the re-encoded photos (about 0.7 MB each) until the
plan is measured, and a photo the limit leaves at 300 dpi (here the face photo) is decoded at full
size: about 80 MB more for that moment, the same for any number of photos.
"""

from __future__ import annotations

import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pikepdf
import pytest
from tests.benchmarks.processes import REPO, ZAIRYU, alternate, floor_medians, user_env
from tests.benchmarks.test_packet_bench import CACHE, _case_with, _pdf, _photo

PHOTOS = 30
PDFS = 20
LIMIT = 25_000_000
ROUNDS = 3
RUNNER = Path(__file__).with_name("online_set_runner.py")


@pytest.fixture(scope="module")
def documents() -> list[dict[str, object]]:
    """21 documents in checklist order: a PDF, the face photo (a phone photo too), 19 more PDFs; the
    first ten PDFs come with phone photos of the pages that were not scanned (3 each, the tenth 2)."""
    CACHE.mkdir(exist_ok=True)
    with ProcessPoolExecutor() as pool:
        photo_sizes = list(pool.map(_photo, range(PHOTOS)))
        pdf_sizes = list(pool.map(_pdf, range(PDFS)))
    print(f"\ninputs: {PHOTOS} photos {min(photo_sizes) / 1e6:.1f}–{max(photo_sizes) / 1e6:.1f} MB "
          f"(total {sum(photo_sizes) / 1e6:.0f} MB), {PDFS} PDFs (total {sum(pdf_sizes) / 1e6:.1f} MB)")
    photos = iter(str(CACHE / f"photo-{p:03d}.jpg") for p in range(PHOTOS))
    face = next(photos)
    pdfs = [[str(CACHE / f"document-{n:02d}.pdf")] for n in range(PDFS)]
    for number, files in enumerate(pdfs[:10]):
        files += [next(photos) for _ in range(3 if number < 9 else 2)]
    assert next(photos, None) is None  # every photo is used once
    result: list[dict[str, object]] = [{"files": pdfs[0]}, {"files": [face]}, *({"files": f} for f in pdfs[1:])]
    for number, document in enumerate(result, start=1):
        document.update(title_en=f"Document {number}", title_ja=f"書類{number}", code=f"document-{number}")
    return result


def _pages(folder: Path) -> int:
    total = 0
    for path in folder.iterdir():
        with pikepdf.open(path) as pdf:
            total += len(pdf.pages)
    return total


def test_online_set_against_pikepdf_img2pdf_floor(documents: list[dict[str, object]], tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"documents": documents}), encoding="utf-8")
    data = tmp_path / "data"
    case_id = _case_with(documents, data)
    env = user_env(PYTHONPATH=str(REPO / "desktop"), ZAIRYU_DATA_DIR=str(data))
    out = {mode: tmp_path / mode for mode in ("floor", "zairyu", "in-process")}
    commands = {
        "floor": [sys.executable, str(RUNNER), "floor", str(manifest), str(out["floor"])],
        "zairyu": [*ZAIRYU, "export", "online", str(case_id), "-o", str(out["zairyu"])],
        "in-process": [sys.executable, str(RUNNER), "zairyu", str(manifest), str(out["in-process"])],
    }
    runs = alternate(commands, ROUNDS, env)
    floor, ours, floor_rss, ours_rss, floor_work, ours_work = floor_medians(runs)
    size = {mode: sum(p.stat().st_size for p in folder.iterdir()) for mode, folder in out.items()}
    inputs = sum(Path(f).stat().st_size for d in documents for f in d["files"])  # type: ignore[attr-defined]
    print(f"\nonline set: {inputs / 1e6:.0f} MB of inputs -> {len(list(out['zairyu'].iterdir()))} files, "
          f"{_pages(out['zairyu'])} pages, {size['zairyu'] / 1e6:.1f} MB (floor {size['floor'] / 1e6:.1f} MB); "
          f"median of {ROUNDS}, alternating")
    print(f"  whole process: zairyu export online {ours:.2f} s, floor {floor:.2f} s -> {ours / floor:.2f}x "
          f"(target <= 1.5x)")
    print(f"  after start-up: build_online_set {ours_work:.2f} s, floor {floor_work:.2f} s "
          f"-> {ours_work / floor_work:.2f}x")
    print(f"  peak RSS: zairyu {ours_rss / 2**20:.0f} MiB, floor {floor_rss / 2**20:.0f} MiB "
          f"-> {ours_rss / floor_rss:.2f}x (target <= 3x)")
    assert "Warning" not in runs["zairyu"][-1].stderr  # a user sees no Python warnings
    assert inputs > 4 * LIMIT and size["zairyu"] <= LIMIT  # it had to downscale, and it fits
    assert _pages(out["zairyu"]) == _pages(out["floor"])  # every page kept
    assert ours <= 1.5 * floor
    assert ours_rss <= 3 * floor_rss
