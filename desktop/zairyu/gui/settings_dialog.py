"""Settings: the interface language, the PDF font, the data folder, backups and the packet folder.

Every change applies at once and is kept in the app's settings file (QSettings), except the data
folder, which is recorded outside it (``paths.set_chosen_data_dir``) and used from the next start.
Backups are the store's: a copy now, or a restore from a copy (the current data is kept aside).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zairyu import paths
from zairyu.errors import ZairyuError
from zairyu.gui.language import CHOICES, ENGLISH, JAPANESE, SETTINGS_LANGUAGE, SYSTEM, apply_language, saved_language
from zairyu.reports.font_setting import set_preferred_font
from zairyu.store.backups import backup_dir, list_backups

if TYPE_CHECKING:
    from zairyu.store import Store

SETTINGS_FONT = "pdf/font_file"
SETTINGS_PACKET_FOLDER = "packet/default_folder"


def apply_saved_font(settings: QSettings) -> None:
    """At start-up: the PDFs use the font file chosen in Settings, if one was."""
    value = settings.value(SETTINGS_FONT)
    set_preferred_font(value if isinstance(value, str) and value else None)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, (QLineEdit, QLabel)) else 0)
    return row


class SettingsDialog(QDialog):
    language_changed = Signal(str)
    store_restored = Signal()  # the data was replaced from a backup: every view must read it again

    def __init__(self, settings: QSettings, store: Store | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self._store = store
        self.message_box: QMessageBox | None = None
        layout = QVBoxLayout(self)

        self.general_box = QGroupBox(self)
        general = QFormLayout(self.general_box)
        self.language_label = QLabel(self.general_box)
        self.language_combo = QComboBox(self.general_box)
        self.language_combo.setObjectName("languageCombo")
        for choice in CHOICES:
            self.language_combo.addItem("", choice)
        self.language_combo.setCurrentIndex(CHOICES.index(saved_language(settings)))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        general.addRow(self.language_label, self.language_combo)
        self.font_label = QLabel(self.general_box)
        self.font_edit = QLineEdit(self.general_box)
        self.font_edit.setObjectName("fontFile")
        self.font_edit.setReadOnly(True)
        self.font_button = QPushButton(self.general_box)
        self.font_button.clicked.connect(self._choose_font)
        self.font_clear = QPushButton(self.general_box)
        self.font_clear.clicked.connect(lambda: self.set_font_file(None))
        general.addRow(self.font_label, _row(self.font_edit, self.font_button, self.font_clear))
        self.packet_label = QLabel(self.general_box)
        self.packet_edit = QLineEdit(self.general_box)
        self.packet_edit.setObjectName("packetFolder")
        self.packet_edit.setReadOnly(True)
        self.packet_button = QPushButton(self.general_box)
        self.packet_button.clicked.connect(self._choose_packet_folder)
        general.addRow(self.packet_label, _row(self.packet_edit, self.packet_button))
        layout.addWidget(self.general_box)

        self.data_box = QGroupBox(self)
        data = QFormLayout(self.data_box)
        self.folder_label = QLabel(self.data_box)
        self.folder_value = QLabel(self.data_box)
        self.folder_value.setObjectName("dataFolder")
        self.folder_value.setWordWrap(True)
        self.folder_value.setProperty("data_text", True)  # a path: the same in every language
        self.folder_button = QPushButton(self.data_box)
        self.folder_button.clicked.connect(self._choose_data_folder)
        self.folder_default = QPushButton(self.data_box)
        self.folder_default.clicked.connect(lambda: self.set_data_folder(None))
        data.addRow(self.folder_label, _row(self.folder_value, self.folder_button, self.folder_default))
        self.folder_note = QLabel(self.data_box)
        self.folder_note.setWordWrap(True)
        data.addRow(self.folder_note)
        self.backup_label = QLabel(self.data_box)
        self.backup_label.setWordWrap(True)
        data.addRow(self.backup_label)
        self.backup_button = QPushButton(self.data_box)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.data_box)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self._choose_backup)
        data.addRow(_row(self.backup_button, self.restore_button))
        layout.addWidget(self.data_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for button in (self.backup_button, self.restore_button):
            button.setEnabled(store is not None)
        self.retranslate()
        self._show_values()

    # -- values ---------------------------------------------------------------------------------

    def _show_values(self) -> None:
        font = self._settings.value(SETTINGS_FONT)
        self.font_edit.setText(font if isinstance(font, str) else "")
        folder = self._settings.value(SETTINGS_PACKET_FOLDER)
        self.packet_edit.setText(folder if isinstance(folder, str) else "")
        self.folder_value.setText(str(self._store.data_dir if self._store is not None else paths.data_dir()))
        self._show_backups()

    def _show_backups(self) -> None:
        if self._store is None:
            self.backup_label.setText(self.tr("Your data is not available, so it cannot be backed up now."))
            return
        found = list_backups(self._store.data_dir)
        last = found[-1].taken_at.astimezone().strftime("%Y-%m-%d %H:%M") if found else self.tr("none yet")
        self.backup_label.setText(self.tr(
            "Zairyu copies your data automatically once a day and before every upgrade, into {folder}; "
            "the newest 7 daily copies are kept. Copies you make here are never deleted. Last copy: {last}."
        ).format(folder=backup_dir(self._store.data_dir), last=last))

    def _language_chosen(self) -> None:
        choice = self.language_combo.currentData()
        self._settings.setValue(SETTINGS_LANGUAGE, choice)
        app = QApplication.instance()
        if app is not None:
            apply_language(app, choice)
        self.language_changed.emit(choice)

    def _choose_font(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Font for the PDFs"), "",
                                                    self.tr("Fonts (*.ttf *.otf *.ttc)"))
        if name:
            self.set_font_file(Path(name))

    def set_font_file(self, path: Path | None) -> bool:
        """Use ``path`` for the PDFs (None: find a Japanese font on the system); refused if it cannot
        draw Japanese."""
        if path is not None:
            from zairyu.reports.fonts import resolve_fonts  # reportlab: only when a font is chosen

            try:
                resolve_fonts("在留 Zairyu", preferred=path)
            except ZairyuError as exc:
                self._tell(self.tr("Font for the PDFs"), str(exc))
                return False
        self._settings.setValue(SETTINGS_FONT, str(path) if path else "")
        set_preferred_font(path)
        self._show_values()
        return True

    def _choose_packet_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Default folder for packets"), self.packet_edit.text())
        if name:
            self._settings.setValue(SETTINGS_PACKET_FOLDER, name)
            self._show_values()

    def _choose_data_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.folder_value.text())
        if name:
            self.set_data_folder(Path(name))

    def set_data_folder(self, folder: Path | None) -> None:
        """Use ``folder`` for the data from the next start (None: the platform's default folder)."""
        paths.set_chosen_data_dir(folder)
        chosen = folder or paths.default_data_dir()
        self.folder_note.setText(self.tr("From the next start Zairyu uses {folder}. Your data is not moved: "
                                         "copy the folder's contents there first if you want them.").format(
            folder=chosen))

    def back_up_now(self) -> Path | None:
        if self._store is None:
            return None
        try:
            path = self._store.backup()
        except ZairyuError as exc:
            self._tell(self.tr("Back up now"), str(exc))
            return None
        self._show_backups()
        self._tell(self.tr("Back up now"), self.tr("Your data was copied to {path}.").format(path=path))
        return path

    def _choose_backup(self) -> None:
        if self._store is None:
            return
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Restore a backup"),
                                                    str(backup_dir(self._store.data_dir)),
                                                    self.tr("Zairyu backups (*.sqlite3)"))
        if name:
            self.restore(Path(name))

    def restore(self, source: Path) -> bool:
        """Replace the data with the backup ``source``; the current data is kept aside first."""
        if self._store is None:
            return False
        try:
            kept, missing = self._store.restore(source)
        except ZairyuError as exc:
            self._tell(self.tr("Restore a backup"), str(exc))
            return False
        text = self.tr("Restored from {source}. Your data as it was is kept in {kept}.").format(source=source,
                                                                                               kept=kept)
        if missing:
            text += "\n\n" + self.tr("These attached files are missing: {files}").format(files=", ".join(missing))
        self._show_backups()
        self.store_restored.emit()
        self._tell(self.tr("Restore a backup"), text)
        return True

    def _tell(self, title: str, text: str) -> None:
        self.message_box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                                       self)
        self.message_box.open()

    # -- language -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.general_box.setTitle(self.tr("Language and PDFs"))
        self.language_label.setText(self.tr("Language"))
        self.language_combo.setToolTip(self.tr("The language of the window; the documents keep both names."))
        names = {SYSTEM: self.tr("Follow the system"), ENGLISH: "English", JAPANESE: "日本語"}
        for index, choice in enumerate(CHOICES):
            self.language_combo.setItemText(index, names[choice])
        self.font_label.setText(self.tr("PDF font"))
        self.font_edit.setPlaceholderText(self.tr("A Japanese font found on this computer"))
        self.font_edit.setToolTip(self.tr("The font file the PDFs use; it must have Japanese characters."))
        self.font_button.setText(self.tr("Choose…"))
        self.font_clear.setText(self.tr("Automatic"))
        self.packet_label.setText(self.tr("Packets go to"))
        self.packet_edit.setPlaceholderText(self.tr("Your home folder"))
        self.packet_edit.setToolTip(self.tr("The folder the packet export suggests first."))
        self.packet_button.setText(self.tr("Choose…"))
        self.data_box.setTitle(self.tr("Your data"))
        self.folder_label.setText(self.tr("Data folder"))
        self.folder_button.setText(self.tr("Change…"))
        self.folder_button.setToolTip(self.tr("Keep your data in another folder (from the next start)."))
        self.folder_default.setText(self.tr("Default"))
        self.folder_default.setToolTip(self.tr("Keep your data in the usual folder for this system."))
        self.backup_button.setText(self.tr("Back up now"))
        self.backup_button.setToolTip(self.tr("Copy your data now; this copy is never deleted automatically."))
        self.restore_button.setText(self.tr("Restore…"))
        self.restore_button.setToolTip(self.tr("Replace your data with a copy; the current data is kept aside."))
        self._show_backups()
