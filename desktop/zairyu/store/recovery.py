"""Starting again from a backup when the database itself is damaged: what the window's recovery
dialog asks of the store.

The newest backup that passes ``PRAGMA integrity_check``
(https://www.sqlite.org/pragma.html#pragma_integrity_check) becomes the database, and the damaged
file is kept, unchanged, in ``backups/damaged-<time>/`` (never overwritten or deleted: a data
recovery tool may still get something out of it). The work is restore.py's, as for
``zairyu restore FILE``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from zairyu.store import backups
from zairyu.store.backups import BackupFile
from zairyu.store.database import DB_FILE_NAME
from zairyu.store.restore import restore_data_dir


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


good_backups = backups.good_backups  # the backups that pass the integrity check, newest first


def recover_from_backup(data_dir: Path, backup: BackupFile) -> Path:
    """Make ``backup`` the database; returns the folder the damaged file was kept in
    (restore.restore_data_dir does the work, as for ``zairyu restore``)."""
    return restore_data_dir(data_dir, backup.path).kept.parent
