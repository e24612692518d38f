"""Editors for the case's checklist table: a list for status and translation, a calendar date
for the issue date, a line for the notes. Badges are drawn as everywhere else (BadgeDelegate).

A value the store refuses is shown in a dialog naming the field; the cell keeps its old value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QMessageBox, QStyleOptionViewItem, QWidget

from zairyu.errors import ZairyuError
from zairyu.gui.case_documents_model import CaseDocumentsModel, DocColumn
from zairyu.gui.delegates import BadgeDelegate
from zairyu.gui.error_text import error_text
from zairyu.store.models import DocumentStatus, TranslationStatus

Index = QModelIndex | QPersistentModelIndex
# QDateEdit has no empty state: its minimum date, shown as a blank, means "no date".
NO_DATE = QDate(1900, 1, 1)


class DocumentDelegate(BadgeDelegate):
    def __init__(self, model: CaseDocumentsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = DocColumn(index.column())
        if column == DocColumn.STATUS:
            combo = QComboBox(parent)
            for status in DocumentStatus:
                combo.addItem(self._model.status_labels[status], str(status))
            return combo
        if column == DocColumn.TRANSLATION:
            combo = QComboBox(parent)
            for translation in TranslationStatus:
                combo.addItem(self._model.translation_labels[translation], str(translation))
            return combo
        if column == DocColumn.ISSUED:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            editor.setMinimumDate(NO_DATE)
            editor.setSpecialValueText(" ")  # the minimum date reads as empty
            editor.setMaximumDate(QDate.currentDate().addYears(1))
            return editor
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if isinstance(value, QDate) else NO_DATE)
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QDateEdit):
            day = editor.date()
            value = None if day == NO_DATE else dt.date(day.year(), day.month(), day.day())
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        try:
            model.setData(index, value, Qt.ItemDataRole.EditRole)
        except ZairyuError as exc:
            QMessageBox.warning(editor.window(), self.tr("Not saved"), error_text(exc))
