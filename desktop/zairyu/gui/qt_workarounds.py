"""PySide6 pitfalls that bit us, and what the GUI does about them.

0. PySide6 6.12 on Python 3.11 returns ``None`` from every void method (``setText``, ``setValue``,
   ``QPainter.drawText`` ...) without taking a reference to it: each call lowers ``None``'s
   reference count by one (measured: -1000 for 1000 ``QLabel.setText`` calls). One repaint of
   the main window made about 300 such calls, so the interpreter died with "Fatal Python error:
   none_dealloc" after a few dozen repaints. From Python 3.12 ``None`` is immortal and the
   missing reference does not matter, which is presumably why the bindings were built that way.
   ``protect_none_refcount`` gives ``None`` the same immortality on 3.11: it measures the leak
   once at start and, only if there is one, raises ``None``'s count by 2**60, which no number of
   calls can use up. Moving to Python 3.12 (or a PySide6 without the bug) makes it a no-op.

1. ``processEvents()`` / ``sendPostedEvents()`` called from Python while another thread runs
   Python crash the interpreter with "Fatal Python error: none_dealloc" (PySide6 6.12, Python
   3.11; reproduced with nothing but a QThreadPool worker and a main-thread loop calling
   ``processEvents()``). The GUI therefore never spins the event loop by hand: it waits with
   ``exec()`` (the application's or a QEventLoop's) and signals. tests/gui checks that no code
   under zairyu/ calls those two functions.

2. On import, PySide6 replaces ``__import__`` with a hook that, for every Python module imported
   afterwards, calls ``shibokensupport.feature._mod_uses_pyside(module)``, which reads the
   module's whole source with ``inspect.getsource`` to see whether it says ``from __feature__
   import ...``. That costs about a tenth of the import time of reportlab and the store, and the
   hook is reported to misbehave on worker threads (progh2/kamook#46, pyzo/pyzo#851). Zairyu never
   uses ``__feature__`` (no snake_case or true_property), so the answer is always "no".
"""

from __future__ import annotations

import ctypes
import logging
import sys
from types import ModuleType

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


def _never_uses_feature(_module: ModuleType) -> bool:
    return False


def disable_feature_import_check() -> bool:
    """Answer PySide6's per-import ``__feature__`` check without reading the module's source.
    Returns True when the check was found and replaced (idempotent)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        return False  # another PySide6 version: nothing to do
    if getattr(feature, "_mod_uses_pyside") is not _never_uses_feature:  # noqa: B009
        setattr(feature, "_mod_uses_pyside", _never_uses_feature)  # noqa: B010
        log.debug("PySide6 __feature__ import check disabled")
    return True
