"""The CLI as a user waits for it: whole processes, median of alternating runs, in one run.

Targets: ``zairyu --version`` and ``zairyu routes`` at most 1.5x ``python -c "import zairyu"``;
``zairyu checklist ... --format json`` at most 2x ``zairyu --version``. Two more floors are printed
to show what no command can go below: the interpreter with argparse (every command parses its
arguments with it) and with pydantic (every command that reads the rules has their pydantic models).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.benchmarks.processes import ZAIRYU, alternate, median_wall

ROUNDS = 21


def test_cli_against_importing_zairyu(tmp_path: Path) -> None:
    python = sys.executable
    commands = {
        "import zairyu": [python, "-c", "import zairyu"],
        "+ argparse": [python, "-c", "import zairyu, re, argparse"],
        "+ pydantic": [python, "-c", "import zairyu, re, argparse, pydantic; pydantic.BaseModel"],
        "--version": [*ZAIRYU, "--version"],
        "routes": [*ZAIRYU, "routes"],
        "checklist": [*ZAIRYU, "checklist", "--route", "hsp-1b", "--procedure", "change", "--format", "json"],
    }
    env = dict(os.environ, ZAIRYU_DATA_DIR=str(tmp_path / "data"))
    alternate(commands, 1, env)  # warm the OS file cache, the .pyc files and the rules cache
    runs = alternate(commands, ROUNDS, env)
    medians = {name: median_wall(r) for name, r in runs.items()}
    base, version = medians["import zairyu"], medians["--version"]
    print(f"\nCLI, whole processes (median of {ROUNDS}, alternating; {' '.join(ZAIRYU[-1:])}):")
    for name, seconds in medians.items():
        print(f"  {name:14} {seconds * 1000:6.1f} ms  {seconds / base:5.2f}x import zairyu  "
              f"{seconds / version:5.2f}x --version")
    failures = [f"{name} {medians[name] / base:.2f}x > 1.5x" for name in ("--version", "routes")
                if medians[name] > 1.5 * base]
    if medians["checklist"] > 2 * version:
        failures.append(f"checklist {medians['checklist'] / version:.2f}x --version > 2x")
    assert not failures, "; ".join(failures)
