"""Temporary files written beside their final name, named so that a later run can clear what a
killed run left behind.

A partial file is named ``<prefix>zairyu-<pid>-<random><suffix>`` (an export of ``packet.pdf``:
``.packet.pdf.zairyu-4242-k2j4h1.part``). Before a new partial is made, the partials of the same
prefix are removed when the process that wrote them is gone, or when they are older than a day
(a process id used again by another program). A partial of a running process is never touched.
Where process ids cannot be checked (Windows) the age alone decides, after an hour.

Partials that name no process (older versions wrote ``<prefix><random><suffix>``) are removed
when older than an hour, which no export or attach takes.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

LIVE_PROCESS_MAX_AGE_SECONDS = 24 * 3600
UNKNOWN_PROCESS_MAX_AGE_SECONDS = 3600
_TAG = "zairyu-"


def new_partial(folder: Path, prefix: str, suffix: str = "") -> tuple[int, Path]:
    """A fresh 0600 file in ``folder`` (open file descriptor, path), after clearing the leftovers of
    killed processes that used the same ``prefix``. OSError when the folder is not writable."""
    remove_leftovers(folder, prefix, suffix)
    fd, name = tempfile.mkstemp(prefix=f"{prefix}{_TAG}{os.getpid()}-", suffix=suffix, dir=folder)
    return fd, Path(name)


def _process_running(pid: int) -> bool | None:
    """True or False on POSIX; None where it cannot be asked without side effects."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return None  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return None
    return True


def is_leftover(path: Path, prefix: str, suffix: str = "", *, now: float | None = None) -> bool:
    """True when ``path`` is a partial of ``prefix`` that no running process is writing."""
    name = path.name
    if not (name.startswith(prefix) and name.endswith(suffix)):
        return False
    middle = name[len(prefix):len(name) - len(suffix)]
    try:
        age = (now if now is not None else time.time()) - path.lstat().st_mtime
    except OSError:
        return False
    tagged = re.fullmatch(rf"{_TAG}(\d+)-\w+", middle)
    if tagged is None:
        return age > UNKNOWN_PROCESS_MAX_AGE_SECONDS  # an older version's name, or no process named
    running = _process_running(int(tagged.group(1)))
    if running is None:
        return age > UNKNOWN_PROCESS_MAX_AGE_SECONDS
    return not running or age > LIVE_PROCESS_MAX_AGE_SECONDS


def remove_leftovers(folder: Path, prefix: str, suffix: str = "") -> None:
    """Delete the partials of ``prefix`` in ``folder`` that killed processes left."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            path = Path(entry.path)
            if entry.name.startswith(prefix) and entry.is_file(follow_symlinks=False) and is_leftover(
                    path, prefix, suffix):
                with contextlib.suppress(OSError):
                    path.unlink()
