"""Starting again from a backup when the database itself is damaged.

``zairyu restore`` needs an open store; a damaged database cannot be opened, so the window offers
this instead: the newest backup that passes ``PRAGMA integrity_check``
(https://www.sqlite.org/pragma.html#pragma_integrity_check) becomes the database, and the damaged
file is moved, unchanged, into ``backups/damaged-<time>/`` (never overwritten or deleted: a data
recovery tool may still get something out of it).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from zairyu.errors import ZairyuError
from zairyu.store import backups
from zairyu.store.backups import BackupFile
from zairyu.store.database import DB_FILE_NAME, StoreError, connect, describe_os_error, fsync_dir
from zairyu.store.migrations import migrate
from zairyu.store.schema import SCHEMA_VERSION

# The files SQLite keeps beside a database in WAL mode.
_SIDE_FILES = ("-wal", "-shm")


def database_is_damaged(data_dir: Path) -> bool:
    """True when the database file exists but SQLite cannot read it whole (read-only check)."""
    path = data_dir / DB_FILE_NAME
    if not path.is_file():
        return False
    try:
        probe = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=1.0)
        try:
            result = probe.execute("PRAGMA quick_check").fetchall()
        finally:
            probe.close()
    except sqlite3.OperationalError as exc:
        return "locked" not in str(exc) and "busy" not in str(exc)  # another process holds it: not damage
    except sqlite3.DatabaseError:
        return True
    return result != [("ok",)]


def good_backups(data_dir: Path) -> list[BackupFile]:
    """The backups that pass the integrity check and this app can read, newest first."""
    good = []
    for backup in reversed(backups.list_backups(data_dir)):
        try:
            backups.check_restorable(backup.path, SCHEMA_VERSION)
        except ZairyuError:
            continue
        good.append(backup)
    return good


def recover_from_backup(data_dir: Path, backup: BackupFile) -> Path:
    """Make ``backup`` the database; returns the folder the damaged file was moved to."""
    backups.check_restorable(backup.path, SCHEMA_VERSION)
    database = data_dir / DB_FILE_NAME
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = backups.backup_dir(data_dir) / f"damaged-{stamp}"
    partial = database.with_name(f".{database.name}.recovering")
    try:
        # The backup is made ready beside the database first, so a failure leaves everything as it was.
        shutil.copyfile(backup.path, partial)
        os.chmod(partial, 0o600)
        conn = connect(partial)
        try:
            migrate(conn, partial)
        finally:
            conn.close()
        kept.mkdir(parents=True, mode=0o700)
        for suffix in ("", *_SIDE_FILES):
            damaged = database.with_name(database.name + suffix)
            if damaged.exists():
                os.replace(damaged, kept / damaged.name)  # a rename: the bytes stay as they were
        os.replace(partial, database)
        fsync_dir(data_dir)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"{database}: the backup could not be put in place ({describe_os_error(exc)})",
                         kind="recovery_failed", file=database) from None
    return kept
