"""A UI font that has Japanese in every weight it is drawn in.

Qt draws a character the default font lacks with a fallback font, chosen per character: a bold
heading such as 高度専門職1号ロ could get bold kana from one font and regular kanji from another
that has no bold. A Japanese interface therefore uses a Japanese UI font with a bold face (Noto
Sans CJK JP when installed); an English one keeps the system font and takes its Japanese names
from that font too (a font substitution), so they look the same everywhere.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# In order of preference: each has a regular and a bold face on the systems that ship it
# (Debian/Ubuntu fonts-noto-cjk, macOS, Windows).
JAPANESE_UI_FAMILIES = ("Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo UI", "IPAexGothic")


def japanese_family() -> str | None:
    """The first installed family of JAPANESE_UI_FAMILIES that has a bold style."""
    installed = set(QFontDatabase.families())
    for family in JAPANESE_UI_FAMILIES:
        if family in installed and QFontDatabase.isSmoothlyScalable(family) and any(
                "bold" in style.casefold() for style in QFontDatabase.styles(family)):
            return family
    return None


def apply_ui_font(app: QApplication, *, japanese: bool) -> str | None:
    """Set the application font for the interface language; returns the Japanese family used."""
    family = japanese_family()
    if family is None:
        return None
    font = app.font()
    if japanese:
        font.setFamily(family)
        app.setFont(font)
    else:
        QFont.insertSubstitution(font.family(), family)
    return family
