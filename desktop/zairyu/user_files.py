"""Reading the JSON files a user hands to a command (a points profile, an events file).

One place, so that every unreadable file is reported the same way: one line naming the file and
what is wrong with it, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

from zairyu.errors import UserInputError


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
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserInputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
