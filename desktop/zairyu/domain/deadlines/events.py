"""The dated events a user enters (the input of ``zairyu deadlines``, and what a case records).

Input shape: ``{"events": [{"type": T, "date": "YYYY-MM-DD"}, ...]}``. An event
may also carry ``person`` (a name or label, for families): it goes into the calendar entries,
and a departure is capped only by the same person's period of stay. Anything else is an error
that names the event (index and type) and the field, so a typo never silently drops a key.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Annotated, Any

from zairyu.domain.data_files import type_adapter
from zairyu.domain.deadlines.calendar import FIRST_YEAR, LAST_YEAR
from zairyu.domain.deadlines.rules import EventType
from zairyu.domain.field_checks import max_length, min_length
from zairyu.errors import UserInputError

# Unknown keys are an error (a misspelt key would otherwise be silently ignored).
_STRICT = {"extra": "forbid"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Dates must leave room for the longest rule (1 year) inside the holiday calendar's range.
MIN_YEAR = FIRST_YEAR + 1
MAX_YEAR = LAST_YEAR - 2


def parse_iso_date(value: object) -> dt.date:
    """A calendar date written as YYYY-MM-DD; anything else (numbers, 2025-02-30) is refused."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        day = value
    elif isinstance(value, str) and _ISO_DATE.match(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a valid date (YYYY-MM-DD)") from None
    else:
        raise ValueError(f"{value!r} is not a date written as YYYY-MM-DD")
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"{day.isoformat()}: the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return day


class _WrittenDate:
    """Marks a date as written by a user: pydantic runs ``parse_iso_date`` on the value instead of
    its own date parsing, which would take a number for a timestamp. pydantic reads this only when
    it builds the validator of the events a user enters."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(parse_iso_date, handler(source))


IsoDate = Annotated[dt.date, _WrittenDate()]


@dataclass(frozen=True, kw_only=True)
class Event:
    """A dated event. What a user enters is validated by ``parse_events`` (pydantic, through a
    TypeAdapter over this dataclass); what the store holds was, before it was stored, and is read
    back by ``stored_events`` without pydantic."""

    __pydantic_config__ = _STRICT

    type: EventType
    date: IsoDate
    person: str | None = None  # 1 to 100 characters

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        min_length("person", self.person, 1)
        max_length("person", self.person, 100)

    def stored(self) -> dict[str, Any]:
        """The event as the store keeps it: an ISO date, no empty keys."""
        return {"type": self.type.value, "date": self.date.isoformat(),
                **({"person": self.person} if self.person is not None else {})}

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> Event:
        """The event ``stored()`` gave; ValueError, KeyError or TypeError when ``stored`` is not one."""
        return cls(type=EventType(stored["type"]), date=dt.date.fromisoformat(stored["date"]),
                   person=stored.get("person"))


ALLOWED_KEYS = tuple(f.name for f in fields(Event))


def _label(index: int, raw: dict[str, Any]) -> str:
    kind = raw.get("type")
    return f"events[{index}] (type={kind})" if isinstance(kind, str) else f"events[{index}]"


def _field_message(error: Any) -> tuple[str, str]:
    field = str(error["loc"][0]) if error["loc"] else "(event)"
    kind = error["type"]
    if kind == "unexpected_keyword_argument":
        return field, f"unknown key; allowed: {', '.join(ALLOWED_KEYS)}"
    if kind == "missing":
        return field, "missing" + (" (YYYY-MM-DD)" if field == "date" else "")
    if kind == "enum":
        valid = ", ".join(e.value for e in EventType)
        return field, f"unknown event type {error['input']!r}; valid: {valid}"
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind == "value_error" and not error["loc"]:  # a check of __post_init__: "KEY: problem"
        field, _, message = message.partition(": ")
    return field, message


def parse_event(raw: object, index: int) -> Event:
    if not isinstance(raw, dict):
        raise UserInputError(f"events[{index}]: must be an object with type and date")
    from pydantic import ValidationError  # only for what a user enters: see Event

    try:
        event: Event = type_adapter(Event).validate_python(raw)
        return event
    except ValidationError as exc:
        # Report the event type first when it is wrong: the other errors depend on it.
        errors = sorted(exc.errors(), key=lambda e: (e["loc"][:1] != ("type",)))
        field, message = _field_message(errors[0])
        raise UserInputError(f"{_label(index, raw)}.{field}: {message}") from None


def parse_events(data: object, source: str = "events") -> list[Event]:
    """Validate an events document (already decoded from JSON). ``source`` (a file name) starts
    every message, e.g. ``trip.json: events[2] (type=moved).date: '2025-02-30' is not a valid
    date (YYYY-MM-DD)``."""
    if not isinstance(data, dict):
        raise UserInputError(f"{source}: must be a JSON object with an \"events\" list")
    unknown = sorted(set(data) - {"events"})
    if unknown:
        raise UserInputError(f"{source}: {unknown[0]}: unknown key; allowed: events")
    events = data.get("events")
    if not isinstance(events, list):
        raise UserInputError(f"{source}: events: " + ("missing" if events is None else "must be a list"))
    try:
        return [parse_event(raw, index) for index, raw in enumerate(events)]
    except UserInputError as exc:
        raise UserInputError(f"{source}: {exc}") from None


def stored_events(events: Iterable[Mapping[str, Any]], source: str = "events") -> list[Event]:
    """A case's events as the store holds them (``Event.stored``: validated by ``parse_events``
    before they were stored), read without validating them again. Events the engine cannot read
    today (stored under older rules) are validated after all, for parse_events' UserInputError."""
    events = list(events)
    try:
        return [Event.from_stored(event) for event in events]
    except (KeyError, TypeError, ValueError):
        return parse_events({"events": events}, source)
