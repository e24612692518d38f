"""Switching the language in Settings translates, in the running app, every visible string of the
points, deadlines and packet pages and of the Settings dialog itself — and switching back restores
the English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_pages_helpers import hsp_case
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from zairyu.domain.routes import RouteCatalog
from zairyu.gui import language
from zairyu.gui.case_session import CaseSession
from zairyu.gui.pages.deadlines_page import DeadlinesPage
from zairyu.gui.pages.packet_page import PacketPage
from zairyu.gui.pages.points_page import PointsPage
from zairyu.gui.settings_dialog import SettingsDialog
from zairyu.gui.ui_language import prefers_japanese
from zairyu.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path, catalog: RouteCatalog) -> Iterator[Store]:
    with open_store(tmp_path / "data", catalog=catalog) as opened:
        yield opened


@pytest.fixture
def restore_english(qapp: QApplication) -> Iterator[None]:
    yield
    language.apply_language(qapp, language.ENGLISH)
    for translator in list(language._installed):
        QCoreApplication.removeTranslator(translator)
    language._installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every string a person sees in ``root``: labels, buttons, group titles, placeholders and
    table headers, keyed by where it is."""
    texts: dict[str, str] = {}
    widgets = [root, *root.findChildren(QWidget)]
    for index, widget in enumerate(widgets):
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.property("data_text"):
            continue  # a path or a number: the same in every language
        key = f"{index}:{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text().strip():
            texts[key] = widget.text()
        elif isinstance(widget, QGroupBox) and widget.title():
            texts[key] = widget.title()
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            texts[key] = widget.placeholderText()
        elif isinstance(widget, QTableView):
            model = widget.model()
            for column in range(model.columnCount()):
                if not widget.isColumnHidden(column):
                    texts[f"{key}:header{column}"] = str(model.headerData(column, Qt.Orientation.Horizontal))
    if root.isWindow() and root.windowTitle():
        texts["window title"] = root.windowTitle()
    return texts


# English a Japanese window may show: names, file types, keys, the user's own data.
ALLOWED_WORDS = {"Zairyu", "PDF", "JPEG", "PNG", "Ctrl", "MB", "KB", "J-Skip", "Skip", "ISA", "English"}
USER_DATA = ("Move to HSP", "Alex Example", "first.pdf", "photo.jpg")


def japanese_window_texts(root: QWidget) -> list[str]:
    """The visible strings, with every item of every combo box."""
    from PySide6.QtWidgets import QComboBox

    texts = list(visible_texts(root).values())
    for combo in root.findChildren(QComboBox):
        if combo.isVisibleTo(root):
            texts += [combo.itemText(i) for i in range(combo.count())]
    return texts


def english_words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"/\S+", " ", text)  # a path
    for data in USER_DATA:
        text = text.replace(data, " ")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text) if w not in ALLOWED_WORDS]


def test_switching_the_language_translates_every_visible_string(qtbot: QtBot, qapp: QApplication, store: Store,
                                                                tmp_path: Path, catalog: RouteCatalog,
                                                                restore_english: None) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    case_id = hsp_case(store, tmp_path / "files")
    session = CaseSession(store, catalog)
    points, deadlines, packet = PointsPage(session), DeadlinesPage(session), PacketPage(session, settings=settings)
    session.set_current_case(case_id)
    dialog = SettingsDialog(settings, store)
    roots: list[QWidget] = [points, deadlines, packet, dialog]
    for root in roots:
        qtbot.addWidget(root)
        root.resize(1280, 800)
        root.show()
    english = {id(root): visible_texts(root) for root in roots}
    assert sum(len(t) for t in english.values()) > 100

    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language.JAPANESE))
    qapp.processEvents()
    assert prefers_japanese() and settings.value(language.SETTINGS_LANGUAGE) == "ja"
    for root in roots:
        japanese = visible_texts(root)
        unchanged = {key: text for key, text in english[id(root)].items() if japanese.get(key) == text}
        assert not unchanged, (root.objectName(), unchanged)
    # Nothing left in English but names, file types and what the user entered.
    for root in roots:
        left_in_english = [text for text in japanese_window_texts(root) if english_words(text)]
        assert not left_in_english, (root.objectName(), left_in_english)
    assert points.title_label.text() == "ポイント"
    assert deadlines.title_label.text() == "期限"
    assert packet.title_label.text() == "提出書類一式"

    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language.ENGLISH))
    qapp.processEvents()
    assert not prefers_japanese()
    for root in roots:
        assert visible_texts(root) == english[id(root)], root.objectName()


def test_the_engines_english_warnings_are_summed_up_in_japanese(qtbot: QtBot, qapp: QApplication, store: Store,
                                                                tmp_path: Path, catalog: RouteCatalog,
                                                                restore_english: None) -> None:
    from gui_pages_helpers import PROFILE

    case_id = hsp_case(store, tmp_path / "files", attach=False,
                       profile={**PROFILE, "birth_date": "1996-04-11", "application_date": "2026-04-01"})
    language.apply_language(qapp, language.JAPANESE)
    page = PointsPage(CaseSession(store, catalog))
    qtbot.addWidget(page)
    page.set_case(case_id)
    assert "誕生日" in page.warnings_label.text() and not english_words(page.warnings_label.text())
    assert "birthday" in page.warnings_label.toolTip() and "2026-04-11" in page.warnings_label.toolTip()
