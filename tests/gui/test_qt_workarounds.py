"""The PySide6 workaround of gui/qt_workarounds.py works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from zairyu.gui import qt_workarounds

PACKAGE = Path(qt_workarounds.__file__).resolve().parents[1]


def test_a_million_void_qt_calls_do_not_kill_the_interpreter() -> None:
    # Without protect_none_refcount, PySide6 6.12 on Python 3.11 aborts after a few thousand
    # (see qt_workarounds.py); run in a subprocess so a regression fails one test, not the run.
    code = (
        "import zairyu.gui\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "for _ in range(1_000_000):\n"
        "    label.setText('a')\n"
        "print('ok')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                            timeout=120, cwd=PACKAGE.parents[1])
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


def test_none_is_protected_exactly_when_the_bindings_leak() -> None:
    import zairyu.gui  # noqa: F401

    if sys.version_info >= (3, 12):
        assert qt_workarounds.protect_none_refcount() is False
    elif getattr(sys, "_zairyu_none_protected", False):
        assert sys.getrefcount(None) > qt_workarounds.NONE_RESERVE // 2
    else:
        assert qt_workarounds.none_refcount_leak_per_call() == 0
