"""PySide6 pitfalls that bit us, and what the GUI does about them.

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

import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)


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
