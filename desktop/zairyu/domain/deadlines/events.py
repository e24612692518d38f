"""The dated events a user enters (the input of ``zairyu deadlines``, and what a case records).

Input shape: ``{"events": [{"type": T, "date": "YYYY-MM-DD"}, ...]}``. An event
may also carry ``person`` (a name or label, for families): it goes into the calendar entries,
and a departure is capped only by the same person's period of stay. Anything else is an error
that names the event (index and type) and the field, so a typo never silently drops a key.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from zairyu.domain.deadlines.calendar import FIRST_YEAR, LAST_YEAR
from zairyu.domain.deadlines.rules import EventType
from zairyu.errors import UserInputError

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


IsoDate = Annotated[dt.date, BeforeValidator(parse_iso_date)]


class Event(BaseModel):
    # defer_build: the validator is built at the first validation, not when the window imports this.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    type: EventType
    date: IsoDate
    person: Annotated[str, Field(min_length=1, max_length=100)] | None = None


ALLOWED_KEYS = tuple(Event.model_fields)


def _label(index: int, raw: dict[str, Any]) -> str:
    kind = raw.get("type")
    return f"events[{index}] (type={kind})" if isinstance(kind, str) else f"events[{index}]"


def _field_message(error: Any) -> tuple[str, str]:
    field = str(error["loc"][0]) if error["loc"] else "(event)"
    kind = error["type"]
    if kind == "extra_forbidden":
        return field, f"unknown key; allowed: {', '.join(ALLOWED_KEYS)}"
    if kind == "missing":
        return field, "missing" + (" (YYYY-MM-DD)" if field == "date" else "")
    if kind == "enum":
        valid = ", ".join(e.value for e in EventType)
        return field, f"unknown event type {error['input']!r}; valid: {valid}"
    message = str(error["msg"]).removeprefix("Value error, ")
    return field, message


def parse_event(raw: object, index: int) -> Event:
    if not isinstance(raw, dict):
        raise UserInputError(f"events[{index}]: must be an object with type and date")
    try:
        return Event.model_validate(raw)
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
