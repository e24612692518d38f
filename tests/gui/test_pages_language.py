"""Switching the language in Settings translates, in the running app, every visible string of the
points, deadlines and packet pages and of the Settings dialog itself — and switching back restores
the English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape
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


def table_cells(view: QTableView) -> list[str]:
    model = view.model()
    return [str(model.index(row, column).data() or "") for row in range(model.rowCount())
            for column in range(model.columnCount()) if not view.isColumnHidden(column)]


def test_the_points_engines_texts_are_shown_in_japanese(qtbot: QtBot, qapp: QApplication, store: Store,
                                                        tmp_path: Path, catalog: RouteCatalog,
                                                        restore_english: None) -> None:
    """The warnings, the breakdown's reasons and the best changes come from the points engine, which
    words them in both languages: a Japanese window shows them in Japanese, an English one in English."""
    from gui_pages_helpers import PROFILE

    # 29 on filing, 30 ten days later; a Japanese university and the designated list; room to improve.
    profile = {**PROFILE, "birth_date": "1996-04-11", "application_date": "2026-04-01", "experience_years": 4,
               "work_start_date": "2023-01-01", "annual_salary_yen": 4_500_000,
               "bonuses": ["japanese_n2", "designated_university", "innovation_support_sme"]}
    case_id = hsp_case(store, tmp_path / "files", attach=False, profile=profile)
    language.apply_language(qapp, language.JAPANESE)
    page = PointsPage(CaseSession(store, catalog))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.set_case(case_id)
    warnings = page.warnings_label.text()
    assert "30歳の誕生日" in warnings and "2026-04-11" in warnings and "⑩" in warnings
    assert not english_words(warnings), english_words(warnings)
    cells = table_cells(page.breakdown_view) + table_cells(page.improvements_view)
    assert "最終学歴：修士学位" in cells and "日本語能力試験Ｎ１に合格（又はＢＪＴで480点以上）" in cells
    assert page.improvements_model.rowCount() >= 3
    left_in_english = [text for text in cells if english_words(text)]
    assert not left_in_english, left_in_english

    language.apply_language(qapp, language.ENGLISH)
    qapp.processEvents()
    assert "30th birthday" in page.warnings_label.text()
    english_cells = table_cells(page.breakdown_view) + table_cells(page.improvements_view)
    assert "highest degree: master's degree" in english_cells and "pass JLPT N1 (or BJT 480+)" in english_cells


def test_the_deadlines_notes_are_shown_in_japanese(qtbot: QtBot, qapp: QApplication, store: Store,
                                                   tmp_path: Path, catalog: RouteCatalog,
                                                   restore_english: None) -> None:
    """Each deadline's title and notes (the rule's note, the closed-day advice) come from the
    deadlines engine in both languages: a Japanese window shows the Japanese in the table's tooltip
    and in the detail under it; only the rule's id and its source stay as they are."""
    case_id = hsp_case(store, tmp_path / "files", attach=False)
    store.add_event(case_id, "landed", "2025-10-26")  # due on a Sunday: the municipal closed-day note
    store.add_event(case_id, "stay_expires", "2026-05-03")  # a holiday: the extension's closed-day note
    store.add_event(case_id, "departed", "2026-03-01")  # the special re-entry permit
    language.apply_language(qapp, language.JAPANESE)
    page = DeadlinesPage(CaseSession(store, catalog))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.set_case(case_id)
    model = page.model
    assert model.rowCount() >= 4
    details = []
    for row in range(model.rowCount()):
        page.view.setCurrentIndex(model.index(row, 0))
        tooltip = str(model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole))
        detail = page.detail_label.text()
        source_line = model.rows()[row].source
        details.append(detail)
        assert not english_words(tooltip), (row, english_words(tooltip))
        left = english_words(detail.replace(escape(source_line), " ").replace(model.rows()[row].rule, " "))
        assert not left, (row, left)
    assert any("未確認" in d for d in details), details
    assert any("在留期間の満了日" in d for d in details), details

    language.apply_language(qapp, language.ENGLISH)
    qapp.processEvents()
    page.view.setCurrentIndex(model.index(0, 0))
    texts = [str(model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)) for row in range(model.rowCount())]
    assert any("the municipal office is closed" in t and "UNVERIFIED" in t for t in texts), texts


def test_the_university_lookup_answers_in_japanese(qtbot: QtBot, qapp: QApplication, store: Store,
                                                   tmp_path: Path, catalog: RouteCatalog,
                                                   restore_english: None) -> None:
    case_id = hsp_case(store, tmp_path / "files", attach=False)
    language.apply_language(qapp, language.JAPANESE)
    page = PointsPage(CaseSession(store, catalog))
    qtbot.addWidget(page)
    page.set_case(case_id)
    result = page.form.university_result
    page.form.university_edit.setText("Arizona State University")
    assert "アリゾナ州立大学（米国）" in result.text() and not english_words(result.text())
    page.form.university_edit.setText("Harvardd Universty")
    assert "ハーバード大学" in result.text() and not english_words(result.text()), result.text()
    language.apply_language(qapp, language.ENGLISH)
    qapp.processEvents()
    assert "Harvard University" in result.text()


def test_a_profile_problem_is_worded_in_japanese(qtbot: QtBot, qapp: QApplication, store: Store,
                                                 tmp_path: Path, catalog: RouteCatalog,
                                                 restore_english: None) -> None:
    case_id = hsp_case(store, tmp_path / "files", attach=False)
    language.apply_language(qapp, language.JAPANESE)
    page = PointsPage(CaseSession(store, catalog))
    qtbot.addWidget(page)
    page.set_case(case_id)
    page.form.multiple_degrees.setChecked(True)
    page.form.education_combo.setCurrentIndex(page.form.education_combo.findData("bachelor"))
    text = page.error_label.text()
    assert page.form.field_label("multiple_degrees") in text and "最終学歴" in text
    assert not english_words(text), text
    language.apply_language(qapp, language.ENGLISH)
    qapp.processEvents()
    assert "needs two doctor's/master's/professional degrees" in page.error_label.text()
