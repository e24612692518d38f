"""The PySide6 desktop interface: main window, models, views, workers.

Importing any part of it imports Qt; the PySide6 workaround is applied here, first, so every
window, test and worker thread gets it (see qt_workarounds.py).
"""

from zairyu.gui.qt_workarounds import protect_none_refcount

protect_none_refcount()
