"""Start-up time of the desktop app: ``zairyu --exit-after-startup`` (offscreen) from process
start to the first paint of the main window, with an empty data folder and with 20 cases.

Prints the figures (run with ``make bench``). The limit is generous: it catches a heavy import or
a blocking call added to start-up, not machine-to-machine noise.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from zairyu.cli.common import route_catalog
from zairyu.store import open_store

REPO = Path(__file__).resolve().parents[2]
RUNS = 5
LIMIT_S = 5.0


def start_once(data: Path) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZAIRYU_DATA_DIR=str(data))
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "zairyu", "--exit-after-startup"], env=env, cwd=REPO,
                   check=True, capture_output=True, timeout=60)
    wall = time.perf_counter() - began
    log = (data / "logs" / "zairyu.log").read_text(encoding="utf-8")
    first_paint_ms = float(re.findall(r"first paint (\d+) ms", log)[-1])
    return wall, first_paint_ms / 1000


def measure(label: str, data: Path) -> float:
    start_once(data)  # warm the OS file cache and the .pyc files
    runs = [start_once(data) for _ in range(RUNS)]
    wall = statistics.median(r[0] for r in runs)
    paint = statistics.median(r[1] for r in runs)
    print(f"\nstart-up ({label}): process wall {wall * 1000:.0f} ms, run_app to first paint "
          f"{paint * 1000:.0f} ms (median of {RUNS})")
    return wall


def test_startup_time(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    assert measure("empty data folder", empty) < LIMIT_S

    with_cases = tmp_path / "cases"
    with open_store(with_cases, catalog=route_catalog()) as store:
        for number in range(20):
            store.create_case(route="permanent-residence", procedure="application", title=f"Case {number}")
    assert measure("20 cases", with_cases) < LIMIT_S
