"""Reading the JSON files a user hands to a command (a points profile, an events file).

One place, so that every unreadable file is reported the same way: one line naming the file and
what is wrong with it, never a traceback. The same parser reads the JSON inside a case archive.

A file from outside may be hostile, so parsing is bounded: nesting deeper than ``MAX_DEPTH`` (the
standard parser recurses and fails near 1000 levels), numbers longer than ``MAX_NUMBER_CHARS``
(Python refuses to convert integers over 4300 digits, and no amount or count is that long) and the
non-standard constants NaN and Infinity are refused before or while parsing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import NoReturn

from zairyu.errors import UserInputError

# The deepest real file (a case archive's case.json) nests 5 levels; a profile 2.
MAX_DEPTH = 64
# A salary in yen has at most 13 digits; 40 characters leave room for any float written in full.
MAX_NUMBER_CHARS = 40
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    # json.loads keeps the last of two equal keys; in a profile that silently drops a value.
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


class _Refused(ValueError):
    """A value the bounded parser does not accept; the message says which."""


def _nesting_depth(text: str) -> int:
    """The deepest bracket nesting outside strings (counted without recursion)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _number(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(f"a number of {len(text)} characters is longer than any value a file holds "
                       f"(at most {MAX_NUMBER_CHARS})")
    return text


def _parse_int(text: str) -> int:
    return int(_number(text))


def _parse_float(text: str) -> float:
    return float(_number(text))


def _refuse_constant(name: str) -> NoReturn:
    raise _Refused(f"{name} is not a number JSON allows")


def parse_json_text(text: str, source: str) -> object:
    """Parse ``text`` within the bounds above; UserInputError ``source: problem`` otherwise."""
    depth = _nesting_depth(text)
    if depth > MAX_DEPTH:
        raise UserInputError(f"{source}: nested {depth} levels deep; a Zairyu file nests at most {MAX_DEPTH}",
                             kind="json_too_deep", file=source)
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicate_keys, parse_int=_parse_int,
                          parse_float=_parse_float, parse_constant=_refuse_constant)
    except _DuplicateKey as exc:
        raise UserInputError(f"{source}: {exc.key}: given twice (which one is meant?)", kind="json_duplicate_key",
                             file=source, field=exc.key) from None
    except _Refused as exc:
        raise UserInputError(f"{source}: {exc}", kind="json_value_refused", file=source) from None
    except json.JSONDecodeError as exc:
        raise UserInputError(f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                             kind="json_invalid", file=source) from None
    except RecursionError:  # not reached within MAX_DEPTH; kept so no input can raise a traceback
        raise UserInputError(f"{source}: nested too deeply", kind="json_too_deep", file=source) from None


def read_json_file(path: Path, what: str) -> object:
    """The parsed JSON of ``path``; ``what`` names the kind of file in messages ("profile")."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserInputError(f"{path}: is a folder, not a file") from None
    except UnicodeDecodeError:
        raise UserInputError(f"{path}: the {what} is not UTF-8 text") from None
    except OSError as exc:
        raise UserInputError(f"{path}: cannot read the {what} ({exc.strerror or exc})") from None
    return parse_json_text(text, str(path))
