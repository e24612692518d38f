"""Events are checked by the deadlines engine before they are stored, so every event a
case holds can be fed straight back to it (``{"type", "date", "person"?}``, read by
``stored_events`` without checking it again)."""

from __future__ import annotations

from typing import Any


def validate_event(event: dict[str, Any], source: str = "event") -> dict[str, Any]:
    """The event in its stored form (ISO date, no empty keys); UserInputError naming the field."""
    from zairyu.domain.deadlines import parse_events

    return parse_events({"events": [event]}, source=source)[0].stored()
