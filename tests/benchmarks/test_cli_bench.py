"""The CLI as a user waits for it: whole processes, median of alternating runs, in one run.

Targets: ``zairyu --version`` and ``zairyu routes`` at most 1.5x ``python -c "import zairyu"``, not
counting what pip's launcher adds before Zairyu's code runs when it does (the ``zairyu`` script
that pip before 24 writes imports ``re`` to tidy ``sys.argv[0]``, which alone takes a bare start
to about 1.6x; ``make`` upgrades pip, whose script does not);
``zairyu checklist ... --format json`` at most 2x ``zairyu --version``. The floors printed show what
no command can go below: the launcher; the interpreter with argparse (every other command parses
its arguments with it); argparse building a parser (its first argument asks the terminal's width
through shutil, which imports bz2 and lzma) with json and datetime, which the checklist needs
whatever it does (and json with datetime alone, as a checklist without argparse would still need);
and with pydantic, which a command served from the rules cache no longer needs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.benchmarks.processes import ZAIRYU, alternate, median_wall, user_env

ROUNDS = 21


def test_cli_against_importing_zairyu(tmp_path: Path) -> None:
    python = sys.executable
    commands = {
        "import zairyu": [python, "-c", "import zairyu"],
        "+ re (launcher)": [python, "-c", "import zairyu, re"],
        "+ json, datetime": [python, "-c", "import zairyu, json, datetime"],
        "+ argparse": [python, "-c", "import zairyu, re, argparse"],
        "+ parser, json, datetime": [python, "-c", "import zairyu, re, argparse, json, datetime; "
                                     "argparse.ArgumentParser().add_argument('--x')"],
        "+ pydantic": [python, "-c", "import zairyu, re, argparse, pydantic; pydantic.BaseModel"],
        "--version": [*ZAIRYU, "--version"],
        "routes": [*ZAIRYU, "routes"],
        "checklist": [*ZAIRYU, "checklist", "--route", "hsp-1b", "--procedure", "change", "--format", "json"],
    }
    env = user_env(ZAIRYU_DATA_DIR=str(tmp_path / "data"))
    alternate(commands, 1, env)  # warm the OS file cache, the .pyc files, the rules cache and the routes index
    runs = alternate(commands, ROUNDS, env)
    medians = {name: median_wall(r) for name, r in runs.items()}
    base, version = medians["import zairyu"], medians["--version"]
    # An older pip's script imports re before it calls Zairyu (`python -m zairyu` runs runpy instead).
    launcher_imports_re = len(ZAIRYU) == 1 and "import re" in Path(ZAIRYU[0]).read_text(encoding="utf-8")
    launcher = medians["+ re (launcher)"] - base if launcher_imports_re else 0.0
    print(f"\nCLI, whole processes (median of {ROUNDS}, alternating; {' '.join(ZAIRYU[-1:])}"
          f"{', whose script imports re' if launcher_imports_re else ''}):")
    for name, seconds in medians.items():
        print(f"  {name:24} {seconds * 1000:6.1f} ms  {seconds / base:5.2f}x import zairyu  "
              f"{seconds / version:5.2f}x --version")
    failures = [f"{name} {(medians[name] - launcher) / base:.2f}x > 1.5x without the launcher"
                for name in ("--version", "routes") if medians[name] - launcher > 1.5 * base]
    if medians["checklist"] > 2 * version:
        failures.append(f"checklist {medians['checklist'] / version:.2f}x --version > 2x")
    assert not failures, "; ".join(failures)
