"""Shared fixtures. Every test gets its own data dir, so nothing touches the user's real data."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from zairyu import paths

REPO = Path(__file__).resolve().parents[1]

# Property tests must not depend on the machine's speed: no per-example deadline (200 ms by default)
# and no "too slow" health check, which a loaded 2-core CI runner can trip. On CI the examples are
# also derandomized and no example database is read, so a run does not depend on chance or on files
# left by an earlier run; locally they stay random, to keep finding new cases.
settings.register_profile("zairyu", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("zairyu-ci", parent=settings.get_profile("zairyu"), derandomize=True, database=None)
settings.load_profile("zairyu-ci" if os.environ.get("CI") else "zairyu")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    data = tmp_path_factory.mktemp("zairyu-data")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data))
    paths.set_data_dir(None)
    yield data
    paths.set_data_dir(None)


def run_cli(*args: str, data_dir: Path | None = None, input: str | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m zairyu ARGS`` as a real subprocess."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if data_dir is not None:
        env[paths.DATA_DIR_ENV] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "zairyu", *args], capture_output=True, text=True,
                          env=env, input=input, timeout=timeout, cwd=REPO)


@pytest.fixture
def cli(isolated_data_dir: Path):  # type: ignore[no-untyped-def]
    """``cli("routes", "--format", "json")`` runs the CLI in a subprocess against the test's data dir."""

    def _run(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, data_dir=isolated_data_dir, input=input)

    return _run
