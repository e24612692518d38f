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


def user_env(**extra: str) -> dict[str, str]:
    """The environment as a user's: Python writes and reuses its bytecode (.pyc) as it does after
    an install, even when this shell says PYTHONDONTWRITEBYTECODE (the warm-up run writes them)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


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


def floor_medians(runs: Mapping[str, Sequence[Run]]) -> tuple[float, float, float, float, float, float]:
    """For an export run as "floor", "zairyu" (the CLI) and "in-process" (a runner printing its own
    work time): the median wall time of the floor and of Zairyu, their peak memory, and the work
    time after start-up each printed."""
    return (median_wall(runs["floor"]), median_wall(runs["zairyu"]),
            statistics.median(r.rss for r in runs["floor"]), statistics.median(r.rss for r in runs["zairyu"]),
            statistics.median(float(r.stdout) for r in runs["floor"]),
            statistics.median(float(r.stdout) for r in runs["in-process"]))
