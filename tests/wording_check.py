"""What a Japanese wording may keep in Latin letters: numbers, units and proper names.

Shared by the tests of the points engine's and the deadlines' Japanese texts."""

from __future__ import annotations

import re

# Proper names and the form's own abbreviations (「経営管理に関する専門職学位（MBA，MOT）」, 「IT告示」).
ALLOWED = {"MBA", "MOT", "IT", "ISA", "J-Skip", "J-Find", "HSP", "COE", "JICA"}


def foreign_words(text: str) -> list[str]:
    """The Latin-letter words of ``text`` that are not allowed in a Japanese sentence."""
    return [w for w in re.findall(r"[A-Za-z][A-Za-z-]*", text) if w not in ALLOWED]


def is_japanese(text: str) -> bool:
    return bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)) and not foreign_words(text)
