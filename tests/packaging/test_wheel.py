"""The wheel is self-contained: it carries checklists/ and resources/ and finds them from inside."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_wheel_carries_the_rules_and_runs_from_them(tmp_path: Path) -> None:
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "--wheel-dir", str(tmp_path / "dist"), str(REPO)],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("zairyu-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert "zairyu/checklists/engineer-specialist.toml" in names
    assert "zairyu/checklists/points-table.toml" in names
    assert "zairyu/resources/icons/zairyu.svg" in names
    assert not any(name.startswith(("tests/", "desktop/")) for name in names)

    # Run from the unpacked wheel, away from the checkout: the data must come from inside the package.
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "ZAIRYU_DATA_DIR": str(tmp_path / "data")}
    probe = subprocess.run([sys.executable, "-c", "import zairyu.paths as p; print(p.checklists_dir())"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == tmp_path / "site" / "zairyu" / "checklists"
    routes = subprocess.run([sys.executable, "-m", "zairyu", "routes", "--format", "json"],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert routes.returncode == 0, routes.stderr
    assert routes.stdout.count('"id"') >= 8
