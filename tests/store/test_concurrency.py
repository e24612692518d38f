"""Killed mid-write and run twice at once, the store stays intact and keeps every completed write."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.helpers import REPO, image_bytes, python_env, run_zairyu
from zairyu.domain.routes import RouteCatalog
from zairyu.store import StoreBusyError, open_store
from zairyu.store import database as store_database
from zairyu.store.vault import file_sha256


def _scans(folder: Path, count: int, prefix: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(count):
        path = folder / f"{prefix}-{index:03d}.png"
        path.write_bytes(image_bytes("PNG", (index % 256, (index * 7) % 256, hash(prefix) % 256)))
        files.append(path)
    return files


def _check_intact(data_dir: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(data_dir / "zairyu.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    return conn


def test_sigkill_in_the_middle_of_writes_loses_nothing_that_completed(
        isolated_data_dir: Path, tmp_path: Path, catalog: RouteCatalog) -> None:
    with open_store(isolated_data_dir, catalog=catalog) as store:
        case_id = store.create_case(route="engineer-specialist", procedure="change", employer_category=3)
    files = _scans(tmp_path / "scans", 420, "scan")  # more than 16 whole batches: never runs out
    completed: set[str] = set()  # reported by the CLI, so committed
    attempted: set[str] = set()
    rng = random.Random(5)
    kills = 0
    # Bounded by attempts, not by wall-clock time: a loaded CI machine starts the CLI slowly, and a
    # deadline then left too few kills. Each batch is killed after a random number of reported writes,
    # with most of the batch still to go, so the kill lands among writes however fast the disk is.
    for _attempt in range(16):
        if kills == 8:
            break
        batch = [f for f in files if f.name not in completed][:25]
        attempted.update(f.name for f in batch)
        process = subprocess.Popen(
            [sys.executable, "-m", "zairyu", "case", "attach", str(case_id), "photo", *map(str, batch)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=python_env(isolated_data_dir),
            cwd=REPO)
        assert process.stdout is not None
        for _ in range(rng.randint(1, 10)):  # writes have started once the first file is reported
            line = process.stdout.readline()
            assert line.startswith("Attached "), (line, process.communicate())
            completed.add(line.split()[1])
        # Kill at a random moment among the following writes (each is a vault copy + a commit).
        time.sleep(rng.uniform(0, 0.01))
        os.kill(process.pid, signal.SIGKILL)
        for line in process.stdout:  # lines printed (so committed) before the kill
            completed.add(line.split()[1])
        process.communicate()
        if process.returncode == -signal.SIGKILL:
            kills += 1
        conn = _check_intact(isolated_data_dir)  # intact after every single kill, not only at the end
        conn.close()
    assert kills == 8  # in at most 16 batches (one may rarely finish before its kill)

    conn = _check_intact(isolated_data_dir)
    stored = {row[0]: row[1] for row in conn.execute(
        "SELECT a.original_name, b.sha256 FROM attachments a JOIN blobs b ON b.sha256 = a.sha256")}
    conn.close()
    assert completed <= set(stored), completed - set(stored)
    for name, sha in stored.items():  # every committed row points at a complete, matching file
        assert file_sha256(isolated_data_dir / "vault" / f"{sha}.png") == sha, name

    # A last, uninterrupted run attaches what the kills interrupted: nothing duplicated or missing.
    unfinished = [f for f in files if f.name in attempted - completed]
    if unfinished:
        result = run_zairyu(isolated_data_dir, "case", "attach", str(case_id), "photo", *map(str, unfinished))
        assert result.returncode == 0, result.stderr
    with open_store(isolated_data_dir, catalog=catalog) as store:
        attached = store.get_case(case_id).document("photo").attachments
    assert sorted(a.original_name for a in attached) == sorted(attempted)


def test_two_processes_writing_at_once(isolated_data_dir: Path, tmp_path: Path, catalog: RouteCatalog) -> None:
    with open_store(isolated_data_dir, catalog=catalog) as store:
        case_id = store.create_case(route="engineer-specialist", procedure="change", employer_category=3)
    first = _scans(tmp_path / "a", 25, "first")
    second = _scans(tmp_path / "b", 25, "second")
    env = python_env(isolated_data_dir)
    commands = [[sys.executable, "-m", "zairyu", "case", "attach", str(case_id), "photo", *map(str, first)],
                [sys.executable, "-m", "zairyu", "case", "attach", str(case_id), "passport", *map(str, second)]]
    processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)
                 for c in commands]
    # A third writer in this process, interleaving its own transactions with theirs.
    with open_store(isolated_data_dir, catalog=catalog) as store:
        for day in range(1, 29):
            store.add_event(case_id, "moved", f"2026-02-{day:02d}")
    outputs = [p.communicate(timeout=60) for p in processes]
    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    with open_store(isolated_data_dir, catalog=catalog) as store:
        case = store.get_case(case_id)
    assert len(case.document("photo").attachments) == 25
    assert len(case.document("passport").attachments) == 25
    assert len(case.events) == 28
    _check_intact(isolated_data_dir).close()


def _waiting_on_the_database(pid: int, db_path: Path) -> bool:
    """The process has the database open and is asleep. Once `zairyu case set` has the database open,
    the only place it sleeps is SQLite's busy handler, between retries of the write lock (Linux /proc)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        open_files = {os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()}
    except OSError:  # not started yet, exited, or a descriptor closed while listing
        return False
    return state == "S" and str(db_path.resolve()) in open_files


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="watches the CLI through Linux /proc")
def test_a_writer_waits_for_the_lock_and_then_succeeds(isolated_data_dir: Path, catalog: RouteCatalog) -> None:
    with open_store(isolated_data_dir, catalog=catalog) as store:
        case_id = store.create_case(route="engineer-specialist", procedure="change", employer_category=3)
    db_path = isolated_data_dir / "zairyu.sqlite3"
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of saving
    process = subprocess.Popen(
        [sys.executable, "-m", "zairyu", "case", "set", str(case_id), "photo", "--status", "requested"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=python_env(isolated_data_dir), cwd=REPO)
    try:
        # Release the lock only once the CLI is seen waiting for it (asleep on three samples in a row),
        # and then a little later: a fixed delay either ran out before a slow CI machine had started
        # the CLI (so nothing waited) or made the test slow everywhere.
        asleep = 0
        give_up = time.monotonic() + 60
        while asleep < 3:
            assert process.poll() is None, ("the CLI finished while the lock was held", process.communicate())
            assert time.monotonic() < give_up, "the CLI never started waiting for the lock"
            asleep = asleep + 1 if _waiting_on_the_database(process.pid, db_path) else 0
            time.sleep(0.02)
        time.sleep(0.5)
        assert process.poll() is None, ("the CLI gave up while the lock was held", process.communicate())
        holder.execute("COMMIT")
        _out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
        holder.close()
    with open_store(isolated_data_dir, catalog=catalog) as store:
        assert store.get_case(case_id).document("photo").status == "requested"


def test_a_writer_blocked_too_long_gets_a_clear_message(isolated_data_dir: Path, catalog: RouteCatalog,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(isolated_data_dir, catalog=catalog) as store:
        case_id = store.create_case(route="engineer-specialist", procedure="change", employer_category=3)
    monkeypatch.setattr(store_database, "BUSY_TIMEOUT_SECONDS", 0.3)
    holder = sqlite3.connect(isolated_data_dir / "zairyu.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with open_store(isolated_data_dir, catalog=catalog, maintenance=False) as store:
            with pytest.raises(StoreBusyError, match="another Zairyu window or command is saving"):
                store.set_document(case_id, "photo", status="received")
            # Reading still works while another process writes (WAL).
            assert store.get_case(case_id).document("photo").status == "needed"
    finally:
        holder.execute("ROLLBACK")
        holder.close()


WORKER = """
import sys
from zairyu.store import open_store
with open_store() as store:
    while True:
        case_id = store.create_case(route="engineer-specialist", procedure="change", employer_category=3)
        print(case_id, flush=True)
"""


def test_sigkill_never_leaves_half_a_case(isolated_data_dir: Path, catalog: RouteCatalog) -> None:
    """Creating a case writes the applicant, the case and every document in one transaction: a kill
    at any moment leaves either all of it or none of it."""
    with open_store(isolated_data_dir, catalog=catalog) as store:
        expected_documents = len(store.get_case(store.create_case(
            route="engineer-specialist", procedure="change", employer_category=3)).documents)
    reported: set[int] = set()
    rng = random.Random(7)
    for _ in range(5):
        process = subprocess.Popen([sys.executable, "-c", WORKER], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, env=python_env(isolated_data_dir), cwd=REPO)
        assert process.stdout is not None
        reported.add(int(process.stdout.readline()))
        time.sleep(rng.uniform(0, 0.25))
        os.kill(process.pid, signal.SIGKILL)
        reported.update(int(line) for line in process.stdout)
        process.communicate()
    conn = _check_intact(isolated_data_dir)
    counts = dict(conn.execute("SELECT c.id, count(d.id) FROM cases c LEFT JOIN documents d ON d.case_id = c.id"
                               " GROUP BY c.id").fetchall())
    orphans = conn.execute("SELECT count(*) FROM applicants a WHERE NOT EXISTS"
                           " (SELECT 1 FROM cases c WHERE c.applicant_id = a.id)").fetchone()[0]
    conn.close()
    assert reported <= set(counts)
    assert set(counts.values()) == {expected_documents}, counts
    assert orphans == 0
