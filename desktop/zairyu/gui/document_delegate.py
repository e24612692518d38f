"""Editors for the case's checklist table: a list for status and translation, a calendar date
for the issue date, a line for the notes. Badges are drawn as everywhere else (BadgeDelegate).

A value the store refuses is shown in a dialog naming the field; the cell keeps its old value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from zairyu.errors import ZairyuError
from zairyu.gui.case_documents_model import CaseDocumentsModel, DocColumn
from zairyu.gui.delegates import BadgeDelegate
from zairyu.gui.error_text import error_text
from zairyu.gui.roles import OtherNameRole
from zairyu.store.models import DocumentStatus, TranslationStatus

Index = QModelIndex | QPersistentModelIndex
# QDateEdit has no empty state: its minimum date, shown as a blank, means "no date".
NO_DATE = QDate(1900, 1, 1)


class DocumentDelegate(BadgeDelegate):
    """Also draws the name cell as two lines: the name in the interface's language, and under it,
    smaller, the name in the other one (both matter: the office reads the Japanese one)."""

    PADDING_X = 6

    def __init__(self, model: CaseDocumentsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model

    @staticmethod
    def row_height(font: QFont) -> int:
        return QFontMetrics(font).height() + QFontMetrics(DocumentDelegate._second_font(font)).height() + 12

    @staticmethod
    def _second_font(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        return small

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.column() != DocColumn.NAME:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(colour)
        muted.setAlphaF(0.7)
        first = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        second = str(index.data(OtherNameRole) or "")
        rect = opt.rect.adjusted(self.PADDING_X, 5, -self.PADDING_X, -5)
        painter.save()
        try:
            y = rect.top()
            for font, pen, text in ((opt.font, colour, first), (self._second_font(opt.font), muted, second)):
                metrics = QFontMetrics(font)
                painter.setFont(font)
                painter.setPen(pen)
                painter.drawText(QRect(rect.left(), y, rect.width(), metrics.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
                y += metrics.height()
        finally:
            painter.restore()

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
