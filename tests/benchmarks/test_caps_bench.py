"""The caps on hostile scans do not refuse real ones: the largest legitimate inputs — a
10,000-page PDF (a year of daily statements) and 100 phone photos (4032×3024, 2–4 MB) — pass the
attach check (the same one the packet export runs), with the peak memory and time of the check
beside a floor measured in the same run: pikepdf decoding every stream whole, Pillow decoding
every photo. Each run is its own process; its peak is VmHWM, that process's own high-water mark.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from tests.benchmarks.test_packet_bench import CACHE, PHOTOS, _photo

RUNNER = Path(__file__).with_name("caps_runner.py")
REPO = Path(__file__).resolve().parents[2]
PAGES = 10_000


def _statement_pdf() -> Path:
    """10,000 pages of dense text and rules, like a bank's yearly statement export."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    path = CACHE / f"statement-{PAGES}.pdf"
    if path.exists():
        return path
    temp = path.with_suffix(".tmp")
    canvas = Canvas(str(temp), pagesize=A4, pageCompression=1)
    for page in range(PAGES):
        canvas.setFont("Helvetica", 8)
        for line in range(60):
            canvas.drawString(40, 800 - line * 12, f"2025-{1 + page % 12:02d}-{1 + line % 28:02d}  transfer "
                              f"{page:05d}-{line:02d}  JPY {(page * 7919 + line * 104729) % 1_000_000:>9,}")
        canvas.line(40, 805, 555, 805)
        canvas.showPage()
    canvas.save()
    temp.replace(path)
    return path


@pytest.fixture(scope="module")
def inputs() -> tuple[Path, list[Path]]:
    CACHE.mkdir(exist_ok=True)
    with ProcessPoolExecutor() as pool:
        list(pool.map(_photo, range(PHOTOS)))
    return _statement_pdf(), [CACHE / f"photo-{index:03d}.jpg" for index in range(PHOTOS)]


def _run(mode: str, files: list[Path]) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "desktop"))
    done = subprocess.run([sys.executable, str(RUNNER), mode, *map(str, files)], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=1800, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, float] = json.loads(done.stdout)
    return result


def _best(mode: str, files: list[Path]) -> dict[str, float]:
    runs = [_run(mode, files) for _ in range(2)]
    return {"seconds": min(r["seconds"] for r in runs), "peak_kib": min(r["peak_kib"] for r in runs),
            "accepted": runs[0]["accepted"]}


def _line(label: str, ours: dict[str, float], floor: dict[str, float]) -> str:
    return (f"  {label}: {ours['seconds']:.2f} s (floor {floor['seconds']:.2f} s, "
            f"{ours['seconds'] / floor['seconds']:.2f}x), peak {ours['peak_kib'] / 1024:.0f} MiB "
            f"(floor {floor['peak_kib'] / 1024:.0f} MiB, {ours['peak_kib'] / floor['peak_kib']:.2f}x)")


def test_caps_accept_the_largest_legitimate_inputs(inputs: tuple[Path, list[Path]]) -> None:
    statement, photos = inputs
    pdf_check, pdf_floor = _best("check", [statement]), _best("floor-pdf", [statement])
    photo_check, photo_floor = _best("check", photos), _best("floor-image", photos)
    packet, packet_floor = _best("packet", [statement]), _best("floor-packet", [statement])
    print(f"\ncaps benchmark: {PAGES}-page PDF ({statement.stat().st_size / 1e6:.1f} MB), {PHOTOS} photos "
          f"({sum(p.stat().st_size for p in photos) / 1e6:.0f} MB)")
    print(_line(f"attach check, {PAGES}-page PDF", pdf_check, pdf_floor))
    print(_line(f"attach check, {PHOTOS} photos", photo_check, photo_floor))
    print(_line(f"packet of the {PAGES}-page PDF", packet, packet_floor))
    assert pdf_check["accepted"] == 1 and photo_check["accepted"] == PHOTOS  # nothing real is refused
    assert packet["accepted"] == PAGES + 2  # cover and contents
    assert pdf_check["peak_kib"] <= 1.5 * pdf_floor["peak_kib"]  # bounded decoding costs no more memory
    assert photo_check["peak_kib"] <= 1.5 * photo_floor["peak_kib"]
