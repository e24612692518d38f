"""Start-up of the built bundle (``make bundle``), as a user who downloaded it waits for it: the
whole process of ``dist/zairyu/zairyu --exit-after-startup`` with 20 cases, beside the same app
started from the venv and the floor of a bare PySide6 window (QApplication + QMainWindow shown
until its first paint), median of 7 alternating runs. Skipped when no bundle is built.

The frozen app pays for PyInstaller's bootstrap and for importing from its compressed archive;
the check is that this stays a small share (the bundle within 1.5x the venv's start-up).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zairyu.cli.common import route_catalog
from zairyu.store import open_store

REPO = Path(__file__).resolve().parents[2]
BUNDLE_EXE = REPO / "dist" / "zairyu" / "zairyu"
RUNS = 7

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            app.quit()
        return False
window.installEventFilter(FirstPaint(window))
window.show()
app.exec()
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - began


@pytest.mark.skipif(not BUNDLE_EXE.exists(), reason="no bundle: run make bundle first")
def test_bundle_startup_against_a_bare_qt_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data, catalog=route_catalog()) as store:
        for number in range(20):
            store.create_case(route="hsp-1b", procedure="coe", title=f"Case {number}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    commands = {
        "bundle": [str(BUNDLE_EXE), "--data-dir", str(data), "--exit-after-startup"],
        "venv": [sys.executable, "-m", "zairyu", "--data-dir", str(data), "--exit-after-startup"],
        "bare": [sys.executable, "-c", BARE_WINDOW],
    }
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        timed(command, env)  # warm the file cache
    for _ in range(RUNS):
        for name, command in commands.items():
            runs[name].append(timed(command, env))
    median = {name: statistics.median(times) for name, times in runs.items()}
    print(f"\nstart-up with 20 cases (median of {RUNS}, alternating): bundle {median['bundle'] * 1000:.0f} ms, "
          f"venv {median['venv'] * 1000:.0f} ms, bare PySide6 window {median['bare'] * 1000:.0f} ms; "
          f"bundle/bare {median['bundle'] / median['bare']:.2f}x, bundle/venv {median['bundle'] / median['venv']:.2f}x")
    assert median["bundle"] / median["venv"] <= 1.5
