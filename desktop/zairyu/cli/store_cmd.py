"""``zairyu backup`` and ``zairyu restore FILE``: copies of the whole database."""

from __future__ import annotations

import argparse
from pathlib import Path

from zairyu import paths
from zairyu.cli.common import PASSPHRASE_ENV, read_passphrase
from zairyu.store.service import open_store


def configure_backup(backup: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    backup.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the copy to FILE instead of the backups folder")
    backup.add_argument("--encrypt", action="store_true",
                        help=f"encrypt the copy with a passphrase (asked for, or ${PASSPHRASE_ENV})")
    backup.set_defaults(handler=run_backup)


def configure_restore(restore: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    # No reconciliation: a backup must work even while the route data is broken.
    passphrase = read_passphrase("the backup", new=True) if args.encrypt else None
    with open_store(reconcile=False, maintenance=False) as store:
        written = store.backup(args.output, passphrase=passphrase)
    print(f"Backed up to {written}" + (" (encrypted)" if passphrase is not None else ""))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from zairyu.store.crypto import is_encrypted
    from zairyu.store.restore import restore_data_dir

    passphrase = read_passphrase(str(args.file), new=False) if is_encrypted(args.file) else None
    # Works on a damaged database too: that is when a restore is needed most.
    result = restore_data_dir(paths.data_dir(), args.file, passphrase=passphrase)
    print(f"Restored {args.file}")
    if result.was_damaged:
        print(f"The damaged database was moved to {result.kept}")
    else:
        print(f"The data from before the restore was kept at {result.kept}")
    for name in result.missing:
        print(f"warning: the attachment {name} is missing from the vault")
    return 0
