"""The range of dates Zairyu accepts wherever a date is typed or read from a file.

A birth date can be in 1900; nothing an application involves (a filing date, an expiry, a work
start) lies beyond the Japanese holiday calendar the deadlines are counted in, less the longest
rule (one year) and a year of margin. Dates outside are typing mistakes (9999-12-31), and letting
them in would only fail later, when a deadline is counted past the year 9999.
"""

from __future__ import annotations

import datetime as dt

from zairyu.domain.deadlines.calendar import LAST_YEAR

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(LAST_YEAR - 2, 12, 31)


class DateOutOfRange(ValueError):
    """A real calendar date outside EARLIEST..LATEST; the message says so in plain words."""

    def __init__(self, day: dt.date) -> None:
        self.day = day
        self.problem = f"is outside the dates Zairyu handles ({EARLIEST.isoformat()} to {LATEST.isoformat()})"
        super().__init__(f"{day.isoformat()} {self.problem}")


def check_date_range(day: dt.date) -> dt.date:
    """``day`` itself when it is within range; DateOutOfRange otherwise."""
    if not EARLIEST <= day <= LATEST:
        raise DateOutOfRange(day)
    return day
