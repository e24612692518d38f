"""A damaged database: refused at open with the newest good backup named, never backed up, restorable."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from store.helpers import run_zairyu
from zairyu.domain.routes import RouteCatalog
from zairyu.store import Store, StoreError, open_store
from zairyu.store import backups as backup_module
from zairyu.store.backups import KEEP_AUTOMATIC, good_backups, list_backups
from zairyu.store.database import connect


def _new_case(store: Store, title: str) -> int:
    return store.create_case(route="engineer-specialist", procedure="change", employer_category=3, title=title)


def damage_documents_table(db_path: Path) -> None:
    """Overwrite the header of the documents table's first page, as a bad disk sector would."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'documents'").fetchone()[0]
    finally:
        conn.close()
    with open(db_path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * 64)


def _damaged_store_with_backup(data_dir: Path, catalog: RouteCatalog) -> Path:
    with open_store(data_dir, catalog=catalog, maintenance=False) as store:
        _new_case(store, "Before the backup")
        good = store.backup()
        _new_case(store, "After the backup")
    damage_documents_table(data_dir / "zairyu.sqlite3")
    return good


def test_open_refuses_a_damaged_database_and_names_the_newest_good_backup(
        isolated_data_dir: Path, catalog: RouteCatalog) -> None:
    good = _damaged_store_with_backup(isolated_data_dir, catalog)
    before = list_backups(isolated_data_dir)
    with pytest.raises(StoreError) as raised:
        open_store(isolated_data_dir, catalog=catalog)
    error = raised.value
    assert error.kind == "database_damaged"
    assert error.file == isolated_data_dir / "zairyu.sqlite3"
    assert error.details["newest_good_backup"] == good
    assert str(good) in str(error) and "damaged" in str(error)
    assert list_backups(isolated_data_dir) == before  # no daily copy of the damaged file


def test_a_week_of_failed_starts_keeps_every_good_daily_copy(isolated_data_dir: Path, catalog: RouteCatalog,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    with open_store(isolated_data_dir, catalog=catalog, maintenance=False) as store:
        _new_case(store, "Kept")
        for day in range(KEEP_AUTOMATIC["daily"]):
            monkeypatch.setattr(backup_module, "_now", lambda day=day: start + dt.timedelta(days=day))
            backup_module.make_backup(store.connection, isolated_data_dir, "daily", version=2)
    damage_documents_table(isolated_data_dir / "zairyu.sqlite3")
    good_before = good_backups(isolated_data_dir)
    assert len(good_before) == KEEP_AUTOMATIC["daily"]
    for day in range(KEEP_AUTOMATIC["daily"], 2 * KEEP_AUTOMATIC["daily"]):
        monkeypatch.setattr(backup_module, "_now", lambda day=day: start + dt.timedelta(days=day, hours=1))
        with pytest.raises(StoreError, match="damaged"):
            open_store(isolated_data_dir, catalog=catalog)
    assert good_backups(isolated_data_dir) == good_before
    assert [b.path for b in good_before] == sorted((b.path for b in good_before), reverse=True)  # newest first


def test_no_backup_is_written_of_a_damaged_database(isolated_data_dir: Path, catalog: RouteCatalog,
                                                    tmp_path: Path) -> None:
    _damaged_store_with_backup(isolated_data_dir, catalog)
    before = list_backups(isolated_data_dir)
    conn = connect(isolated_data_dir / "zairyu.sqlite3")  # past open_store's check, as a long-open window is
    try:
        with pytest.raises(StoreError) as raised:
            backup_module.make_backup(conn, isolated_data_dir, "manual")
        with pytest.raises(StoreError):
            backup_module.make_backup(conn, isolated_data_dir, "manual", destination=tmp_path / "copy.sqlite3")
    finally:
        conn.close()
    assert raised.value.kind == "database_damaged"
    assert list_backups(isolated_data_dir) == before
    assert not (tmp_path / "copy.sqlite3").exists()
    assert not list(backup_module.backup_dir(isolated_data_dir).glob(".partial-*"))


def test_rotation_never_removes_the_last_good_copy(isolated_data_dir: Path, catalog: RouteCatalog,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(isolated_data_dir, catalog=catalog, maintenance=False) as store:
        _new_case(store, "Only good copy")
        monkeypatch.setattr(backup_module, "_now", lambda: dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        oldest_good = backup_module.make_backup(
            store.connection, isolated_data_dir, "daily", version=2)
    # Newer daily copies that are damaged (written by an older Zairyu that did not check them).
    folder = backup_module.backup_dir(isolated_data_dir)
    for day in range(2, 2 + KEEP_AUTOMATIC["daily"] + 1):
        damaged = folder / f"zairyu-202601{day:02d}T000000000000Z-daily-v2.sqlite3"
        damaged.write_bytes(oldest_good.read_bytes()[:4096] + b"\x00" * 4096)
    backup_module.rotate(isolated_data_dir)
    dailies = [b.path for b in list_backups(isolated_data_dir) if b.kind == "daily"]
    assert oldest_good in dailies
    assert len(dailies) == KEEP_AUTOMATIC["daily"] + 1  # the newest 7, and the good one
    assert [b.path for b in good_backups(isolated_data_dir)] == [oldest_good]


def test_the_cli_names_the_backup_and_restores_a_damaged_database(isolated_data_dir: Path,
                                                                 catalog: RouteCatalog) -> None:
    good = _damaged_store_with_backup(isolated_data_dir, catalog)
    listed = run_zairyu(isolated_data_dir, "case", "list")
    assert listed.returncode == 2
    assert len(listed.stderr.strip().splitlines()) == 1, listed.stderr
    assert "damaged" in listed.stderr and f"zairyu restore {good}" in listed.stderr
    assert "Traceback" not in listed.stderr

    backed_up = run_zairyu(isolated_data_dir, "backup")
    assert backed_up.returncode == 2 and len(backed_up.stderr.strip().splitlines()) == 1
    assert "Backed up" not in backed_up.stdout
    assert [b.path for b in good_backups(isolated_data_dir)] == [good]

    restored = run_zairyu(isolated_data_dir, "restore", str(good))
    assert restored.returncode == 0, restored.stderr
    assert "damaged database was moved to" in restored.stdout
    aside = Path(restored.stdout.split("moved to ")[1].split()[0])
    assert aside.is_file() and aside.parent.name.startswith("damaged-") and aside.name == "zairyu.sqlite3"
    listed = run_zairyu(isolated_data_dir, "case", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert [c["title"] for c in json.loads(listed.stdout)["cases"]] == ["Before the backup"]
