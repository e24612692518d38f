"""What the deadlines share: a calendar entry (for the .ics export) and a severity by nearness."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum

# Fixed forever: UIDs derived from it must stay the same across versions, so that importing a
# calendar again updates its events instead of duplicating them.
UID_NAMESPACE = uuid.UUID("6f0c1d0e-4d7a-5b8e-9a51-7a6972796f75")
UID_DOMAIN = "zairyu.deadlines"


def stable_uid(*parts: str | None) -> str:
    key = "|".join("" if part is None else part for part in parts)
    return f"{uuid.uuid5(UID_NAMESPACE, key)}@{UID_DOMAIN}"


@dataclass(frozen=True)
class CalendarEntry:
    """One all-day calendar event: on ``day`` (the safe day to act), with a stable ``uid``."""

    uid: str
    day: dt.date
    summary: str
    description: str


class Severity(StrEnum):
    """How near a deadline is, relative to today (the GUI colours by it)."""

    OVERDUE = "overdue"  # the safe day to act has passed
    URGENT = "urgent"  # within 14 days
    SOON = "soon"  # within 60 days
    LATER = "later"
    INFO = "info"  # a milestone (a date from which something becomes possible), not a deadline


URGENT_DAYS = 14
SOON_DAYS = 60


def severity_for(day: dt.date, today: dt.date) -> Severity:
    left = (day - today).days
    if left < 0:
        return Severity.OVERDUE
    if left <= URGENT_DAYS:
        return Severity.URGENT
    if left <= SOON_DAYS:
        return Severity.SOON
    return Severity.LATER
