"""A date field as the points form and the deadlines page show it (ISO dates, a calendar popup).

Its own module so that a page that only needs the field (the deadlines page, which the start-up
notice imports) does not load the points form and the points engine with it.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31))
    return edit
