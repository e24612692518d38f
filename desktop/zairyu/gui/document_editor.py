"""The document editor: the side panel of the case workspace for the chosen document.

Where the document stands (status, translation and translator, issue and expiry dates, copies,
notes), what it
is (both names, issuer, why it is needed, the source of the rule) and its files, with thumbnails.
Each change is saved at once through the session (one undoable command). Files are added with
the button or by dropping them on the panel; they open in the system's viewer.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zairyu.domain.routes import FRESHNESS_RULES, ISSUER_LABELS, DocumentSpec, TranslationRule
from zairyu.errors import ZairyuError
from zairyu.gui.attachments_model import THUMBNAIL_SIZE, AttachmentsModel, ThumbnailCache
from zairyu.gui.case_documents_model import CaseDocumentsModel
from zairyu.gui.document_detail import unverified_reason
from zairyu.gui.error_text import error_text
from zairyu.gui.roles import AttachmentRole
from zairyu.gui.ui_language import prefers_japanese
from zairyu.store import Attachment, CaseDocument, DocumentStatus, TranslationStatus

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession

NO_DATE = QDate(1900, 1, 1)  # QDateEdit has no empty state: its minimum, shown blank, means none


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files of a drag (file managers and mail programs send file URLs)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _date_edit(parent: QWidget) -> QDateEdit:
    editor = QDateEdit(parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd")
    editor.setMinimumDate(NO_DATE)
    editor.setSpecialValueText(" ")  # the minimum date reads as empty
    return editor


def _to_qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value is not None else NO_DATE


def _from_qdate(value: QDate) -> dt.date | None:
    return None if value == NO_DATE or not value.isValid() else dt.date(value.year(), value.month(), value.day())


class DocumentEditor(QFrame):
    # The user added files (button or drop): the page attaches them off the GUI thread.
    files_chosen = Signal(str, list)  # document code, [Path]
    add_files_requested = Signal()

    def __init__(self, session: CaseSession, model: CaseDocumentsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentEditor")
        self.setAcceptDrops(True)
        self._session = session
        self._model = model
        self._japanese = prefers_japanese()
        self._case_id: int | None = None
        self._code: str | None = None
        self._loading = False
        self.thumbnails = ThumbnailCache(self)
        self.attachments_model = AttachmentsModel(self.thumbnails, self)
        self._build()
        session.document_changed.connect(self._document_changed)
        self.show_document(None, None)

    # -- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the fields narrow instead
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)

        self.name_label = QLabel(body)
        self.name_label.setObjectName("editorTitle")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.other_name_label = QLabel(body)
        # The document's name in the other language: both are shown on purpose (the office
        # wants the Japanese name, the issuer abroad the English one).
        self.other_name_label.setObjectName("otherName")
        self.other_name_label.setWordWrap(True)
        self.other_name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint_label = QLabel(body)
        self.hint_label.setWordWrap(True)
        self.hint_label.setObjectName("editorHint")
        layout.addWidget(self.name_label)
        layout.addWidget(self.other_name_label)
        layout.addWidget(self.hint_label)

        self.form_widget = QWidget(body)
        form = QFormLayout(self.form_widget)
        form.setContentsMargins(0, 6, 0, 6)
        self.status_combo = QComboBox(self.form_widget)
        for status in DocumentStatus:
            self.status_combo.addItem(self._model.status_labels[status], str(status))
        self.translation_combo = QComboBox(self.form_widget)
        for translation in TranslationStatus:
            self.translation_combo.addItem(self._model.translation_labels[translation], str(translation))
        self.translator_edit = QLineEdit(self.form_widget)
        self.translator_edit.setPlaceholderText(self.tr("Who translates it"))
        self.issued_edit = _date_edit(self.form_widget)
        self.expiry_edit = _date_edit(self.form_widget)
        for combo in (self.status_combo, self.translation_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.copies_spin = QSpinBox(self.form_widget)
        self.copies_spin.setRange(0, 99)
        self.notes_edit = QPlainTextEdit(self.form_widget)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().height() * 4 + 12)
        self.notes_edit.installEventFilter(self)  # saved when the field loses focus
        form.addRow(self.tr("&Status"), self.status_combo)
        form.addRow(self.tr("&Translation"), self.translation_combo)
        form.addRow(self.tr("Trans&lator"), self.translator_edit)
        form.addRow(self.tr("&Issued on"), self.issued_edit)
        form.addRow(self.tr("&Valid until"), self.expiry_edit)
        form.addRow(self.tr("&Copies"), self.copies_spin)
        form.addRow(self.tr("&Notes"), self.notes_edit)
        layout.addWidget(self.form_widget)
        self.status_combo.activated.connect(lambda _i: self._save(status=self.status_combo.currentData()))
        self.translation_combo.activated.connect(
            lambda _i: self._save(translation=self.translation_combo.currentData()))
        self.translator_edit.editingFinished.connect(lambda: self._save(translator=self.translator_edit.text()))
        self.issued_edit.editingFinished.connect(lambda: self._save(issued=_from_qdate(self.issued_edit.date())))
        self.expiry_edit.editingFinished.connect(lambda: self._save(expiry=_from_qdate(self.expiry_edit.date())))
        self.copies_spin.editingFinished.connect(lambda: self._save(copies=self.copies_spin.value()))

        files_heading = QLabel(self.tr("Files"), body)
        files_heading.setObjectName("editorHeading")
        layout.addWidget(files_heading)
        self.files_view = QListView(body)
        self.files_view.setObjectName("attachmentsView")
        self.files_view.setModel(self.attachments_model)
        self.files_view.setViewMode(QListView.ViewMode.IconMode)
        self.files_view.setIconSize(THUMBNAIL_SIZE)
        self.files_view.setGridSize(QSize(THUMBNAIL_SIZE.width() + 40, THUMBNAIL_SIZE.height() + 44))
        self.files_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.files_view.setMovement(QListView.Movement.Static)
        self.files_view.setWordWrap(True)
        self.files_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files_view.setMinimumHeight(THUMBNAIL_SIZE.height() + 56)
        self.files_view.setAccessibleName(self.tr("Files"))
        self.files_view.activated.connect(self._open)
        self.files_view.setAcceptDrops(False)  # drops land on the panel
        layout.addWidget(self.files_view)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add files…"), body)
        self.add_button.setToolTip(self.tr("Attach scans (PDF, JPEG, PNG), or drop them here"))
        self.add_button.clicked.connect(self.add_files_requested)
        self.open_button = QPushButton(self.tr("&Open"), body)
        self.open_button.clicked.connect(lambda: self._open(self.files_view.currentIndex()))
        self.remove_button = QPushButton(self.tr("&Remove"), body)
        self.remove_button.clicked.connect(self._remove)
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.drop_hint = QLabel(self.tr("Drop scans here to attach them."), body)
        self.drop_hint.setObjectName("editorHint")
        layout.addWidget(self.drop_hint)

        about_heading = QLabel(self.tr("About this document"), body)
        about_heading.setObjectName("editorHeading")
        layout.addWidget(about_heading)
        self.about_label = QLabel(body)
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.RichText)
        self.about_label.setOpenExternalLinks(True)  # a click opens the browser; the app never fetches
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.about_label)
        layout.addStretch(1)
        self.files_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.about_label.setMinimumWidth(1)  # long links wrap; they never widen the panel
        # Never narrower than its fields and buttons (a translation may make them longer).
        scroll_bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(body.minimumSizeHint().width() + scroll_bar + 2)

    # -- showing a document ---------------------------------------------------------------------

    @property
    def code(self) -> str | None:
        return self._code

    def show_document(self, case_id: int | None, code: str | None) -> None:
        self._save_notes()
        self._case_id, self._code = case_id, code
        self._reload()

    def _document_changed(self, case_id: int, code: str) -> None:
        if (case_id, code) == (self._case_id, self._code):
            self._reload()

    def _current(self) -> CaseDocument | None:
        if self._case_id is None or self._code is None:
            return None
        row = self._model.row_of(self._code)
        return self._model.document(row) if row is not None else None

    def _spec(self, code: str) -> DocumentSpec | None:
        case = self._model.case
        if case is None:
            return None
        try:
            route = self._session.catalog.get(case.route)
        except ZairyuError:
            return None
        return next((doc for doc in route.documents if doc.code == code), None)

    def _reload(self) -> None:
        doc = self._current()
        enabled = doc is not None
        self.form_widget.setEnabled(enabled)
        for widget in (self.add_button, self.files_view):
            widget.setEnabled(enabled)
        self.setAcceptDrops(enabled)
        if doc is None:
            self.name_label.setText("")
            self.other_name_label.setText("")
            self.hint_label.setText(self.tr("Choose a document in the list to see and change it."))
            self.about_label.setText("")
            self.attachments_model.set_attachments([])
            self._update_buttons()
            return
        self._loading = True
        try:
            first, second = self._model.names(doc)
            self.name_label.setText(first)
            self.other_name_label.setText(second if second != first else "")
            self.hint_label.setText(self.tr("Added by you") if doc.user_added else "")
            self.status_combo.setCurrentIndex(max(self.status_combo.findData(str(doc.status)), 0))
            self.translation_combo.setCurrentIndex(max(self.translation_combo.findData(str(doc.translation)), 0))
            if self.translator_edit.text() != doc.translator:
                self.translator_edit.setText(doc.translator)
            self.issued_edit.setDate(_to_qdate(doc.issued))
            self.expiry_edit.setDate(_to_qdate(doc.expiry))
            self.copies_spin.setValue(doc.copies)
            if self.notes_edit.toPlainText() != doc.notes:
                self.notes_edit.setPlainText(doc.notes)
            self.about_label.setText(self._about_html(doc))
            self.attachments_model.set_attachments(doc.attachments)
        finally:
            self._loading = False
        self._update_buttons()

    def _about_html(self, doc: CaseDocument) -> str:
        spec = self._spec(doc.code)
        if spec is None:
            return escape(self.tr("A document you added; Zairyu has no rule for it.")) if doc.user_added else ""
        ja = self._japanese
        issuer_en, issuer_ja = ISSUER_LABELS[spec.issuer]
        rows = [(self.tr("Issued by"), escape(issuer_ja if ja else issuer_en))]
        why = [t for t in ((spec.when.note_ja, spec.notes_ja) if ja else (spec.when.note_en, spec.notes_en)) if t]
        if why:
            rows.append((self.tr("Why it is needed"), "<br>".join(escape(t) for t in why)))
        if spec.freshness is not None:
            _months, english, japanese, _source = FRESHNESS_RULES[spec.freshness]
            rows.append((self.tr("Freshness"), escape(japanese if ja else english)))
        if spec.foreign_language:
            rows.append((self.tr("Translation"), escape(self.tr(
                "Usually in a foreign language: attach a Japanese translation."))))
        elif spec.translation_rule is TranslationRule.IF_NOT_JAPANESE:
            rows.append((self.tr("Translation"), escape(self.tr(
                "If it is not in Japanese (an English contract, for example), attach a Japanese translation."))))
        rows.append((self.tr("Source"), f'<a href="{escape(spec.source, quote=True)}">{escape(spec.source)}</a>'))
        html = []
        if spec.unverified:
            badge = self.tr("UNVERIFIED")
            html.append(f"<p style='background:#fff3cd; color:#3d2c00; padding:4px'><b>"
                        f"{escape(badge)}</b> — {escape(unverified_reason(spec, ja))}</p>")
        html.append("<table cellspacing='0' cellpadding='2'>")
        html += [f"<tr><td style='color:#808080; padding-right:10px' valign='top'>{escape(label)}</td>"
                 f"<td valign='top'>{value}</td></tr>" for label, value in rows]
        html.append("</table>")
        return "".join(html)

    def _update_buttons(self) -> None:
        chosen = self.files_view.currentIndex().isValid()
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- changes --------------------------------------------------------------------------------

    def _save(self, **changes: Any) -> None:
        if self._loading or self._case_id is None or self._code is None:
            return
        try:
            self._session.set_document(self._case_id, self._code, **changes)
        except ZairyuError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            self._reload()

    def _save_notes(self) -> None:
        doc = self._current()
        if doc is not None and self.notes_edit.toPlainText() != doc.notes:
            self._save(notes=self.notes_edit.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes_edit and event.type() == QEvent.Type.FocusOut:
            self._save_notes()
        return super().eventFilter(watched, event)

    def _open(self, index: QModelIndex) -> None:
        attachment = index.data(AttachmentRole) if index.isValid() else None
        if not isinstance(attachment, Attachment):
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(attachment.path))):
            QMessageBox.information(self, self.tr("Open"), self.tr(
                "No program to show this file was found on this computer. The file is here:\n\n{path}").format(
                    path=attachment.path))

    def _remove(self) -> None:
        attachment = self.files_view.currentIndex().data(AttachmentRole)
        if not isinstance(attachment, Attachment) or self._case_id is None or self._code is None:
            return
        try:
            self._session.detach(self._case_id, self._code, attachment)
        except ZairyuError as exc:
            QMessageBox.warning(self, self.tr("Not removed"), error_text(exc))

    # -- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._code is not None and dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction() if self._code is not None else event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event)
        if self._code is not None and files:
            event.acceptProposedAction()
            self.files_chosen.emit(self._code, files)
