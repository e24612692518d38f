"""Checklist PDF of a 60-document case: under 0.5 s after start-up.

Each run is a fresh process (nothing cached in memory from an earlier export: fonts are resolved
and registered again); the time counts from the call to the file being in place.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.processes import user_env

RUNNER = Path(__file__).with_name("checklist_runner.py")
REPO = Path(__file__).resolve().parents[2]


def test_checklist_of_sixty_documents_under_half_a_second(tmp_path: Path) -> None:
    env = user_env(PYTHONPATH=str(REPO / "desktop"), ZAIRYU_DATA_DIR=str(tmp_path / "data"))
    after_startup, whole = [], []
    for run in range(5):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, str(RUNNER), str(tmp_path / f"c{run}.pdf")], capture_output=True,
                             text=True, env=env, cwd=REPO, check=True).stdout
        whole.append(time.perf_counter() - started)
        after_startup.append(float(out))
    pages = subprocess.run(["pdfinfo", str(tmp_path / "c0.pdf")], capture_output=True, text=True,
                           check=True).stdout
    print(f"\nchecklist benchmark (60 documents, {pages.split('Pages:')[1].split()[0]} pages): after start-up "
          f"median {statistics.median(after_startup):.3f} s (min {min(after_startup):.3f}, "
          f"max {max(after_startup):.3f}); whole process incl. Python start-up and imports "
          f"median {statistics.median(whole):.2f} s")
    assert statistics.median(after_startup) < 0.5
