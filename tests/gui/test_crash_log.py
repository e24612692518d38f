"""The crash log without Qt: reports are written atomically and handed over once."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from zairyu.crash_log import FAULT_FILE, CrashLog
from zairyu.errors import UserInputError


@pytest.fixture
def crash_log(tmp_path: Path) -> Iterator[CrashLog]:
    log = CrashLog(tmp_path / "crash")
    previous = sys.excepthook
    log.install()
    yield log
    log.uninstall()
    assert sys.excepthook is previous


def raise_and_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as caught:
        sys.excepthook(type(caught), caught, caught.__traceback__)


def test_uncaught_exception_writes_a_report(crash_log: CrashLog) -> None:
    shown: list[tuple[Path, BaseException]] = []
    crash_log.on_exception = lambda path, exc: shown.append((path, exc))
    raise_and_hook(RuntimeError("boom in a slot"))
    reports = list(crash_log.pending.glob("crash-*.log"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: boom in a slot" in text and "Traceback" in text
    assert shown and shown[0][0] == reports[0]
    assert not list(crash_log.pending.glob(".*.tmp"))


def test_user_errors_are_messages_not_crashes(crash_log: CrashLog) -> None:
    messages: list[str] = []
    crash_log.on_user_error = lambda exc: messages.append(str(exc))
    raise_and_hook(UserInputError("--route: unknown route 'x'"))
    assert messages == ["--route: unknown route 'x'"]
    assert not list(crash_log.pending.glob("crash-*.log"))


def test_a_failing_dialog_does_not_raise(crash_log: CrashLog) -> None:
    def broken(_path: Path, _exc: BaseException) -> None:
        raise ValueError("dialog failed")

    crash_log.on_exception = broken
    raise_and_hook(RuntimeError("first"))
    assert len(list(crash_log.pending.glob("crash-*.log"))) == 1


def test_reports_are_taken_once(crash_log: CrashLog) -> None:
    raise_and_hook(RuntimeError("once"))
    taken = crash_log.take_pending_reports()
    assert len(taken) == 1 and taken[0].parent == crash_log.seen
    assert crash_log.take_pending_reports() == []


def test_a_non_empty_fault_file_becomes_a_report_at_the_next_start(tmp_path: Path) -> None:
    directory = tmp_path / "crash"
    directory.mkdir()
    (directory / FAULT_FILE).write_text("Fatal Python error: Segmentation fault\n")
    log = CrashLog(directory)
    log.install()
    try:
        taken = log.take_pending_reports()
        assert len(taken) == 1 and "Segmentation fault" in taken[0].read_text()
        assert (directory / FAULT_FILE).read_text() == ""  # armed again, empty
    finally:
        log.uninstall()
