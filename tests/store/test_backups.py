"""Automatic rotating backups, `zairyu backup` and `zairyu restore FILE`."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from store.helpers import make_image
from zairyu.cli.main import main as cli_main
from zairyu.domain.routes import RouteCatalog
from zairyu.store import SCHEMA_VERSION, Store, open_store
from zairyu.store import backups as backup_module
from zairyu.store.backups import KEEP_AUTOMATIC, list_backups


def _new_case(store: Store, title: str = "") -> int:
    return store.create_case(route="engineer-specialist", procedure="change", employer_category=3, title=title)


def test_daily_backup_at_most_once_a_day(isolated_data_dir: Path, catalog: RouteCatalog,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(isolated_data_dir, catalog=catalog) as store:
        assert list_backups(isolated_data_dir) == []  # nothing to back up in an empty store
        _new_case(store)
    for _ in range(3):
        with open_store(isolated_data_dir, catalog=catalog):
            pass
    assert [b.kind for b in list_backups(isolated_data_dir)] == ["daily"]

    # A day later the next open takes another one...
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=24, minutes=1)
    monkeypatch.setattr(backup_module, "_now", lambda: later)
    with open_store(isolated_data_dir, catalog=catalog) as store:
        assert store.daily_backup_if_due() is None  # ...and only one
    assert [b.kind for b in list_backups(isolated_data_dir)] == ["daily", "daily"]
    # A window left open for two days takes its copy when it asks.
    two_days = later + dt.timedelta(hours=24, minutes=1)
    with open_store(isolated_data_dir, catalog=catalog, maintenance=False) as store:
        monkeypatch.setattr(backup_module, "_now", lambda: two_days)
        taken = store.daily_backup_if_due()
    assert taken is not None and taken.is_file()
    assert [b.kind for b in list_backups(isolated_data_dir)] == ["daily"] * 3


def test_automatic_backups_rotate_but_requested_ones_stay(isolated_data_dir: Path, catalog: RouteCatalog,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with open_store(isolated_data_dir, catalog=catalog, maintenance=False) as store:
        _new_case(store)
        manual = store.backup()
        for day in range(12):
            monkeypatch.setattr(backup_module, "_now", lambda day=day: start + dt.timedelta(days=day))
            backup_module.make_backup(store.connection, isolated_data_dir, "daily", version=2)
    found = list_backups(isolated_data_dir)
    dailies = [b for b in found if b.kind == "daily"]
    assert len(dailies) == KEEP_AUTOMATIC["daily"]
    assert dailies[-1].taken_at == start + dt.timedelta(days=11)  # the newest are kept
    assert manual in [b.path for b in found]


def test_backup_is_a_complete_private_single_file(store: Store, isolated_data_dir: Path) -> None:
    case_id = _new_case(store, "backed up")
    store.set_document(case_id, "photo", status="ready")
    path = store.backup()
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT status FROM documents WHERE code = 'photo'").fetchone()[0] == "ready"
    finally:
        conn.close()
    assert not Path(f"{path}-wal").exists()


def test_backup_and_restore_through_the_cli(cli, isolated_data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    created = cli("case", "new", "--route", "engineer-specialist", "--procedure", "change", "--title", "First")
    assert created.returncode == 0, created.stderr
    first_id = int(created.stdout.split()[-1])
    attached = cli("case", "attach", str(first_id), "photo", str(make_image(tmp_path / "photo.jpg")))
    assert attached.returncode == 0, attached.stderr
    backup = cli("backup", "-o", str(tmp_path / "mine.sqlite3"))
    assert backup.returncode == 0, backup.stderr
    assert (tmp_path / "mine.sqlite3").is_file()

    # Work continues after the backup...
    assert cli("case", "set", str(first_id), "photo", "--status", "submitted").returncode == 0
    assert cli("case", "new", "--route", "j-find", "--procedure", "coe", "--title", "Second").returncode == 0

    restored = cli("restore", str(tmp_path / "mine.sqlite3"))
    assert restored.returncode == 0, restored.stderr
    assert "kept at" in restored.stdout
    kept = Path(restored.stdout.split("kept at ")[1].split()[0])
    assert kept.is_file() and kept.name.endswith("-before-restore.sqlite3")

    listing = cli("case", "list", "--format", "json")
    import json
    cases = json.loads(listing.stdout)["cases"]
    assert [c["title"] for c in cases] == ["First"]
    shown = json.loads(cli("case", "show", str(first_id), "--format", "json").stdout)
    photo = next(d for d in shown["documents"] if d["code"] == "photo")
    assert photo["status"] == "needed" and len(photo["attachments"]) == 1
    # ...and the data from before the restore is not lost: it is in the kept copy.
    conn = sqlite3.connect(kept)
    try:
        titles = [r[0] for r in conn.execute("SELECT title FROM cases ORDER BY id")]
    finally:
        conn.close()
    assert titles == ["First", "Second"]


@pytest.mark.parametrize(("content", "message"), [
    (b"not a database at all", "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "damaged"),
])
def test_restore_refuses_a_file_that_is_not_a_good_backup(store: Store, isolated_data_dir: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str], content: bytes,
                                                          message: str) -> None:
    _new_case(store)
    store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = (isolated_data_dir / "zairyu.sqlite3").read_bytes()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    assert cli_main(["restore", str(bad)]) == 2
    stderr = capsys.readouterr().err
    assert message in stderr and len(stderr.strip().splitlines()) == 1
    assert (isolated_data_dir / "zairyu.sqlite3").read_bytes() == before
    assert [b.kind for b in list_backups(isolated_data_dir)] == []  # nothing kept aside: nothing changed


def test_restore_refuses_a_foreign_sqlite_file(store: Store, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with pytest.raises(Exception, match="not a Zairyu backup"):
        store.restore(other)


def test_restore_of_a_version_1_backup_upgrades_it(store: Store, tmp_path: Path) -> None:
    from store.helpers import V1_FIXTURE

    kept, missing = store.restore(V1_FIXTURE / "zairyu.sqlite3")
    assert kept.is_file()
    assert missing == ["photo-scan.png (a7997a72a4a1)"]  # its vault file is not in this data folder
    assert store.get_case(1).title == "Change to engineer"
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
