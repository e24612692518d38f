"""A data folder that cannot be written, or a full disk, gives one clear line and changes nothing.

CI runs as root, where chmod does not stop writes; so besides the chmod test (skipped as root) the
folder is made read-only with a read-only bind mount in a private user+mount namespace (skipped
where namespaces are not allowed), the database path is made a folder, the data-dir path a file,
and a full disk is simulated with RLIMIT_FSIZE, which binds root too.
"""

from __future__ import annotations

import os
import resource
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store.helpers import REPO, make_pdf, python_env, run_zairyu
from zairyu.domain.routes import RouteCatalog
from zairyu.store import StoreError, open_store


def _one_clear_line(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _case_count(data_dir: Path) -> int:
    conn = sqlite3.connect(data_dir / "zairyu.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def data_with_case(tmp_path: Path, catalog: RouteCatalog) -> Path:
    data = tmp_path / "data"
    with open_store(data, catalog=catalog) as store:
        store.create_case(route="engineer-specialist", procedure="change", employer_category=3)
    return data


def test_data_dir_path_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = run_zairyu(blocker, "case", "list")
    _one_clear_line(result, str(blocker), "a file with that name is in the way")


def test_database_path_is_a_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "zairyu.sqlite3").mkdir(parents=True)
    result = run_zairyu(data, "case", "new", "--route", "engineer-specialist", "--procedure", "change")
    _one_clear_line(result, "zairyu.sqlite3", "is a folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod; see the namespace test")
def test_read_only_folder_by_permissions(data_with_case: Path) -> None:
    os.chmod(data_with_case, 0o500)
    try:
        result = run_zairyu(data_with_case, "case", "new", "--route", "engineer-specialist", "--procedure",
                            "change")
    finally:
        os.chmod(data_with_case, 0o700)
    _one_clear_line(result, "read-only")
    assert _case_count(data_with_case) == 1


def test_read_only_folder_by_read_only_mount(data_with_case: Path) -> None:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("unshare/mount not available")
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True,
                           check=False)
    if probe.returncode != 0:
        pytest.skip("user and mount namespaces are not allowed here")
    folder = shlex.quote(str(data_with_case))
    command = " ".join(shlex.quote(part) for part in (
        sys.executable, "-m", "zairyu", "case", "new", "--route", "engineer-specialist", "--procedure", "change"))
    script = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
              f"touch {folder}/probe 2>/dev/null && echo WRITABLE; {command}")
    result = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
                            capture_output=True, text=True, env=python_env(data_with_case), cwd=REPO,
                            timeout=60, check=False)
    if "mount:" in result.stderr:
        pytest.skip(f"read-only bind mounts are not allowed here: {result.stderr.strip()}")
    assert "WRITABLE" not in result.stdout
    _one_clear_line(result, "read-only", str(data_with_case))
    assert _case_count(data_with_case) == 1


def _limit_file_size(limit: int) -> None:
    # Writes past `limit` bytes fail with EFBIG (Python ignores SIGXFSZ), as on a full disk.
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_full_disk_while_attaching_leaves_nothing_half_written(data_with_case: Path, tmp_path: Path) -> None:
    big = make_pdf(tmp_path / "large-scan.pdf", pages=2000)  # about 150 kB per 1000 pages
    assert big.stat().st_size > 256 * 1024
    result = subprocess.run(
        [sys.executable, "-m", "zairyu", "case", "attach", "1", "photo", str(big)],
        capture_output=True, text=True, env=python_env(data_with_case), cwd=REPO, timeout=60, check=False,
        preexec_fn=lambda: _limit_file_size(256 * 1024))
    _one_clear_line(result, "large-scan.pdf", "nothing was attached")
    assert list((data_with_case / "vault").iterdir()) == []
    with open_store(data_with_case) as store:
        assert store.get_case(1).document("photo").attachments == []


def test_full_disk_while_saving_keeps_the_database_intact(data_with_case: Path) -> None:
    with open_store(data_with_case) as store:  # checkpoint: the WAL is empty, the database file complete
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    result = subprocess.run(
        [sys.executable, "-m", "zairyu", "case", "new", "--route", "engineer-specialist", "--procedure",
         "change", "--employer-category", "3"],
        capture_output=True, text=True, env=python_env(data_with_case), cwd=REPO, timeout=60, check=False,
        preexec_fn=lambda: _limit_file_size(4096))
    _one_clear_line(result, "nothing was changed")
    assert _case_count(data_with_case) == 1


def test_store_error_names_the_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match=str(blocker)):
        open_store(blocker / "data")
