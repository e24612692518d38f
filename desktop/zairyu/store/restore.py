"""``zairyu restore FILE``: put a backup back, keeping the current data aside first.

The backup is copied to a private working file, checked (SQLite header, integrity_check, Zairyu's
tables, a version this app can read) and upgraded there, so the user's backup file itself is never
changed. Only then is the current database copied aside (``backups/...-before-restore``) and the
checked data written into the live database with SQLite's backup API: that happens under the write
lock in one step, so another open window sees either the old or the restored data, never a mix.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from zairyu.errors import UserInputError
from zairyu.store import backups
from zairyu.store.database import StoreError, connect, describe_os_error, sqlite_errors
from zairyu.store.migrations import migrate
from zairyu.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from zairyu.store.service import Store


def restore_into(store: Store, source: Path) -> tuple[Path, list[str]]:
    from zairyu.store.service import iter_attachment_problems

    source = source.expanduser()
    if not source.is_file():
        raise UserInputError(f"{source}: no such backup file")
    if source.resolve() == store.db_path.resolve():
        raise UserInputError(f"{source}: this is the live database itself; give a backup file")
    try:
        workdir = tempfile.TemporaryDirectory(prefix=".restore-", dir=store.data_dir)
    except OSError as exc:
        raise StoreError(f"{store.data_dir}: cannot prepare the restore ({describe_os_error(exc)})") from None
    with workdir as folder:
        candidate = Path(folder) / "candidate.sqlite3"
        try:
            shutil.copyfile(source, candidate)
        except OSError as exc:
            raise UserInputError(f"{source}: cannot be read ({describe_os_error(exc)})") from None
        backups.check_restorable(candidate, SCHEMA_VERSION)
        checked = connect(candidate)
        try:
            migrate(checked, candidate)
            kept = backups.make_backup(store.connection, store.data_dir, "before-restore")
            with sqlite_errors(store.db_path):
                checked.backup(store.connection)
        finally:
            checked.close()
    store.reconcile_all()
    return kept, list(iter_attachment_problems(store))
