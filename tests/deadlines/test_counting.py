"""Civil Code period arithmetic (民法 140–143条), with the worked examples of visa-niigata.com/saishubi."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zairyu.domain.deadlines.counting import (
    add_days,
    add_months,
    add_years,
    earliest_start_covering,
    months_before,
)

D = dt.date


def reference_month_end(event: dt.date, months: int) -> dt.date:
    """Art. 143 written the other way: a start day on the 1st covers whole months; otherwise the
    day before the corresponding day, or the last day of a month without one."""
    start = event + dt.timedelta(days=1)
    index = start.year * 12 + start.month - 1 + months
    year, month = index // 12, index % 12 + 1
    if start.day == 1:
        index -= 1
        last_year, last_month = index // 12, index % 12 + 1
        return D(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    if start.day > calendar.monthrange(year, month)[1]:
        return D(year, month, calendar.monthrange(year, month)[1])
    return D(year, month, start.day) - dt.timedelta(days=1)


def test_fourteen_days_from_26_october_is_9_november() -> None:
    assert add_days(D(2025, 10, 26), 14) == D(2025, 11, 9)


def test_three_months_from_12_october_is_12_january() -> None:
    assert add_months(D(2025, 10, 12), 3) == D(2026, 1, 12)


@pytest.mark.parametrize(("event", "months", "end"), [
    (D(2025, 11, 30), 3, D(2026, 2, 28)),  # start day 1 Dec: whole months Dec–Feb
    (D(2023, 11, 30), 3, D(2024, 2, 29)),  # ... ending on a leap day
    (D(2025, 11, 29), 3, D(2026, 2, 28)),  # start 30 Nov: no 30 Feb, so the month's last day
    (D(2026, 1, 31), 1, D(2026, 2, 28)),
    (D(2026, 1, 30), 1, D(2026, 2, 28)),
    (D(2026, 1, 27), 1, D(2026, 2, 27)),
    (D(2026, 4, 30), 1, D(2026, 5, 31)),  # start 1 May covers all of May, not "30 May"
    (D(2025, 2, 28), 1, D(2025, 3, 31)),
    (D(2025, 12, 31), 3, D(2026, 3, 31)),
    (D(2025, 10, 31), 3, D(2026, 1, 31)),
])
def test_month_periods_at_month_ends(event: dt.date, months: int, end: dt.date) -> None:
    assert add_months(event, months) == end


@pytest.mark.parametrize(("event", "end"), [
    (D(2024, 2, 29), D(2025, 2, 28)),  # leap day + 1 year: start 1 March, so it ends 28 Feb
    (D(2023, 2, 28), D(2024, 2, 29)),  # start 1 Mar 2023: a year of whole months ends on the leap day
    (D(2024, 2, 28), D(2025, 2, 28)),
    (D(2025, 6, 15), D(2026, 6, 15)),
])
def test_year_periods_and_leap_days(event: dt.date, end: dt.date) -> None:
    assert add_years(event, 1) == end


def test_zero_is_the_day_itself_and_negatives_are_refused() -> None:
    assert add_days(D(2026, 1, 1), 0) == D(2026, 1, 1)
    assert add_months(D(2026, 1, 1), 0) == D(2026, 1, 1)
    with pytest.raises(ValueError):
        add_days(D(2026, 1, 1), -1)
    with pytest.raises(ValueError):
        add_months(D(2026, 1, 1), -1)


def test_months_before_clamps_to_the_month_end() -> None:
    assert months_before(D(2026, 5, 31), 3) == D(2026, 2, 28)
    assert months_before(D(2026, 5, 6), 3) == D(2026, 2, 6)
    assert months_before(D(2026, 2, 15), 3) == D(2025, 11, 15)


dates = st.dates(min_value=D(1950, 1, 1), max_value=D(2097, 12, 31))


@given(dates, st.integers(min_value=1, max_value=36))
def test_month_periods_agree_with_the_reference_reading(event: dt.date, months: int) -> None:
    assert add_months(event, months) == reference_month_end(event, months)


@given(dates, st.integers(min_value=1, max_value=24))
def test_later_events_never_end_earlier(event: dt.date, months: int) -> None:
    assert add_months(event + dt.timedelta(days=1), months) >= add_months(event, months)


@given(dates, st.sampled_from([3, 6]))
def test_earliest_start_covering_is_the_first_date_that_works(target: dt.date, months: int) -> None:
    earliest = earliest_start_covering(target, months)
    assert add_months(earliest, months) >= target
    assert add_months(earliest - dt.timedelta(days=1), months) < target


def test_earliest_issue_date_for_a_filing_day() -> None:
    # A certificate dated 31 Dec can be used through 31 Mar; one dated 30 Dec only through 30 Mar.
    assert earliest_start_covering(D(2026, 3, 31), 3) == D(2025, 12, 31)
    assert earliest_start_covering(D(2026, 1, 12), 3) == D(2025, 10, 12)
