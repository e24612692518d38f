"""What the window says when the data cannot be opened, and what it offers instead of a traceback.

A damaged database: start again from the newest backup that passes the integrity check (the
damaged file is kept aside, never overwritten), or go on without the cases. A database another
Zairyu holds locked: try again, or go on without the cases. Either way the route checklists work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from zairyu.domain.routes import RouteCatalog
from zairyu.errors import ZairyuError
from zairyu.gui.error_text import error_text
from zairyu.store import Store, open_store
from zairyu.store.backups import BackupFile
from zairyu.store.recovery import database_is_damaged, good_backups, recover_from_backup

log = logging.getLogger(__name__)


class Recovery:
    """The user's choice."""

    RESTORE = "restore"
    RETRY = "retry"
    CONTINUE = "continue"


class RecoveryDialog(QMessageBox):
    def __init__(self, error: ZairyuError, data_dir: Path, *, damaged: bool, backup: BackupFile | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Your data could not be opened"))
        self.choice = Recovery.CONTINUE
        self._choices: dict[Any, str] = {}
        if damaged:
            self.setText(self.tr("<p><b>The file with your cases is damaged.</b></p><p>It is kept as it is; "
                                 "nothing was deleted.</p>"))
            if backup is not None:
                self.setInformativeText(self.tr(
                    "The newest intact backup is from {date}. Zairyu can continue from it: changes made after "
                    "it are not in it. The damaged file is moved to the backups folder.").format(
                        date=backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")))
                self._button(self.tr("Continue from the &backup"), Recovery.RESTORE,
                             QMessageBox.ButtonRole.AcceptRole)
            else:
                self.setInformativeText(self.tr("No intact backup was found in {folder}.").format(
                    folder=escape(str(data_dir / "backups"))))
        else:
            self.setText(self.tr("<p><b>Your cases cannot be opened right now.</b></p>"))
            self.setInformativeText(escape(error_text(error)))
            self._button(self.tr("&Try again"), Recovery.RETRY, QMessageBox.ButtonRole.AcceptRole)
        self._button(self.tr("Continue &without my cases"), Recovery.CONTINUE, QMessageBox.ButtonRole.RejectRole)
        self.setDetailedText(str(error))
        self.buttonClicked.connect(lambda button: setattr(self, "choice", self._choices.get(button,
                                                                                             Recovery.CONTINUE)))

    def _button(self, text: str, choice: str, role: QMessageBox.ButtonRole) -> QPushButton:
        button = self.addButton(text, role)
        self._choices[button] = choice
        if role == QMessageBox.ButtonRole.AcceptRole:
            self.setDefaultButton(button)
        return button

    def button_for(self, choice: str) -> QPushButton | None:
        return next((b for b, c in self._choices.items() if c == choice), None)


def ask_user(dialog: RecoveryDialog) -> str:
    dialog.exec()
    return dialog.choice


def open_with_recovery(catalog: RouteCatalog, data_dir: Path, *, interactive: bool, parent: QWidget | None = None,
                       ask: Callable[[RecoveryDialog], str] = ask_user) -> tuple[Store | None, str]:
    """Open the store; when it fails, say why and offer what can be done (``interactive``), then
    return the store, or None with the reason the window shows in place of the cases.

    The cases are not reconciled with the rules here: the window does it after its first paint
    (``CaseSession.reconcile_all``), since the permanent-residence cases bring the points engine."""
    while True:
        try:
            return open_store(data_dir, catalog=catalog, reconcile=False), ""
        except ZairyuError as exc:
            log.error("cannot open the store: %s", exc)
            damaged = exc.kind == "database_damaged" or database_is_damaged(data_dir)
            if not interactive:
                return None, error_text(exc)
            backup = next(iter(good_backups(data_dir)), None) if damaged else None
            choice = ask(RecoveryDialog(exc, data_dir, damaged=damaged, backup=backup, parent=parent))
            if choice == Recovery.RETRY:
                continue
            if choice == Recovery.RESTORE and backup is not None:
                try:
                    kept = recover_from_backup(data_dir, backup)
                except ZairyuError as failed:
                    QMessageBox.warning(parent, QCoreApplication.translate("RecoveryDialog", "Not restored"),
                                        error_text(failed))
                    return None, error_text(failed)
                log.warning("continued from backup %s; the damaged database is kept in %s", backup.path, kept)
                continue
            return None, error_text(exc)
