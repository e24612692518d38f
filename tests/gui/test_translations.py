"""The Japanese translation: built from its source, loaded by the app's start-up code, and used
by the main window (Japanese labels, Japanese names first)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from zairyu import paths
from zairyu.app import install_translators
from zairyu.domain.routes import RouteCatalog, RouteId
from zairyu.gui.case_documents_model import DocColumn
from zairyu.gui.checklist_table_model import Column
from zairyu.gui.main_window import MainWindow
from zairyu.gui.pages.base import PageId
from zairyu.gui.pseudo_translator import PseudoTranslator, pseudo_translate

TRANSLATIONS = paths.resources_dir() / "translations"
TS = TRANSLATIONS / "zairyu_ja.ts"
QM = TRANSLATIONS / "zairyu_ja.qm"


def test_every_message_is_translated() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "ja"
    messages = list(root.iter("message"))
    assert len(messages) > 50
    for message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.text, message.findtext("source")
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), message.findtext("source")
        # Placeholders filled by str.format must survive translation.
        source = message.findtext("source") or ""
        for name in ("{count}", "{date}", "{version}", "{condition}", "{title}", "{months}"):
            assert (name in source) == (name in translation.text), (source, translation.text)


def test_the_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    built = tmp_path / "zairyu_ja.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(built)], check=True, timeout=60)
    assert built.read_bytes() == QM.read_bytes(), "run packaging/build.sh or pyside6-lrelease on the .ts"


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    translators = install_translators(qapp)
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_main_window_in_japanese(japanese: None, qtbot: QtBot, catalog: RouteCatalog) -> None:
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "マイ案件"
    assert window.tabs.tabText(1) == "在留資格別の必要書類"
    window.checklists_page.select_route(RouteId.ENGINEER_SPECIALIST.value)
    route = catalog.get(RouteId.ENGINEER_SPECIALIST.value)
    assert route.name_ja in window.checklists_page.title_label.text()
    assert route.name_en not in window.checklists_page.subtitle_label.text()  # Japanese fields only
    header = window.checklists_page.table_view.horizontalHeader()
    assert header.visualIndex(Column.NAME_JA) < header.visualIndex(Column.NAME_EN)
    model = window.checklists_page.table_view.model()
    assert model.headerData(Column.NAME_EN, header.orientation()) == "書類"
    assert "書類" in window.checklists_page.counts_label.text()
    first = window.checklists_page.current_items()[0].document
    window.checklists_page.table_view.selectRow(0)
    assert window.checklists_page.detail_view.toPlainText().startswith(first.name_ja)
    assert window.case_page.documents_model.headerData(DocColumn.NAME, header.orientation()) == "書類"


def test_pseudo_translation_keeps_placeholders_markup_and_mnemonics() -> None:
    text = pseudo_translate('&Refresh {count} <a href="{url}">source</a> &amp; more', 1.5)
    assert text.startswith("[&R") and text.endswith("~]")
    assert "{count}" in text and '<a href="{url}">' in text and "&amp;" in text
    assert "3" in text.format(count=3, url="u")  # still formattable
    assert len(text) > len("&Refresh {count} source & more") * 1.3


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    translator = PseudoTranslator(1.4)
    qapp.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_layout_fits_1280_by_800_with_40_percent_longer_strings(pseudo: None, qtbot: QtBot, qapp: QApplication,
                                                                catalog: RouteCatalog) -> None:
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    assert window.tabs.tabText(1).startswith("[")
    window.show_page(PageId.CHECKLISTS)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    for route in catalog:
        window.checklists_page.select_route(route.id.value)
        qapp.processEvents()  # let the layouts take the shown/hidden selectors into account
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 800, (route.id, hint)
    assert window.width() == 1280


# English words allowed in a Japanese window: proper names, file types, keys, and what the user typed.
ALLOWED_WORDS = {"Zairyu", "PDF", "JPEG", "PNG", "Ctrl", "Shift", "Tab", "MB", "COE", "IT", "HR", "J-Find", "J-Skip",
                 "Find", "Skip", "Noto", "Sans", "CJK", "JP"}
USER_DATA = ("Ana Souza", "Brazil", "Move to Tokyo")


def visible_texts(widget: QWidget) -> list[str]:
    """Every string a user can read in ``widget`` and its children, apart from data cells."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLabel,
        QLineEdit,
        QTableView,
        QTabWidget,
        QTextBrowser,
        QTreeView,
    )

    texts: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) or child.objectName() == "otherName":  # bilingual on purpose
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QTextBrowser):
            texts.append(child.toPlainText())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QTableView) and child.model() is not None:
            model = child.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
        elif isinstance(child, QTreeView) and child.model() is not None:
            pass  # applicants and case titles: the user's own words
    return texts


def english_words(text: str, shown_on_purpose: tuple[str, ...] = ()) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # markup
    text = re.sub(r"https?://\S+", " ", text)  # links to the sources
    for data in (*USER_DATA, *shown_on_purpose):
        text = text.replace(data, " ")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text) if w not in ALLOWED_WORDS]


def test_no_english_in_the_japanese_window(japanese: None, qtbot: QtBot, tmp_path: Path,
                                           catalog: RouteCatalog) -> None:
    from zairyu.gui.case_session import CaseSession
    from zairyu.store import open_store

    session = CaseSession(open_store(tmp_path / "data", catalog=catalog), catalog)
    session.create_case(route="engineer-specialist", procedure="coe", employer_category=3, title="Move to Tokyo",
                        applicant={"name": "Ana Souza", "nationality": "Brazil"})
    window = MainWindow(catalog, session=session)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    # A document's English name and code are shown beside the Japanese one on purpose.
    names = tuple(sorted({n for r in catalog for d in r.documents for n in (d.name_en, d.code)}, key=len,
                         reverse=True))
    found: dict[str, list[str]] = {}
    for page_id in PageId:
        window.show_page(page_id)
        for text in visible_texts(window.page(page_id)):
            if english_words(text, names):
                found.setdefault(page_id.value, []).append(" ".join(english_words(text, names)))
    menus = [action.text() for menu in window.menuBar().actions() for action in [menu, *menu.menu().actions()]]
    found["menus"] = [text for text in menus if english_words(text)]
    found["status bar"] = [text for text in visible_texts(window.statusBar()) if english_words(text)]
    assert not any(found.values()), found
    session.close()


def test_qt_dialogs_speak_japanese_too(japanese: None) -> None:
    # Qt's own strings (the file dialog's "Look in", the buttons) come from the PySide6
    # installation's qtbase_ja.qm.
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"


def test_a_japanese_ui_font_with_a_bold_face(qapp: QApplication) -> None:
    from PySide6.QtGui import QFont, QFontDatabase

    from zairyu.gui.ui_font import JAPANESE_UI_FAMILIES, apply_ui_font

    installed = [f for f in JAPANESE_UI_FAMILIES if f in QFontDatabase.families()]
    if not installed:
        pytest.skip("no Japanese UI font installed (fonts-noto-cjk)")
    before = qapp.font()
    try:
        family = apply_ui_font(qapp, japanese=True)
        assert family is not None and qapp.font().family() == family
        bold = QFont(family)
        bold.setBold(True)
        # The bold face is the family's own, not a synthesised or fallback one.
        assert QFontDatabase.bold(family, QFontDatabase.styleString(bold))
    finally:
        qapp.setFont(before)
