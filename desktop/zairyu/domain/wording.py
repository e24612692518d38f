"""A sentence the domain says to the user, worded in English and in Japanese at the same place.

``Text`` is a ``str`` whose value is the English: the CLI, the JSON output and the PDFs keep
printing it as before, and every test or caller that reads the English still works. Its ``ja``
attribute is the same sentence in Japanese, built from the same figures, which the desktop app
shows when its interface is Japanese (``in_language``). Writing both wordings in the one place that
computes the figures keeps a single source of truth for each message.
"""

from __future__ import annotations


class Text(str):
    """English (the string itself) with its Japanese wording in ``ja``."""

    ja: str

    def __new__(cls, en: str, ja: str) -> Text:
        text = super().__new__(cls, en)
        text.ja = ja
        return text

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # both wordings survive a copy
        return str(self), self.ja

    @property
    def en(self) -> str:
        return str(self)

    def plus(self, other: Text, *, sep_en: str = " ", sep_ja: str = "") -> Text:
        """This sentence followed by ``other``, in both languages."""
        return Text(f"{self}{sep_en}{other}", f"{self.ja}{sep_ja}{other.ja}")


def in_language(text: str, *, japanese: bool) -> str:
    """The wording of ``text`` to show: its Japanese when asked for and known, else the English."""
    if japanese and isinstance(text, Text):
        return text.ja
    return str(text)


def yen_ja(amount: int) -> str:
    """An amount as an immigration form writes it: 8,000,000円."""
    return f"{amount:,}円"
