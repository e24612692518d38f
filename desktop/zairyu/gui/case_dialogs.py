"""Small dialogs of the case workspace: the applicant's details, and a document of one's own.

Each gathers values and hands them to the session on OK (one undoable command); a value the
store refuses is shown in the dialog, which stays open.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zairyu.errors import ZairyuError
from zairyu.gui.error_text import error_text
from zairyu.store import Applicant, TranslationStatus

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession

NO_DATE = QDate(1900, 1, 1)


def _date_edit(parent: QWidget, value: dt.date | None) -> QDateEdit:
    editor = QDateEdit(parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd")
    editor.setMinimumDate(NO_DATE)
    editor.setSpecialValueText(" ")
    editor.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
    return editor


def _date(editor: QDateEdit) -> dt.date | None:
    value = editor.date()
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


class _Dialog(QDialog):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.box = QVBoxLayout(self)
        self.form = QFormLayout()
        self.box.addLayout(self.form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("dialogError")
        self.error_label.setWordWrap(True)
        self.box.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.box.addWidget(buttons)

    def save(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.save()
        except ZairyuError as exc:
            self.error_label.setText(error_text(exc))
            return
        super().accept()


class ApplicantDialog(_Dialog):
    """Name, nationality, birth date, passport and residence-card numbers and expiry dates."""

    def __init__(self, session: CaseSession, applicant: Applicant, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Applicant"))
        self._session = session
        self._applicant = applicant
        self.name_edit = QLineEdit(applicant.name, self)
        self.nationality_edit = QLineEdit(applicant.nationality, self)
        self.birth_edit = _date_edit(self, applicant.birth_date)
        self.passport_edit = QLineEdit(applicant.passport_number, self)
        self.passport_expiry_edit = _date_edit(self, applicant.passport_expiry)
        self.card_edit = QLineEdit(applicant.residence_card_number, self)
        self.card_expiry_edit = _date_edit(self, applicant.residence_card_expiry)
        for label, widget in ((self.tr("&Name"), self.name_edit), (self.tr("Na&tionality"), self.nationality_edit),
                              (self.tr("Date of &birth"), self.birth_edit),
                              (self.tr("&Passport number"), self.passport_edit),
                              (self.tr("Passport &valid until"), self.passport_expiry_edit),
                              (self.tr("&Residence card number"), self.card_edit),
                              (self.tr("Residence card valid &until"), self.card_expiry_edit)):
            self.form.addRow(label, widget)
        self.resize(460, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        return {"name": self.name_edit.text().strip(), "nationality": self.nationality_edit.text().strip(),
                "birth_date": _date(self.birth_edit), "passport_number": self.passport_edit.text().strip(),
                "passport_expiry": _date(self.passport_expiry_edit),
                "residence_card_number": self.card_edit.text().strip(),
                "residence_card_expiry": _date(self.card_expiry_edit)}

    def save(self) -> None:
        changed = {name: value for name, value in self.values().items()
                   if getattr(self._applicant, name) != value}
        if changed:
            self._session.update_applicant(self._applicant.id, **changed)


def document_code(name: str, taken: set[str]) -> str:
    """A code for a document of one's own from its English name: lower-case letters, digits, '-'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40] or "own-document"
    code, number = base, 2
    while code in taken:
        code, number = f"{base}-{number}", number + 1
    return code


class OwnDocumentDialog(_Dialog):
    """A document the route's list does not have (a letter, a certificate the office asked for)."""

    def __init__(self, session: CaseSession, case_id: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a document of your own"))
        self._session = session
        self._case_id = case_id
        self.created_code: str | None = None
        self.name_en_edit = QLineEdit(self)
        self.name_en_edit.setObjectName("ownNameEn")
        self.name_ja_edit = QLineEdit(self)
        self.name_ja_edit.setObjectName("ownNameJa")
        self.translation_box = QCheckBox(self.tr("It needs a Japanese translation"), self)
        self.notes_edit = QLineEdit(self)
        self.form.addRow(self.tr("&Name"), self.name_en_edit)
        self.form.addRow(self.tr("&Japanese name"), self.name_ja_edit)
        self.form.addRow("", self.translation_box)
        self.form.addRow(self.tr("N&otes"), self.notes_edit)
        self.resize(460, self.sizeHint().height())

    def save(self) -> None:
        name = self.name_en_edit.text().strip() or self.name_ja_edit.text().strip()
        taken = {doc.code for doc in self._session.get_case(self._case_id).documents}
        code = document_code(self.name_en_edit.text(), taken)
        translation = TranslationStatus.NEEDED if self.translation_box.isChecked() else TranslationStatus.NOT_NEEDED
        self._session.add_document(self._case_id, code, name, self.name_ja_edit.text().strip(),
                                   translation=translation, notes=self.notes_edit.text().strip())
        self.created_code = code
