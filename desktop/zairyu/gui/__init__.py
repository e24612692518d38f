"""The PySide6 desktop interface: main window, models, views, workers.

Importing any part of it imports Qt; the PySide6 workarounds are applied here, first, so every
window, test and worker thread gets them (see qt_workarounds.py).
"""

import PySide6.QtCore  # noqa: F401  (installs the import hook one workaround answers)

from zairyu.gui.qt_workarounds import disable_feature_import_check, protect_none_refcount

protect_none_refcount()
disable_feature_import_check()
