"""Calendar export (.ics, RFC 5545) of deadlines, with ``icalendar``.

One all-day event per deadline on its safe day to act (``act_by``; the legal due date is in the
description), a display reminder some days before it, and a UID derived from the deadline's rule
and event, so importing a newer export updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from zairyu import __version__
from zairyu.domain.deadlines.entries import CalendarEntry
from zairyu.errors import UserInputError

if TYPE_CHECKING:
    from icalendar import Calendar

PRODID = "-//Zairyu//Zairyu deadlines {version}//EN"
DEFAULT_REMINDER_DAYS = 7


class HasCalendarEntry(Protocol):
    def calendar_entry(self) -> CalendarEntry: ...


def _entry(item: CalendarEntry | HasCalendarEntry) -> CalendarEntry:
    return item if isinstance(item, CalendarEntry) else item.calendar_entry()


def build_calendar(items: Iterable[CalendarEntry | HasCalendarEntry], *,
                   reminder_days: int = DEFAULT_REMINDER_DAYS, now: dt.datetime | None = None) -> Calendar:
    # icalendar (with dateutil) is imported when a calendar is made, not with the window that offers it.
    from icalendar import Alarm, Calendar, Event

    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID.format(version=__version__))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Zairyu deadlines")
    seen: set[str] = set()
    for item in items:
        entry = _entry(item)
        if entry.uid in seen:  # the same deadline twice would make calendars reject the file
            continue
        seen.add(entry.uid)
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)  # a date, not a datetime: an all-day event
        event.add("dtend", entry.day + dt.timedelta(days=1))
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")
        if reminder_days > 0:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", entry.summary)
            alarm.add("trigger", dt.timedelta(days=-reminder_days))
            event.add_component(alarm)
        cal.add_component(event)
    return cal


def ics_bytes(items: Iterable[CalendarEntry | HasCalendarEntry], *,
              reminder_days: int = DEFAULT_REMINDER_DAYS, now: dt.datetime | None = None) -> bytes:
    return build_calendar(items, reminder_days=reminder_days, now=now).to_ical()


def write_ics(items: Iterable[CalendarEntry | HasCalendarEntry], path: str | os.PathLike[str], *,
              reminder_days: int = DEFAULT_REMINDER_DAYS, now: dt.datetime | None = None) -> Path:
    """Write the calendar atomically (temp file in the same folder, fsync, rename): a crash never
    leaves a half-written file where the old one was."""
    target = Path(path)
    data = ics_bytes(items, reminder_days=reminder_days, now=now)
    if not target.parent.is_dir():
        raise UserInputError(f"{target}: the folder {target.parent} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise UserInputError(f"{target}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise UserInputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
