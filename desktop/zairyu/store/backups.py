"""Copies of the database: automatic (daily, and before every migration), on request, and restore.

Copies are made with SQLite's online backup API (``Connection.backup``), which reads a consistent
snapshot even while another process writes (https://www.sqlite.org/backup.html); a plain file copy
of a WAL database could miss the -wal file's pages. Each copy is a single self-contained file
(journal mode DELETE), written to a temporary name, fsynced and renamed.

Automatic copies rotate (the newest few of each kind are kept); copies the user asked for and the
copy kept aside by a restore are never deleted by the app.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from zairyu.errors import UserInputError
from zairyu.partial_files import new_partial
from zairyu.private_paths import PRIVATE_FILE_MODE, describe_os_error, ensure_private_dir
from zairyu.store.database import DB_FILE_NAME, StoreError, fsync_dir, sqlite_errors

BACKUP_DIR_NAME = "backups"
KEEP_AUTOMATIC = {"daily": 7, "pre-migration": 5}
DAILY_INTERVAL = dt.timedelta(hours=24)
ENCRYPTED_SUFFIX = ".enc"
_NAME = re.compile(r"^zairyu-(\d{8}T\d{6}\d{6}Z)-([a-z-]+?)(?:-v(\d+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    kind: str  # daily, pre-migration, manual, before-restore


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp_now() -> str:
    """The time part of a backup's file name."""
    return _now().strftime("%Y%m%dT%H%M%S%fZ")


def list_backups(data_dir: Path) -> list[BackupFile]:
    """All backup files, oldest first."""
    folder = backup_dir(data_dir)
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        taken = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
        found.append(BackupFile(path, taken, match.group(2)))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name))


def copy_database(conn: sqlite3.Connection, target: Path, db_path: Path) -> None:
    """Write a consistent copy of ``conn``'s database (``db_path``) to ``target`` atomically (0600).

    The copy is checked with ``PRAGMA integrity_check`` before it takes the target's name: a copy
    of a damaged database is worth nothing and, rotated in, would push a good copy out.
    """
    folder = target.parent
    fd, temp_name = tempfile.mkstemp(prefix=".partial-", suffix=".sqlite3", dir=folder)
    os.close(fd)
    temp = Path(temp_name)
    try:
        dest = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dest.close()
        problem = integrity_problem(temp)
        if problem is not None:
            raise damaged_database_error(db_path, f"it fails SQLite's integrity check: {problem}",
                                         outcome="no backup was made, so the good ones are kept")
        os.chmod(temp, PRIVATE_FILE_MODE)
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def make_backup(conn: sqlite3.Connection, data_dir: Path, kind: str, *, version: int | None = None,
                destination: Path | None = None, passphrase: str | None = None) -> Path:
    """Back up now; returns the file written. ``destination`` overrides the backups folder; with a
    ``passphrase`` the copy is encrypted (crypto.py; ``.enc`` in the backups folder).

    A database that fails ``PRAGMA integrity_check`` is never copied: StoreError kind
    ``database_damaged`` naming the newest good backup instead.
    """
    if destination is None:
        folder = ensure_private_dir(backup_dir(data_dir), "the backup folder")
        suffix = f"-v{version}" if version is not None else ""
        encrypted = ENCRYPTED_SUFFIX if passphrase is not None else ""
        destination = folder / f"zairyu-{stamp_now()}-{kind}{suffix}.sqlite3{encrypted}"
    elif destination.is_dir():
        raise UserInputError(f"{destination}: is a folder; give a file name for the backup",
                             field="output", file=destination, kind="output_is_folder")
    db_path = data_dir / DB_FILE_NAME
    try:
        with sqlite_errors(db_path):
            if passphrase is None:
                copy_database(conn, destination, db_path)
            else:
                _copy_encrypted(conn, destination, db_path, passphrase)
    except OSError as exc:
        raise StoreError(f"{destination}: the backup could not be written ({describe_os_error(exc)})",
                         kind="backup_write_failed", file=destination) from None
    rotate(data_dir)
    return destination


def _copy_encrypted(conn: sqlite3.Connection, destination: Path, db_path: Path, passphrase: str) -> None:
    """The checked copy is made in the private backups folder, then encrypted into a partial file
    beside ``destination`` and renamed: the clear copy never leaves the data folder."""
    from zairyu.store import crypto

    folder = ensure_private_dir(backup_dir(db_path.parent), "the backup folder")
    clear = folder / f".partial-{os.getpid()}-to-encrypt.sqlite3"  # removed by remove_stale_partials if killed
    try:
        copy_database(conn, clear, db_path)
        fd, temp = new_partial(destination.parent, f".{destination.name}.", ".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                crypto.encrypt_file(clear, handle, passphrase)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, destination)
        finally:
            temp.unlink(missing_ok=True)
        fsync_dir(destination.parent)
    finally:
        clear.unlink(missing_ok=True)


def damaged_database_error(db_path: Path, reason: str, *, outcome: str = "") -> StoreError:
    """The error for a live database that SQLite reports damaged: it names the newest good backup
    (``details["newest_good_backup"]``, None when there is none) so the user can restore it."""
    good = good_backups(db_path.parent)
    newest = good[0] if good else None
    said = f"{db_path}: the database is damaged ({reason})"
    if outcome:
        said += f"; {outcome}"
    if newest is not None:
        said += f"; the newest good backup is {newest.path} (taken {newest.taken_at:%Y-%m-%d %H:%M} UTC)"
    else:
        said += f"; no good backup was found in {backup_dir(db_path.parent)}"
    return StoreError(said, kind="database_damaged", file=db_path, reason=reason,
                      newest_good_backup=newest.path if newest else None)


def remove_stale_partials(data_dir: Path, max_age: dt.timedelta = dt.timedelta(hours=1)) -> None:
    """Drop half-written copies and restore work folders left by a killed process (old enough that
    no live process is still writing them)."""
    import shutil
    import time

    cutoff = time.time() - max_age.total_seconds()
    leftovers = [*backup_dir(data_dir).glob(".partial-*"), *data_dir.glob(".restore-*")]
    for path in leftovers:
        with contextlib.suppress(OSError):
            if path.stat().st_mtime >= cutoff:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink()


def rotate(data_dir: Path) -> None:
    """Keep the newest few automatic copies of each kind, and never the last good copy of all."""
    found = list_backups(data_dir)
    by_kind: dict[str, list[BackupFile]] = {}
    for backup in found:
        by_kind.setdefault(backup.kind, []).append(backup)
    doomed = [old for kind, keep in KEEP_AUTOMATIC.items() for old in by_kind.get(kind, [])[:-keep]]
    if not doomed:
        return
    # Usually the newest copy (just written and checked) is good, so this checks one file.
    last_good = next((b for b in reversed(found) if integrity_problem(b.path) is None), None)
    for old in doomed:
        if old != last_good:
            with contextlib.suppress(OSError):
                old.path.unlink()


def daily_backup_due(data_dir: Path, now: dt.datetime | None = None) -> bool:
    now = now or _now()
    dailies = [b for b in list_backups(data_dir) if b.kind == "daily"]
    return not dailies or now - dailies[-1].taken_at >= DAILY_INTERVAL


@dataclass(frozen=True)
class _Probe:
    problem: str | None  # None: an intact SQLite file that has Zairyu's tables
    version: int


def _probe(path: Path) -> _Probe:
    """Read ``path`` (never changing it) and say whether it is an intact Zairyu database.

    ``PRAGMA integrity_check`` reads every page and checks every index against its table
    (https://www.sqlite.org/pragma.html#pragma_integrity_check); a backup is small, so this costs
    milliseconds.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        return _Probe(f"cannot be read ({describe_os_error(exc)})", 0)
    if header != b"SQLite format 3\x00":
        return _Probe("not a Zairyu backup (not an SQLite database)", 0)
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            result = probe.execute("PRAGMA integrity_check").fetchall()
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        finally:
            probe.close()
    except sqlite3.Error as exc:
        return _Probe(f"the backup is damaged ({exc})", 0)
    if result != [("ok",)]:
        return _Probe(f"the backup is damaged (integrity check: {result[0][0]})", version)
    if not {"cases", "documents", "attachments"} <= tables or version < 1:
        return _Probe("not a Zairyu backup (its tables are not Zairyu's)", version)
    return _Probe(None, version)


def integrity_problem(path: Path) -> str | None:
    """None when ``path`` is an intact Zairyu database, else why not (one short phrase)."""
    return _probe(path).problem


def good_backups(data_dir: Path) -> list[BackupFile]:
    """The backups in ``data_dir`` that pass ``PRAGMA integrity_check`` and this app can read,
    newest first.

    This is what a user can restore after the live database is damaged (`zairyu restore FILE`,
    the app's recovery dialog).
    """
    from zairyu.store.schema import SCHEMA_VERSION

    found = []
    for backup in reversed(list_backups(data_dir)):
        probe = _probe(backup.path)
        if probe.problem is None and probe.version <= SCHEMA_VERSION:
            found.append(backup)
    return found


def check_restorable(path: Path, max_version: int) -> int:
    """Check that ``path`` is an intact Zairyu database; returns its schema version."""
    if not path.is_file():
        raise UserInputError(f"{path}: no such backup file")
    probe = _probe(path)
    if probe.problem is not None:
        raise UserInputError(f"{path}: {probe.problem}", kind="backup_invalid", file=path)
    if probe.version > max_version:
        raise UserInputError(f"{path}: made by a newer Zairyu (data version {probe.version}; this app reads up to "
                             f"{max_version})", kind="backup_too_new", file=path, value=probe.version)
    return probe.version
