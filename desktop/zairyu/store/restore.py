"""``zairyu restore FILE``: put a backup back, keeping the current data aside first.

The backup is copied to a private working file, checked (SQLite header, integrity_check, Zairyu's
tables, a version this app can read) and upgraded there, so the user's backup file itself is never
changed. Only then is the current data kept aside and the checked data put in its place:
- a healthy database is copied aside (``backups/...-before-restore``) and the checked data written
  into it with SQLite's backup API, under the write lock in one step, so another open window sees
  either the old or the restored data, never a mix;
- a damaged database (one SQLite cannot read) cannot be copied that way: the file is kept,
  byte for byte, in ``backups/damaged-<time>/`` (with its -wal file, for a data-recovery tool;
  never deleted by the app) and the checked file renamed into its place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zairyu.errors import UserInputError
from zairyu.private_paths import PRIVATE_FILE_MODE, describe_os_error, ensure_private_dir
from zairyu.store import backups, crypto
from zairyu.store.database import DB_FILE_NAME, StoreError, connect, fsync_dir, sqlite_errors
from zairyu.store.migrations import migrate
from zairyu.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from zairyu.store.service import Store


@dataclass(frozen=True)
class RestoreResult:
    kept: Path  # where the data from before the restore now is
    missing: list[str]  # attachments whose vault file is missing or changed
    was_damaged: bool  # the live database was damaged and has been moved aside, not copied


@contextlib.contextmanager
def _checked_candidate(data_dir: Path, source: Path, passphrase: str | None) -> Iterator[Path]:
    """A private, checked and upgraded copy of the backup ``source`` (deleted after the block);
    an encrypted backup is decrypted into it with ``passphrase``."""
    source = source.expanduser()
    if not source.is_file():
        raise UserInputError(f"{source}: no such backup file", kind="backup_missing", file=source)
    if source.resolve() == (data_dir / DB_FILE_NAME).resolve():
        raise UserInputError(f"{source}: this is the live database itself; give a backup file",
                             kind="backup_is_live_database", file=source)
    try:
        workdir = tempfile.TemporaryDirectory(prefix=".restore-", dir=data_dir)
    except OSError as exc:
        raise StoreError(f"{data_dir}: cannot prepare the restore ({describe_os_error(exc)})") from None
    with workdir as folder:
        candidate = Path(folder) / "candidate.sqlite3"
        if crypto.is_encrypted(source):
            if passphrase is None:
                raise UserInputError(f"{source}: the backup is encrypted; a passphrase is needed",
                                     kind="passphrase_needed", file=source)
            crypto.decrypt_file(source, candidate, passphrase)
        else:
            try:
                shutil.copyfile(source, candidate)
            except OSError as exc:
                raise UserInputError(f"{source}: cannot be read ({describe_os_error(exc)})", file=source) from None
        backups.check_restorable(candidate, SCHEMA_VERSION)
        checked = connect(candidate)
        try:
            migrate(checked, candidate)
        finally:
            checked.close()  # the last connection: its -wal file is checkpointed and removed
        yield candidate


def restore_into(store: Store, source: Path, passphrase: str | None = None) -> tuple[Path, list[str]]:
    """Restore into an open (so healthy) store; returns (the copy kept aside, missing attachments)."""
    from zairyu.store.service import iter_attachment_problems

    with _checked_candidate(store.data_dir, source, passphrase) as candidate:
        checked = connect(candidate)
        try:
            kept = backups.make_backup(store.connection, store.data_dir, "before-restore")
            with sqlite_errors(store.db_path):
                checked.backup(store.connection)
        finally:
            checked.close()
    store.reconcile_all()
    return kept, list(iter_attachment_problems(store))


def restore_data_dir(data_dir: Path, source: Path, *, passphrase: str | None = None) -> RestoreResult:
    """Restore the backup ``source`` into ``data_dir``, whether or not its database can be opened
    (``passphrase`` for an encrypted backup)."""
    from zairyu.store.service import open_store

    try:
        store = open_store(data_dir, reconcile=False, maintenance=False)
    except StoreError as exc:
        if exc.kind != "database_damaged":
            raise
        return _replace_damaged(data_dir, source, passphrase)
    with store:
        kept, missing = restore_into(store, source, passphrase)
    return RestoreResult(kept, missing, was_damaged=False)


def _replace_damaged(data_dir: Path, source: Path, passphrase: str | None) -> RestoreResult:
    from zairyu.store.service import iter_attachment_problems, open_store

    db_path = data_dir / DB_FILE_NAME
    with _checked_candidate(data_dir, source, passphrase) as candidate:
        ensure_private_dir(backups.backup_dir(data_dir), "the backup folder")
        folder = ensure_private_dir(backups.backup_dir(data_dir) / f"damaged-{backups.stamp_now()}",
                                    "the folder for the damaged database")
        aside = folder / DB_FILE_NAME
        try:
            # Copied, not moved: until the last rename the live name keeps its old file.
            shutil.copyfile(db_path, aside)
            os.chmod(aside, PRIVATE_FILE_MODE)
            wal, shm = Path(f"{db_path}-wal"), Path(f"{db_path}-shm")
            if wal.exists():  # its pages belong to the old file only; left in place they would be replayed
                os.replace(wal, Path(f"{aside}-wal"))
            shm.unlink(missing_ok=True)  # only an index into the -wal file, rebuilt on open
            os.chmod(candidate, PRIVATE_FILE_MODE)
            os.replace(candidate, db_path)
            fsync_dir(folder)
            fsync_dir(data_dir)
        except OSError as exc:
            raise StoreError(f"{db_path}: the damaged database could not be replaced ({describe_os_error(exc)})",
                             kind="restore_failed", file=db_path) from None
    with open_store(data_dir, maintenance=False) as store:  # reconciles the restored cases
        missing = list(iter_attachment_problems(store))
    return RestoreResult(aside, missing, was_damaged=True)
