"""What a killed export or attach leaves behind is cleared by the next run, never a live run's file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from store.helpers import REPO, make_image, python_env, run_zairyu
from zairyu.store import open_store


def run_then_get_killed(code: str, data_dir: Path) -> None:
    """Run ``code`` in a fresh Python, which then kills itself with SIGKILL (no cleanup runs)."""
    script = f"{code}\nimport os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"
    result = subprocess.run([sys.executable, "-c", script], env=python_env(data_dir), cwd=REPO,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == -9, result.stderr


def test_the_next_export_clears_the_partials_of_a_killed_export(isolated_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "checklist.pdf"
    run_then_get_killed(f"from pathlib import Path\nfrom zairyu.reports.atomic import temp_path_beside\n"
                        f"temp_path_beside(Path({str(out)!r}))", isolated_data_dir)
    killed = list(tmp_path.glob(".checklist.pdf.*.part"))
    assert len(killed) == 1 and killed[0].stat().st_size == 0
    old_style = tmp_path / ".checklist.pdf.k2j4h1zq.part"  # an older version's name, from yesterday
    old_style.touch()
    yesterday = time.time() - 24 * 3600
    os.utime(old_style, (yesterday, yesterday))
    fresh_old_style = tmp_path / ".checklist.pdf.abcdefgh.part"  # may be an older version exporting now
    fresh_old_style.touch()
    other_target = tmp_path / f".other.pdf.zairyu-{os.getpid() + 10**6}-x.part"
    other_target.touch()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f".checklist.pdf.zairyu-{sleeper.pid}-abc123.part"
        live.touch()
        result = run_zairyu(isolated_data_dir, "checklist", "--route", "j-find", "--procedure", "coe",
                            "-o", str(out))
        assert result.returncode == 0, result.stderr
    finally:
        sleeper.kill()
        sleeper.wait()
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert left == sorted([fresh_old_style.name, other_target.name, live.name])
    assert out.stat().st_size > 0


def test_opening_the_store_clears_the_copy_of_a_killed_attach(isolated_data_dir: Path, tmp_path: Path) -> None:
    photo = make_image(tmp_path / "photo.png", "PNG", size=(800, 600))
    with open_store(isolated_data_dir):
        pass
    run_then_get_killed(f"from pathlib import Path\nfrom zairyu.store import open_store\n"
                        f"store = open_store(reconcile=False)\nstore.vault.ensure()\n"
                        f"store.vault._copy_in(Path({str(photo)!r}), 'photo.png')", isolated_data_dir)
    vault = isolated_data_dir / "vault"
    copies = list(vault.glob(".incoming-*"))
    assert len(copies) == 1 and copies[0].stat().st_size == photo.stat().st_size
    with open_store(isolated_data_dir):
        pass
    assert not list(vault.glob(".incoming-*"))
