"""Bring a database to the current schema version, forward only."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from zairyu.store.database import StoreError, transaction
from zairyu.store.schema import MIGRATIONS, SCHEMA_VERSION


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(version: int, db_path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise StoreError(f"{db_path}: made by a newer Zairyu (data version {version}; this app reads up to "
                         f"{SCHEMA_VERSION}); update Zairyu to open it")


def migrate(conn: sqlite3.Connection, db_path: Path,
            before: Callable[[int], None] | None = None) -> int:
    """Apply the missing migrations in one transaction; returns the version found before.

    ``before(old_version)`` runs first when an existing database (version >= 1) is about to change:
    the store uses it for the pre-migration backup.
    """
    found = schema_version(conn)
    check_not_newer(found, db_path)
    if found == SCHEMA_VERSION:
        return found
    if found > 0 and before is not None:
        before(found)
    with transaction(conn, db_path):
        # Another process may have migrated while this one waited for the write lock.
        version = schema_version(conn)
        check_not_newer(version, db_path)
        for migration in MIGRATIONS[version:]:
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise StoreError(f"{db_path}: the data has {len(problems)} broken links after the upgrade to "
                             f"version {SCHEMA_VERSION}; nothing was changed (restore a backup)")
    return found
