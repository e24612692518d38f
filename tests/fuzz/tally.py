"""What the fuzz tests tried: for each parser, inputs accepted, refused cleanly, and tracebacks.

A refusal is clean when it is a ZairyuError (or the CLI's exit status 2) with a one-line message;
anything else propagates and fails the test, and is counted first as a traceback.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from zairyu.errors import ZairyuError
from zairyu.scan_safety import ScanRefused

T = TypeVar("T")
COUNTS: defaultdict[str, Counter[str]] = defaultdict(Counter)
# The number of examples per fuzz test: small in `make test`, large under `make fuzz`.
EXAMPLES = int(os.environ.get("ZAIRYU_FUZZ_EXAMPLES", "12"))


def attempt(target: str, run: Callable[[], T]) -> T | None:
    """Run one input through ``run``; returns its result, or None when it was refused cleanly."""
    try:
        result = run()
    except (ZairyuError, ScanRefused) as exc:
        message = str(exc)
        if "\n" in message or not message:
            COUNTS[target]["traceback"] += 1
            raise AssertionError(f"{target}: a refusal must be one non-empty line: {message!r}") from exc
        COUNTS[target]["refused"] += 1
        return None
    except BaseException:
        COUNTS[target]["traceback"] += 1
        raise
    COUNTS[target]["accepted"] += 1
    return result


def cli_attempt(target: str, run: Callable[[], int], stderr: Callable[[], str]) -> int:
    """The same for a CLI command run in-process: exit 0 accepted, 2 with one line refused."""
    try:
        code = run()
    except SystemExit as exit_:  # argparse's own refusals
        code = int(exit_.code or 0)
    except BaseException:
        COUNTS[target]["traceback"] += 1
        raise
    err = stderr()
    if code == 0:
        COUNTS[target]["accepted"] += 1
    elif code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err:
        COUNTS[target]["refused"] += 1
    else:
        COUNTS[target]["traceback"] += 1
        raise AssertionError(f"{target}: exit {code}, stderr {err!r}")
    return code


def summary() -> dict[str, dict[str, int]]:
    return {target: {k: counts[k] for k in ("accepted", "refused", "traceback")}
            for target, counts in sorted(COUNTS.items())}


def write_report(path: Path) -> None:
    data = summary()
    total = {k: sum(row[k] for row in data.values()) for k in ("accepted", "refused", "traceback")}
    path.write_text(json.dumps({"examples_per_test": EXAMPLES, "targets": data, "total": total}, indent=2) + "\n")
