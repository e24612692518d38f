"""File names and arguments as text that is safe to show, store and print.

A file name comes from the file system, not from the user's keyboard: on Linux it is any bytes
(Python hands undecodable ones over as lone surrogates, which cannot be written to UTF-8 output or
stored in SQLite), and it may hold terminal escapes (ESC), line breaks or the bidirectional
overrides that make ``gpj.exe`` read as ``exe.jpg``. ``display_name`` turns such a name into text
that shows every character for what it is: undecodable bytes become U+FFFD, control and
bidirectional-formatting characters their visible ``\\x1b`` / ``\\u202e`` escapes.
"""

from __future__ import annotations

import unicodedata

# Unicode's bidirectional formatting characters (UAX #9, section 2): embeddings, overrides, isolates, marks.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_undecodable(text: str) -> bool:
    """True when ``text`` holds lone surrogates (bytes that were not valid UTF-8)."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _decoded(text: str) -> str:
    if not has_undecodable(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # surrogates that did not come from undecodable bytes
        return text.encode("utf-8", "replace").decode("utf-8")
    return raw.decode("utf-8", "replace")


def _visible(ch: str) -> str:
    if ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ch


def display_name(text: str) -> str:
    """``text`` with undecodable bytes replaced and control / bidi characters shown as escapes."""
    return "".join(_visible(ch) for ch in _decoded(text))
