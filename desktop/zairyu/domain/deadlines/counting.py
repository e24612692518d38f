"""Period arithmetic by the Civil Code (民法 138–143条).

- Art. 140: a period counted from an event that happens during a day does not count that day;
  counting starts on the next day (the start day, 起算日).
- Art. 141: the period ends at the end of its last day.
- Art. 143: weeks, months and years follow the calendar. A period that does not start at the
  beginning of a month ends on the day before the start day's corresponding day (応当日) in the
  last month; when the last month has no corresponding day, it ends on that month's last day.
  A period that starts on the 1st of a month simply covers whole months.

So "within 14 days" of 26 Oct ends on 9 Nov, and "3 months" from 12 Oct ends on 12 Jan
(visa-niigata.com/saishubi). The one formula below (corresponding day of the start
day, minus one) covers both cases of Art. 143, including start days on the 1st: 3 months from
30 Nov start 1 Dec and end on the last day of February; 1 month from 30 April ends 31 May, not
30 May.
"""

from __future__ import annotations

import calendar
import datetime as dt

ONE_DAY = dt.timedelta(days=1)


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_days(event: dt.date, days: int) -> dt.date:
    """The last day of a period of ``days`` days counted from ``event`` (event day not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    return event + dt.timedelta(days=days)


def add_months(event: dt.date, months: int) -> dt.date:
    """The last day of a period of ``months`` months counted from ``event`` (Civil Code 143)."""
    if months < 0:
        raise ValueError("months must not be negative")
    if months == 0:
        return event
    start = event + ONE_DAY  # Art. 140: the event day is not counted
    year, month = _shift_month(start.year, start.month, months)
    last_day = calendar.monthrange(year, month)[1]
    if start.day > last_day:  # Art. 143(2) proviso: no corresponding day in the last month
        return dt.date(year, month, last_day)
    return dt.date(year, month, start.day) - ONE_DAY


def add_years(event: dt.date, years: int) -> dt.date:
    """The last day of a period of ``years`` years counted from ``event`` (29 Feb + 1 year ends
    on 28 Feb: the start day is 1 March)."""
    return add_months(event, 12 * years)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier, or that month's last day when it has no
    such day. Used for windows that open "about N months before" a date (31 May → 28/29 Feb):
    an administrative approximation, not a Civil Code period."""
    if months < 0:
        raise ValueError("months must not be negative")
    year, month = _shift_month(day.year, day.month, -months)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def earliest_start_covering(target: dt.date, months: int) -> dt.date:
    """The earliest date D such that a period of ``months`` months counted from D still includes
    ``target`` (``add_months(D, months) >= target``).

    "Issued within 3 months before submission": a certificate issued on D may be submitted up to
    ``add_months(D, 3)``; this is the first issue date that still works for ``target``. Computed
    by searching near the calendar estimate with the forward rule itself, so the two never
    disagree.
    """
    candidate = months_before(target, months) - dt.timedelta(days=4)
    while add_months(candidate, months) < target:
        candidate += ONE_DAY
    return candidate
