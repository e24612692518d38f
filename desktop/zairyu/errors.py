"""Errors that carry what went wrong in a form each front end can word for itself.

Every layer raises these for bad input. An error has a ``kind`` (a stable identifier such as
``"output_folder_missing"``), the ``field`` or ``file`` it is about (in the domain's words:
``"output"``, ``"max_mb"``, ``"profile.birth_date"``, never a CLI flag), the offending ``value``
and any further ``details``. ``str(error)`` is a plain English sentence naming the field or
file, which is what a caller shows when it has no wording of its own for the kind.

The CLI words an error with its own flags (``field="output"`` becomes ``-o``) and prints it on
one line with exit status 2; the GUI words it with ``tr()`` by kind and shows it in a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class ZairyuError(Exception):
    """Base class: an error whose message is fit to show a user as it is."""

    def __init__(self, message: str, *, kind: str = "invalid", field: str | None = None,
                 file: str | Path | None = None, value: object = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.field = field
        self.file = file
        self.value = value
        self.details = details

    def __str__(self) -> str:
        return self.message


class UserInputError(ZairyuError):
    """The user gave input that cannot be used (a bad argument, file or field)."""


class DataFileError(ZairyuError):
    """A rules file in checklists/ is malformed. Names the file and the key."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"{file}: {key}: {problem}", kind="rules_file_invalid", file=file, field=key,
                         problem=problem)


def output_error(kind: str, output: Path, problem: str) -> UserInputError:
    """An output file that cannot be written: ``"{output}: {problem}"``, field ``"output"``.

    The ``problem`` detail is the sentence without the file, for front ends that name the file
    their own way (the CLI puts its ``-o`` before it)."""
    return UserInputError(f"{output}: {problem}", kind=kind, field="output", file=output, value=str(output),
                          problem=problem)


class StoreError(ZairyuError):
    """The store cannot do what was asked (folder not writable, disk full, damaged file)."""


class StoreBusyError(StoreError):
    """Another process held the write lock for longer than the busy timeout."""
