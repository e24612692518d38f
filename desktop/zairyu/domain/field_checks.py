"""Ranges, lengths and patterns of a dataclass's fields, checked in its ``__post_init__``.

The rules files' models (and the events a user enters) are plain dataclasses that pydantic
validates; pydantic's own constraints (``Field(ge=1)``) would need pydantic to define the class,
so these checks run after the types instead. They word each problem as pydantic words the same
constraint, so a mistake in a rules file reads the same whichever way its model is written.
"""

from __future__ import annotations

import re
from collections.abc import Sized

from zairyu.domain.routes import check


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def at_least(key: str, value: float | None, minimum: float) -> None:
    check(value is None or value >= minimum, key, f"Input should be greater than or equal to {minimum}")


def more_than(key: str, value: float | None, bound: float) -> None:
    check(value is None or value > bound, key, f"Input should be greater than {bound}")


def at_most(key: str, value: float | None, maximum: float) -> None:
    check(value is None or value <= maximum, key, f"Input should be less than or equal to {maximum}")


def min_length(key: str, value: Sized | None, minimum: int) -> None:
    """The least length of a string or a list."""
    if value is None:
        return
    if isinstance(value, str):
        problem = f"String should have at least {_plural(minimum, 'character')}"
    else:
        problem = f"List should have at least {_plural(minimum, 'item')} after validation, not {len(value)}"
    check(len(value) >= minimum, key, problem)


def max_length(key: str, value: str | None, maximum: int) -> None:
    check(value is None or len(value) <= maximum, key, f"String should have at most {_plural(maximum, 'character')}")


def matches(key: str, value: str, pattern: re.Pattern[str]) -> None:
    """``value`` is all of ``pattern`` (written without ^ and $)."""
    check(pattern.fullmatch(value), key, f"String should match pattern '^{pattern.pattern}$'")
