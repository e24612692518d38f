"""The fuzz suite's tally is printed after the run, and written to ZAIRYU_FUZZ_REPORT when set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.fuzz import tally


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    rows = tally.summary()
    if not rows:
        return
    terminalreporter.section("fuzz inputs: accepted / refused cleanly / tracebacks")
    for target, row in rows.items():
        terminalreporter.write_line(f"{target:<34} {row['accepted']:>6} {row['refused']:>6} {row['traceback']:>4}")
    report = os.environ.get("ZAIRYU_FUZZ_REPORT")
    if report:
        tally.write_report(Path(report))
