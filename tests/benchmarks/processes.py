"""Whole processes timed as a user waits for them: wall time from spawn to exit, and the child's own
peak memory (``os.wait4`` gives that child's rusage, not the benchmark's)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The console script pip installs beside the interpreter (what a user types), else `python -m zairyu`.
_SCRIPT = Path(sys.executable).with_name("zairyu")
ZAIRYU = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "zairyu"]


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    rss: int  # peak resident memory, bytes
    stdout: str
    stderr: str


def run(argv: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(list(argv), stdout=subprocess.PIPE, stderr=errors,
                                   env=dict(env) if env is not None else None, cwd=REPO)
        assert process.stdout is not None
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)  # reaps the child: Popen.wait would lose its rusage
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    assert process.returncode == 0, f"{' '.join(argv)} exited {process.returncode}: {err[-2000:]}"
    return Run(wall, usage.ru_maxrss * 1024, out.decode(errors="replace"), err)  # ru_maxrss: KiB on Linux


def alternate(commands: Mapping[str, Sequence[str]], rounds: int,
              env: Mapping[str, str] | None = None) -> dict[str, list[Run]]:
    """Each command once per round, in turn, so a busy moment of the machine hits all of them."""
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            results[name].append(run(argv, env))
    return results


def median_wall(runs: Sequence[Run]) -> float:
    return statistics.median(r.wall for r in runs)
