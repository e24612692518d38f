"""Masking identity numbers (My Number, residence card, passport) in text that leaves the app.

- A My Number (個人番号) is 12 digits whose last one is a check digit: 11 minus the remainder of
  sum(P_n × Q_n) divided by 11 (0 when the remainder is 0 or 1), where P_n is the n-th of the first
  11 digits counted from the right and Q_n is n + 1 for n ≤ 6 and n − 5 for n ≥ 7 (番号法施行令
  第8条; 総務省令第85号 (平成26年) 第5条, https://laws.e-gov.go.jp/law/426M60000008085). Its use is
  limited by law to tax, social security and disaster work, and the immigration office asks for
  certificates of residence *without* it, so Zairyu never prints one: twelve digits that pass the
  check are masked in every export, in the log and in crash reports. Digits typed full-width
  (１２３４…) or grouped 4-4-4 are found too.
- A residence card number (在留カード番号) is two letters, eight digits and two letters, the form
  in which the immigration agency's card-number lookup takes it (https://lapse-immi.moj.go.jp/).
- Passport numbers have no common format; the ones the user stored for the case's people are
  masked by value, and in the log anything shaped like one (one or two capital letters and 7–8
  digits, which is how Japan, China, India and many others number them).

A masked value keeps its last two characters, so the user can still tell which number it was
("*******67"); a My Number is masked completely.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MASK = "*"
_DIGIT = "[0-9０-９]"
_MY_NUMBER = re.compile(rf"(?<![0-9０-９]){_DIGIT}{{4}}[ \-‐－　]?{_DIGIT}{{4}}[ \-‐－　]?{_DIGIT}{{4}}(?![0-9０-９])")
_RESIDENCE_CARD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{8}[A-Za-z]{2}(?![A-Za-z0-9])")
_PASSPORT_LIKE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}[0-9]{7,8}(?![A-Za-z0-9])")
_MIN_KNOWN_LENGTH = 5  # shorter stored values would mask ordinary words and numbers


def my_number_check_digit(first_eleven: str) -> int:
    """The check digit of the 11 digits ``first_eleven`` (the ordinance's formula, above)."""
    digits = [int(c) for c in reversed(first_eleven)]  # P_1 is the rightmost
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(digits, start=1))
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_my_number(text: str) -> bool:
    """True for 12 digits (ASCII or full-width, spaces or hyphens between groups) with a valid check digit."""
    digits = "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())
    return len(digits) == 12 and digits.isascii() and my_number_check_digit(digits[:11]) == int(digits[11])


def _mask_keeping_tail(value: str) -> str:
    return MASK * max(len(value) - 2, 1) + value[-2:] if len(value) > 2 else MASK * len(value)


def _mask_all_digits(value: str) -> str:
    return "".join(MASK if c.isdigit() else c for c in value)


def mask_my_numbers(text: str) -> str:
    """``text`` with every My Number masked; other 12-digit numbers (check digit wrong) left alone."""
    return _MY_NUMBER.sub(lambda m: _mask_all_digits(m.group()) if is_my_number(m.group()) else m.group(), text)


class Redactor:
    """Masks identity numbers in text. My Numbers always; with ``identity_numbers`` also residence
    card numbers and the passport and residence-card numbers in ``known`` (the case's people)."""

    def __init__(self, known: Iterable[str] = (), *, identity_numbers: bool = True,
                 passport_shapes: bool = False) -> None:
        self.identity_numbers = identity_numbers
        values = sorted({v.strip() for v in known if len(v.strip()) >= _MIN_KNOWN_LENGTH}, key=len, reverse=True)
        self._known = re.compile("|".join(re.escape(v) for v in values), re.IGNORECASE) if values else None
        self._passport_shapes = passport_shapes

    def __call__(self, text: str) -> str:
        text = mask_my_numbers(text)
        if not self.identity_numbers:
            return text
        if self._known is not None:
            text = self._known.sub(lambda m: _mask_keeping_tail(m.group()), text)
        text = _RESIDENCE_CARD.sub(lambda m: _mask_keeping_tail(m.group()), text)
        if self._passport_shapes:
            text = _PASSPORT_LIKE.sub(lambda m: _mask_keeping_tail(m.group()), text)
        return text

    def optional(self, text: str | None) -> str | None:
        return None if text is None else self(text)


# What the log file and crash reports pass their text through: no stored values are at hand there,
# so the shapes stand in for them.
redact_log_text = Redactor(identity_numbers=True, passport_shapes=True)
