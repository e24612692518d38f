"""The PySide6 workarounds of gui/qt_workarounds.py stay in place."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from zairyu.gui import qt_workarounds

PACKAGE = Path(qt_workarounds.__file__).resolve().parents[1]


def test_no_code_spins_the_event_loop_by_hand() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("processEvents", "sendPostedEvents"):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, f"use exec()/signals instead (qt_workarounds.py): {offenders}"


def test_feature_import_check_is_answered_without_reading_sources() -> None:
    import zairyu.gui  # noqa: F401  (applies the workaround)

    feature = sys.modules.get("shibokensupport.feature")
    assert feature is not None, "PySide6 moved its feature module: re-check qt_workarounds.py"
    assert feature._mod_uses_pyside is qt_workarounds._never_uses_feature
    assert qt_workarounds.disable_feature_import_check() is True  # idempotent
    import json.tool  # an import after the change still works

    assert callable(json.tool.main)
