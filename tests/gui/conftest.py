"""GUI tests: offscreen, one QApplication for the session (pytest-qt's ``qapp``), and any
unexpected Qt warning fails the test that caused it (the qutebrowser habit)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from zairyu.cli.common import route_catalog
from zairyu.domain.routes import RouteCatalog

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
# Warnings that are expected and harmless, matched as regular expressions (pytest-qt's
# qt_log_ignore). The offscreen platform cannot pass size hints on to a window manager. A machine
# in the "C"/POSIX locale (LC_ALL=C, common in containers and CI) makes Qt switch to C.UTF-8 and say
# so: a fact about the machine, not a fault of the app.
EXPECTED_QT_WARNINGS = (r"This plugin does not support propagateSizeHints\(\)",
                        r"Detected locale \".*\" with character encoding \".*\", which is not UTF-8")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # This hook sees the whole session's items: mark only the ones in this folder, so other
    # areas' Qt tests keep pytest-qt's defaults.
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*EXPECTED_QT_WARNINGS))


@pytest.fixture(scope="session")
def catalog() -> RouteCatalog:
    return route_catalog()


@pytest.fixture(autouse=True, scope="session")
def english_interface() -> Iterator[None]:
    """The tests read English labels whatever the machine's locale (a Japanese test runs with
    its own translator and locale, see test_translations.py)."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
