"""The data folder is 0700 and every file in it 0600, whatever the umask, and looser ones are tightened."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.helpers import assert_private, make_image, modes, new_case_id, run_zairyu
from zairyu.crash_log import CrashLog
from zairyu.domain.routes import RouteCatalog
from zairyu.store import open_store


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def test_open_tightens_a_data_folder_left_readable_by_others(isolated_data_dir: Path, catalog: RouteCatalog,
                                                             tmp_path: Path, open_umask: None) -> None:
    os.chmod(isolated_data_dir, 0o755)
    for folder in ("logs", "crash/pending", "backups", "vault"):
        (isolated_data_dir / folder).mkdir(parents=True, mode=0o777)
    for name in ("logs/zairyu.log", "crash/pending/crash-1.log", "settings.ini", "vault/old.jpg"):
        (isolated_data_dir / name).write_text("x")
        os.chmod(isolated_data_dir / name, 0o666)
    outside = tmp_path / "not-zairyus.txt"
    outside.write_text("someone else's")
    os.chmod(outside, 0o644)
    (isolated_data_dir / "link").symlink_to(outside)

    with open_store(isolated_data_dir, catalog=catalog) as store:
        store.create_case(route="j-find", procedure="coe")
    assert_private(isolated_data_dir)
    assert oct(stat.S_IMODE(outside.stat().st_mode)) == "0o644"  # a link's target is not changed


def test_everything_the_cli_writes_is_private_under_umask_000(isolated_data_dir: Path, tmp_path: Path) -> None:
    def loose_umask() -> None:
        os.umask(0)

    created = run_zairyu(isolated_data_dir, "case", "new", "--route", "j-find", "--procedure", "coe",
                         preexec_fn=loose_umask)
    assert created.returncode == 0, created.stderr
    case_id = new_case_id(created.stdout)
    photo = make_image(tmp_path / "photo.jpg")
    for args in (("case", "attach", str(case_id), "photo", str(photo)), ("backup",), ("case", "list")):
        result = run_zairyu(isolated_data_dir, *args, preexec_fn=loose_umask)
        assert result.returncode == 0, result.stderr
    assert {"vault", "backups", "zairyu.sqlite3"} <= set(modes(isolated_data_dir))
    assert_private(isolated_data_dir)


def test_crash_reports_are_private_under_umask_000(tmp_path: Path, open_umask: None) -> None:
    crash_log = CrashLog(tmp_path / "crash")
    crash_log.install()
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            crash_log.write_report(RuntimeError, exc, exc.__traceback__)
    finally:
        crash_log.uninstall()
    crash_log.take_pending_reports()
    assert {"crash/pending", "crash/seen", "crash/faulthandler.log"} <= {f"crash/{n}" for n in
                                                                       modes(tmp_path / "crash")}
    os.chmod(tmp_path, 0o700)
    assert_private(tmp_path)
