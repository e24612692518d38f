"""Which of the two languages the data carries (English, Japanese) the interface shows first.

The rules data has every name in both languages; labels that exist in both (issuers, notes)
follow the interface language, which app.py sets from the system locale when it loads the
translations.
"""

from PySide6.QtCore import QLocale


def prefers_japanese() -> bool:
    return QLocale().language() == QLocale.Language.Japanese
