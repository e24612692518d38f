"""Exports are all-or-nothing, report progress and can be cancelled.

Every export writes to a temporary file in the target's folder, fsyncs it and only then
replaces the target (no half-written file ever replaces a good one). The desktop app
runs exports off the GUI thread and passes a progress callback and a cancel flag.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from zairyu.errors import UserInputError, ZairyuError, output_error
from zairyu.partial_files import new_partial, new_partial_folder

# progress(done, total, message): ``done`` of ``total`` steps finished; message says which.
ProgressCallback = Callable[[int, int, str], None]


class ExportCancelled(ZairyuError):
    """The user cancelled an export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("export cancelled; no file was written")


@dataclass
class ExportControl:
    """What the caller hands every export: where to report progress, and a flag to stop it."""

    progress: ProgressCallback | None = None
    cancel: threading.Event = field(default_factory=threading.Event)

    def step(self, done: int, total: int, message: str) -> None:
        """Report progress, and stop here when the user cancelled."""
        self.check()
        if self.progress is not None:
            self.progress(done, total, message)

    def check(self) -> None:
        if self.cancel.is_set():
            raise ExportCancelled()


def _check_target(target: Path) -> None:
    if target.is_dir():
        raise output_error("output_is_folder", target, "is a folder; give a file name ending in .pdf")
    if not target.parent.is_dir():
        raise output_error("output_folder_missing", target, f"the folder {target.parent} does not exist")


def temp_path_beside(target: Path) -> Path:
    """A fresh, empty temporary file in the target's folder (same file system, so replace is atomic).

    Partials an earlier, killed export of the same target left there are removed first
    (partial_files.py says how a live one is told apart).
    """
    _check_target(target)
    try:
        fd, path = new_partial(target.parent, f".{target.name}.", ".part")
    except OSError as exc:
        raise output_error("output_not_writable", target, f"cannot write there ({exc.strerror or exc})") from None
    os.close(fd)
    return path


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory; NTFS journals the rename itself
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit(temp: Path, target: Path) -> None:
    """Make a finished temporary file the target: fsync, replace, fsync the folder."""
    fsync_file(temp)
    os.replace(temp, target)
    _fsync_dir(target.parent)


def _write_failed(exc: OSError, temps: list[Path], target: Path) -> None:
    """A failed write of an output (a full disk, a quota, a removed drive) as one line naming it.

    Errors that name another file (an input being read) are not the output's and pass unchanged;
    every temporary name holds the target's name (pikepdf's own temporary file too).
    """
    if exc.filename is not None and not any(path.name in str(exc.filename) for path in [*temps, target]):
        return
    raise output_error("output_write_failed", target, f"could not be written ({exc.strerror or exc}; is the disk "
                       "full?); no file was written") from None


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """``with atomic_output(out) as temp: write(temp)`` replaces ``out`` only when the block succeeds."""
    temp = temp_path_beside(target)
    try:
        yield temp
        commit(temp, target)
    except OSError as exc:
        _write_failed(exc, [temp], target)
        raise
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


@contextlib.contextmanager
def atomic_outputs(targets: list[Path]) -> Iterator[list[Path]]:
    """Several files that appear together or not at all (the parts of a split packet)."""
    temps: list[Path] = []
    try:
        for target in targets:
            temps.append(temp_path_beside(target))
        yield temps
        for temp in temps:
            fsync_file(temp)
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
        if targets:
            _fsync_dir(targets[0].parent)
    except OSError as exc:
        _write_failed(exc, temps, targets[0])
        raise
    finally:
        for temp in temps:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


def check_folder_target(target: Path, replaceable: Callable[[Path], bool]) -> None:
    """Refuse a folder target that is missing its parent, is a file, or holds files of the user's.

    An existing folder is replaced only when it is empty or ``replaceable`` recognises it as an
    earlier output of the same export."""
    if not target.parent.is_dir():
        raise output_error("output_folder_missing", target, f"the folder {target.parent} does not exist")
    if target.exists() and not target.is_dir():
        raise output_error("output_not_folder", target, "is a file; give the name of a new folder")
    if target.is_dir() and any(target.iterdir()) and not replaceable(target):
        raise output_error("output_folder_not_empty", target,
                           "the folder already holds other files; give a new or empty folder")


@contextlib.contextmanager
def atomic_folder(target: Path, replaceable: Callable[[Path], bool]) -> Iterator[Path]:
    """``with atomic_folder(out, ...) as temp: write files into temp``: the folder appears whole or not at all.

    The files are written into a temporary sibling folder (named like every partial file, so a
    later run clears what a killed one left), fsynced, and the folder is renamed into place; an
    earlier output there is moved aside first and removed only after the rename.
    """
    check_folder_target(target, replaceable)
    try:
        temp = new_partial_folder(target.parent, f".{target.name}.", ".part")
    except OSError as exc:
        raise output_error("output_not_writable", target, f"cannot write there ({exc.strerror or exc})") from None
    aside: Path | None = None
    try:
        yield temp
        check_folder_target(target, replaceable)  # the folder may have changed while we worked
        for path in temp.iterdir():
            fsync_file(path)
        _fsync_dir(temp)
        if target.exists():
            # Never cleared as a leftover (only .part is): if this run dies between the two renames,
            # the earlier set is still there to recover.
            aside = new_partial_folder(target.parent, f".{target.name}.", ".old")
            os.rmdir(aside)  # only its unique name is wanted: rename needs a free name
            os.rename(target, aside)
        try:
            os.rename(temp, target)
        except OSError as exc:
            if aside is not None:
                os.rename(aside, target)  # put the earlier output back
                aside = None
            raise output_error("output_not_writable", target, f"cannot be replaced ({exc.strerror or exc})") from None
        _fsync_dir(target.parent)
    except OSError as exc:
        # A full disk (or quota, or a removed drive) while the set is written: one line naming the
        # output. An input that vanished meanwhile is named as the input.
        if exc.filename is not None and temp.name not in str(exc.filename) and target.name not in str(exc.filename):
            raise UserInputError(f"{exc.filename}: cannot be read ({exc.strerror or exc})", kind="input_unreadable",
                                 file=str(exc.filename)) from None
        problem = f"could not be written ({exc.strerror or exc}; is the disk full?); no file was written"
        raise output_error("output_write_failed", target, problem) from None
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)
