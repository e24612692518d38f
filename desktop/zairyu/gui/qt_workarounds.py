"""A PySide6 pitfall that bit us, and what the GUI does about it.

PySide6 6.12 on Python 3.11 returns ``None`` from every void method (``setText``, ``setValue``,
``QPainter.drawText`` ...) without taking a reference to it: each call lowers ``None``'s
reference count by one (measured: -1000 for 1000 ``QLabel.setText`` calls). One repaint of the
main window made about 300 such calls, so the interpreter died with "Fatal Python error:
none_dealloc" after a few dozen repaints (in a loop calling ``processEvents()``, within a second;
the crash reports point at whatever code happens to run when the count reaches zero).

From Python 3.12 ``None`` is immortal (PEP 683) and the missing reference does not matter, which
is presumably why the bindings were built that way. ``protect_none_refcount`` gives ``None`` the
same immortality on 3.11: it measures the leak once and, only if there is one, raises ``None``'s
count by 2**60, which no number of calls can use up. On Python 3.12, or with bindings that do
not leak, it does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

NONE_RESERVE = 1 << 60


def none_refcount_leak_per_call() -> int:
    """How many references to None one void PySide6 call loses (0 for correct bindings)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    calls = 100
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return round((before - sys.getrefcount(None)) / calls)


def protect_none_refcount() -> bool:
    """Make None immortal on a Python where it is not and the bindings leak its references.
    Returns True when it did so."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # None is immortal there (PEP 683)
    if getattr(sys, "_zairyu_none_protected", False):
        return True
    leak = none_refcount_leak_per_call()
    if leak <= 0:
        return False
    # CPython 3.11 keeps an object's reference count (Py_ssize_t) at the start of the object,
    # whose address id() gives. The GIL is held: nothing else changes it meanwhile.
    ctypes.c_ssize_t.from_address(id(None)).value += NONE_RESERVE
    sys._zairyu_none_protected = True  # type: ignore[attr-defined]
    log.info("PySide6 loses %d reference(s) to None per void call: None made immortal", leak)
    return True
