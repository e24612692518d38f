"""Start-up of the desktop app as a user waits for it: ``zairyu --exit-after-startup`` (offscreen)
with 20 cases, process spawn to the first painted window and exit, against the floor of a bare
``QApplication`` + ``QMainWindow`` shown the same way (``bare_qt.py``). Median of 7 alternating runs.

Target: at most 1.5x the floor.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from tests.benchmarks.processes import ZAIRYU, alternate, median_wall

from zairyu.cli.common import route_catalog
from zairyu.store import open_store

ROUNDS = 7
TARGET = 1.5
BARE_QT = Path(__file__).with_name("bare_qt.py")


def test_startup_against_a_bare_qt_window(tmp_path: Path) -> None:
    data = tmp_path / "cases"
    with open_store(data, catalog=route_catalog()) as store:
        for number in range(20):
            store.create_case(route="permanent-residence", procedure="application", title=f"Case {number}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZAIRYU_DATA_DIR=str(data))
    commands = {"bare Qt": [sys.executable, str(BARE_QT)], "zairyu": [*ZAIRYU, "--exit-after-startup"]}
    alternate(commands, 1, env)  # warm the OS file cache, the .pyc files and the rules cache
    runs = alternate(commands, ROUNDS, env)
    floor, ours = median_wall(runs["bare Qt"]), median_wall(runs["zairyu"])
    log = (data / "logs" / "zairyu.log").read_text(encoding="utf-8")
    paints = [float(ms) for ms in re.findall(r"first paint (\d+) ms", log)[-ROUNDS:]]
    print(f"\nstart-up with 20 cases (median of {ROUNDS}, alternating): zairyu {ours * 1000:.0f} ms, "
          f"bare QApplication + QMainWindow {floor * 1000:.0f} ms -> {ours / floor:.2f}x (target <= {TARGET}x); "
          f"run_app to first paint {sorted(paints)[len(paints) // 2]:.0f} ms")
    print(f"  peak RSS: zairyu {max(r.rss for r in runs['zairyu']) / 2**20:.0f} MiB, "
          f"bare Qt {max(r.rss for r in runs['bare Qt']) / 2**20:.0f} MiB")
    assert ours <= TARGET * floor
