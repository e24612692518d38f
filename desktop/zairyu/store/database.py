"""Opening the SQLite database safely, and turning SQLite's failures into messages a user can act on.

Why these settings (https://www.sqlite.org/pragma.html, https://www.sqlite.org/wal.html):
- WAL: readers never block the writer and a crash mid-write leaves the last committed state.
- synchronous=FULL: in WAL mode NORMAL can lose the last commits on power loss; people keep months
  of work here, so every commit is fsynced.
- foreign_keys=ON: SQLite leaves them off by default, per connection.
- busy_timeout: a second process (the app and the CLI, two windows) waits for the writer instead of
  failing at once; past the timeout it gets StoreBusyError with a clear message.
- Every change runs in ``BEGIN IMMEDIATE`` ... ``COMMIT``: the write lock is taken up front, so two
  writers queue instead of deadlocking when a read transaction tries to upgrade.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from zairyu.errors import StoreBusyError, StoreError
from zairyu.private_paths import PRIVATE_FILE_MODE

DB_FILE_NAME = "zairyu.sqlite3"
BUSY_TIMEOUT_SECONDS = 15.0

# Primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def translate_error(exc: sqlite3.Error, db_path: Path) -> StoreError:
    """Map a SQLite failure to a one-line message naming the file and what the user can do."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    folder = db_path.parent
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return StoreBusyError(
            f"{db_path}: another Zairyu window or command is saving changes and did not finish within "
            f"{BUSY_TIMEOUT_SECONDS:.0f} s; nothing was changed, try again", kind="database_busy", file=db_path)
    if primary == _SQLITE_READONLY or "readonly" in text:
        return StoreError(f"{folder}: the data folder is read-only; Zairyu cannot save changes there "
                          "(check its permissions or choose another folder with --data-dir)",
                          kind="data_folder_read_only", file=folder)
    if primary == _SQLITE_FULL or "disk is full" in text:
        return StoreError(f"{db_path}: the disk is full; nothing was changed (free some space and try again)",
                          kind="disk_full", file=db_path)
    if primary == _SQLITE_CANTOPEN or "unable to open" in text:
        return StoreError(f"{db_path}: the database cannot be opened or created "
                          "(is the data folder writable, and is this path a file?)",
                          kind="database_cannot_open", file=db_path)
    if primary in (_SQLITE_NOTADB, _SQLITE_CORRUPT) or "malformed" in text:
        from zairyu.store.backups import damaged_database_error  # backups imports this module

        return damaged_database_error(db_path, text)
    if primary == _SQLITE_IOERR:
        return StoreError(f"{db_path}: the disk refused a write ({text}); the disk may be full or read-only; "
                          "nothing was changed", kind="disk_error", file=db_path)
    return StoreError(f"{db_path}: {text}", kind="database_error", file=db_path)


@contextlib.contextmanager
def sqlite_errors(db_path: Path) -> Iterator[None]:
    """Raise every sqlite3 error inside the block as a StoreError with a clear message."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise  # a programming or validation error: callers translate it where they know the field
    except sqlite3.Error as exc:
        raise translate_error(exc, db_path) from exc


def connect(db_path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database with the pragmas described above."""
    created = not db_path.exists()
    with sqlite_errors(db_path):
        conn = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{db_path}: the file system does not support SQLite's WAL mode "
                                 "(a network drive?); choose a local folder with --data-dir")
            conn.execute("PRAGMA synchronous = FULL")
        except BaseException:
            conn.close()
            raise
    # The database holds passport numbers: readable by its owner only (also a file copied in with
    # looser permissions). SQLite gives the -wal and -shm files the permissions of the database file.
    with contextlib.suppress(OSError):
        if created or os.stat(db_path).st_mode & 0o077:
            os.chmod(db_path, PRIVATE_FILE_MODE)
    return conn


def quick_check(conn: sqlite3.Connection, db_path: Path) -> None:
    """Refuse a damaged database before anything reads or copies it.

    ``PRAGMA quick_check`` reads every page of every table and index and checks their structure
    (not, unlike integrity_check, each index against its table), which is what "database disk
    image is malformed" comes from (https://www.sqlite.org/pragma.html#pragma_quick_check).
    StoreError kind ``database_damaged`` naming the newest good backup otherwise.
    """
    with sqlite_errors(db_path):
        found = conn.execute("PRAGMA quick_check(1)").fetchall()
    if found != [("ok",)]:
        from zairyu.store.backups import damaged_database_error

        raise damaged_database_error(db_path, f"integrity check: {found[0][0]}")


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, db_path: Path) -> Iterator[sqlite3.Connection]:
    """One atomic change: BEGIN IMMEDIATE (waits for the write lock), COMMIT, or ROLLBACK on any error."""
    with sqlite_errors(db_path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise


@contextlib.contextmanager
def read_snapshot(conn: sqlite3.Connection, db_path: Path) -> Iterator[sqlite3.Connection]:
    """A consistent read across several queries (a deferred transaction sees one WAL snapshot)."""
    with sqlite_errors(db_path):
        conn.execute("BEGIN DEFERRED")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
