"""The start-up floor: a bare QApplication and an empty QMainWindow, shown, until its first paint."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)  # as zairyu --exit-after-startup: let the paint finish
        return False


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.installEventFilter(FirstPaint(window))
    window.show()
    sys.exit(app.exec())
