"""Folders and files readable by their owner only, whatever the umask.

The data folder holds passport and residence-card numbers, tax papers, and the logs and crash
reports that name them: every folder in it is 0700 and every file 0600. This module has no SQLite
and no store, so the window's start-up (the log folder, the crash reports) uses it before it has
opened the user's data.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from zairyu.errors import StoreError

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def describe_os_error(exc: OSError) -> str:
    return exc.strerror or str(exc)


def ensure_private_dir(path: Path, what: str) -> Path:
    """Create ``path`` (0700) or check that it is a usable folder, and make it 0700 if it is looser;
    a clear StoreError otherwise."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    except FileExistsError:
        raise StoreError(f"{what} {path} cannot be created: a file with that name is in the way",
                         kind="folder_blocked", file=path) from None
    except OSError as exc:
        raise StoreError(f"{what} {path} cannot be created: {describe_os_error(exc)}",
                         kind="folder_cannot_create", file=path) from None
    if not path.is_dir():
        raise StoreError(f"{what} {path} is not a folder", kind="folder_blocked", file=path)
    _tighten(path, PRIVATE_DIR_MODE)
    return path


def _tighten(path: Path, mode: int) -> None:
    """Take away group and other access (a folder of someone else's is left to its owner).
    Windows has no such bits (its per-user folders are private by their access lists)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        found = os.lstat(path).st_mode
        if found & 0o077 and not stat.S_ISLNK(found):
            os.chmod(path, mode)


def make_tree_private(root: Path) -> None:
    """Every folder under ``root`` 0700 and every file 0600, whatever umask created them.

    The data folder holds passport and residence-card numbers, tax papers and their logs; a folder
    copied in, an older Zairyu or a umask of 000 may have left them readable by other accounts.
    Symbolic links are not followed (their targets are not Zairyu's to change).
    """
    if os.name != "posix":
        return
    _tighten(root, PRIVATE_DIR_MODE)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            _tighten(Path(folder, name), PRIVATE_DIR_MODE)
        for name in files:
            _tighten(Path(folder, name), PRIVATE_FILE_MODE)


def private_opener(path: str, flags: int) -> int:
    """``open(..., opener=private_opener)``: a new file is created 0600, not by the umask."""
    return os.open(path, flags, PRIVATE_FILE_MODE)


def private_file(path: Path) -> Path:
    """Create ``path`` empty if missing, 0600 either way (for files a library will open later)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
    os.close(fd)
    _tighten(path, PRIVATE_FILE_MODE)
    return path
