"""Reading the JSON files a user hands to a command (a points profile, an events file).

One place, so that every unreadable file is reported the same way: one line naming the file and
what is wrong with it, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

from zairyu.errors import UserInputError


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
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
    except _DuplicateKey as exc:
        raise UserInputError(f"{path}: {exc.key}: given twice (which one is meant?)") from None
    except json.JSONDecodeError as exc:
        raise UserInputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
