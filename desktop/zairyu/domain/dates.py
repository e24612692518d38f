"""Calendar arithmetic for ages and anniversaries.

Age is completed years on a date (the ISA points form counts "申請の時点の年齢"). Someone born
on 29 February is a year older from 1 March in a common year: under 年齢計算ニ関スル法律 and 民法143条
a year of age ends at the end of the day before the anniversary, and with no 29 February the period
ends at the end of 28 February, so the new age starts on 1 March.
"""

from __future__ import annotations

import datetime as dt


def add_years(day: dt.date, years: int) -> dt.date:
    """The same month and day ``years`` later; 29 February becomes 28 February in a common year.

    Used for "within N years" limits (民法143条: no corresponding day → the last day of that month).
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February → common year
        return day.replace(year=day.year + years, day=28)


def anniversary(day: dt.date, year: int) -> dt.date:
    """The day in ``year`` on which someone born on ``day`` becomes a year older (29 Feb → 1 Mar)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years of age on ``on``."""
    years = on.year - birth.year
    if on < anniversary(birth, on.year):
        years -= 1
    return years


def birthday_of_age(birth: dt.date, age: int) -> dt.date:
    """The first day on which someone born on ``birth`` is ``age`` years old."""
    return anniversary(birth, birth.year + age)


def years_between(start: dt.date, end: dt.date) -> float:
    """Elapsed years from ``start`` to ``end`` (negative if end is earlier).

    Whole years are counted on anniversaries, so the value is exactly N on the Nth anniversary and a
    band "N years or more" opens on that day; the remainder is the fraction of the current year.
    """
    if end < start:
        return -years_between(end, start)
    whole = age_on(start, end)
    last = anniversary(start, start.year + whole)
    following = anniversary(start, start.year + whole + 1)
    return whole + (end - last).days / (following - last).days
