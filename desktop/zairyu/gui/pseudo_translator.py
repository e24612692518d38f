"""Pseudo-localisation: every interface string stretched and accented, to catch layouts that
break with longer text or other scripts (the Vorta habit). Turn it on with
``ZAIRYU_PSEUDO_L10N=1.4`` (the stretch factor; 1.4 if the value is not a number).

Placeholders (``{count}``), HTML tags and entities, and ``&`` mnemonics are kept as they are, so
the pseudo-translated strings still work.
"""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import QTranslator

ENV_VAR = "ZAIRYU_PSEUDO_L10N"
DEFAULT_SCALE = 1.4

_KEEP = re.compile(r"(\{[A-Za-z_]+\}|<[^>]*>|&[A-Za-z#0-9]+;|&&|&(?=\S))")
_ACCENTS = str.maketrans(
    "AaCcEeIiNnOoSsUuYyZz",
    "ÅåÇçÉéÎîÑñÖöŠšÜüÝýŽž",
)


def pseudo_translate(text: str, scale: float = DEFAULT_SCALE) -> str:
    parts = _KEEP.split(text)
    out = [part if index % 2 else part.translate(_ACCENTS) for index, part in enumerate(parts)]
    visible = sum(len(part) for index, part in enumerate(parts) if index % 2 == 0)
    padding = "~" * max(1, math.ceil(visible * (scale - 1)))
    return "[" + "".join(out) + padding + "]"


def scale_from_env(value: str) -> float:
    try:
        scale = float(value)
    except ValueError:
        return DEFAULT_SCALE
    return scale if 1.0 <= scale <= 3.0 else DEFAULT_SCALE


class PseudoTranslator(QTranslator):
    def __init__(self, scale: float = DEFAULT_SCALE, parent: Any = None) -> None:
        super().__init__(parent)
        self._scale = scale

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return pseudo_translate(source_text, self._scale)

    def isEmpty(self) -> bool:
        return False
