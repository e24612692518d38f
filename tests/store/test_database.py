"""The database connection: pragmas, private files, constraints, atomic changes and migrations."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from zairyu.store import SCHEMA_VERSION, Store, StoreError, open_store
from zairyu.store import migrations as migrations_module
from zairyu.store.schema import MIGRATIONS, Migration


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_pragmas_of_every_connection(store: Store) -> None:
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_database_and_its_wal_are_private(store: Store, isolated_data_dir: Path) -> None:
    store.create_case(route="engineer-specialist", procedure="change")
    assert _mode(isolated_data_dir / "zairyu.sqlite3") == 0o600
    wal = isolated_data_dir / "zairyu.sqlite3-wal"
    assert wal.exists() and _mode(wal) == 0o600


def test_new_data_folder_is_private(tmp_path: Path) -> None:
    with open_store(tmp_path / "fresh"):
        pass
    assert _mode(tmp_path / "fresh") == 0o700


def test_constraints_hold_even_for_raw_sql(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="change")
    conn = store.connection
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE documents SET status = 'lost' WHERE case_id = ?", (case_id,))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO attachments (document_id, sha256, original_name, added_at)"
                     " VALUES (99999, ?, 'x', 'now')", ("0" * 64,))
    store.delete_case(case_id)  # documents go with their case (ON DELETE CASCADE)
    assert conn.execute("SELECT count(*) FROM documents WHERE case_id = ?", (case_id,)).fetchone()[0] == 0


def test_a_failed_change_leaves_no_trace(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="change")
    from zairyu.store import service

    def broken_insert(*args: object, **kwargs: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(service.Store, "_insert_route_document", staticmethod(broken_insert))
    with pytest.raises(RuntimeError):
        store.create_case(route="engineer-specialist", procedure="change", title="half")
    assert store.case_ids() == [case_id]
    assert store.connection.execute("SELECT count(*) FROM applicants").fetchone()[0] == 1
    assert not store.connection.in_transaction


def test_a_failing_migration_is_rolled_back(isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(isolated_data_dir) as store:
        store.create_case(route="engineer-specialist", procedure="change")

    def half_then_fail(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("ALTER TABLE cases ADD COLUMN half TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    broken = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "broken", half_then_fail))
    monkeypatch.setattr(migrations_module, "MIGRATIONS", broken)
    monkeypatch.setattr(migrations_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError):
        open_store(isolated_data_dir)
    conn = sqlite3.connect(isolated_data_dir / "zairyu.sqlite3")
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        assert "half_done" not in tables
        assert "half" not in {r[1] for r in conn.execute("PRAGMA table_info(cases)")}
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    finally:
        conn.close()
    # The backup taken before the attempt is there.
    assert list((isolated_data_dir / "backups").glob(f"*-pre-migration-v{SCHEMA_VERSION}.sqlite3"))
