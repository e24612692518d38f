"""The PySide6 desktop interface: main window, models, views, workers.

Importing any part of it imports Qt; the import hook workaround is applied here, first, so every
window, test and worker thread gets it (see qt_workarounds.py).
"""

import PySide6.QtCore  # noqa: F401  (installs the hook the workaround replaces)

from zairyu.gui.qt_workarounds import disable_feature_import_check

disable_feature_import_check()
