"""Switching the interface language while the app runs: Japanese, English, or the system's.

The choice is kept in the settings (``ui/language``). Applying it sets Qt's default locale (which
``ui_language.prefers_japanese`` and number formats follow) and replaces the translators; Qt then
sends every widget a ``LanguageChange`` event, on which each page sets its texts again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

SETTINGS_LANGUAGE = "ui/language"
SYSTEM, ENGLISH, JAPANESE = "system", "en", "ja"
CHOICES = (SYSTEM, ENGLISH, JAPANESE)

_installed: list[QTranslator] = []


def saved_language(settings: QSettings | None) -> str:
    value = settings.value(SETTINGS_LANGUAGE) if settings is not None else None
    return value if isinstance(value, str) and value in CHOICES else SYSTEM


def locale_for(choice: str) -> QLocale:
    if choice == JAPANESE:
        return QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
    if choice == ENGLISH:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale.system()


def adopt_translators(translators: list[Any]) -> None:
    """Remember the translators start-up installed, so a later switch replaces them."""
    _installed[:] = [t for t in translators if isinstance(t, QTranslator)]


def apply_language(app: QCoreApplication, choice: str) -> None:
    """Make ``choice`` the interface language now (every open window retranslates itself)."""
    from zairyu.app import install_translators

    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(locale_for(choice))
    # Removing and installing translators posts LanguageChange to every window, which passes it on
    # to each of its widgets.
    _installed[:] = install_translators(app)
