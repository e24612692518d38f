"""The office calendar: weekends, national and substitute holidays, the year-end closure."""

from __future__ import annotations

import datetime as dt

import pytest

from zairyu.domain.deadlines.calendar import (
    closed_due_note,
    closure_reason,
    first_open_day_on_or_after,
    is_office_open,
    last_open_day_on_or_before,
    national_holiday,
)
from zairyu.domain.wording import Text
from zairyu.errors import UserInputError

D = dt.date


@pytest.mark.parametrize(("day", "reason"), [
    (D(2025, 11, 8), "Saturday"),
    (D(2025, 11, 9), "Sunday"),
    (D(2025, 2, 24), "振替休日"),  # Emperor's Birthday on Sunday 23 Feb → substitute Monday
    (D(2026, 5, 6), "振替休日"),  # Constitution Day on Sunday 3 May → substitute Wednesday
    (D(2026, 9, 22), "国民の休日"),  # a weekday between two holidays
    (D(2026, 11, 3), "文化の日"),
    (D(2026, 1, 12), "成人の日"),
    (D(2025, 12, 29), "year-end closure"),
    (D(2025, 12, 31), "year-end closure"),
    (D(2026, 1, 1), "元日"),
    (D(2026, 1, 2), "year-end closure"),
    (D(2027, 1, 3), "year-end closure"),
])
def test_closed_days(day: dt.date, reason: str) -> None:
    assert not is_office_open(day)
    assert reason in (closure_reason(day) or "")


@pytest.mark.parametrize("day", [D(2025, 12, 26), D(2026, 1, 5), D(2025, 2, 25), D(2026, 5, 7),
                                 D(2027, 1, 4), D(2026, 11, 2)])
def test_open_days(day: dt.date) -> None:
    assert is_office_open(day)
    assert closure_reason(day) is None


def test_national_holiday_names_come_from_the_holidays_package() -> None:
    assert national_holiday(D(2025, 2, 24)) == "振替休日"
    assert national_holiday(D(2025, 2, 25)) is None


@pytest.mark.parametrize(("due", "safe", "moved"), [
    (D(2025, 11, 9), D(2025, 11, 7), D(2025, 11, 10)),  # Sunday
    (D(2025, 2, 24), D(2025, 2, 21), D(2025, 2, 25)),  # substitute holiday after a weekend
    (D(2026, 5, 6), D(2026, 5, 1), D(2026, 5, 7)),  # the end of Golden Week
    (D(2026, 1, 3), D(2025, 12, 26), D(2026, 1, 5)),  # inside the year-end closure
    (D(2027, 1, 3), D(2026, 12, 28), D(2027, 1, 4)),
    (D(2026, 7, 15), D(2026, 7, 15), D(2026, 7, 15)),  # an open Wednesday stays
])
def test_safe_day_and_the_day_the_law_may_move_it_to(due: dt.date, safe: dt.date, moved: dt.date) -> None:
    assert last_open_day_on_or_before(due) == safe
    assert first_open_day_on_or_after(due) == moved


def test_closed_due_note_national_and_municipal() -> None:
    assert closed_due_note(D(2026, 7, 15), municipal=False) is None
    national = closed_due_note(D(2026, 5, 6), municipal=False, extra=Text("EXTRA.", "追記。"))
    assert national is not None
    assert "行政機関の休日に関する法律 Art. 2" in national
    assert "2026-05-07" in national and "act by 2026-05-01" in national and national.endswith("EXTRA.")
    assert national.ja.startswith("2026-05-06は祝日（振替休日）で閉庁日です。") and national.ja.endswith("追記。")
    municipal = closed_due_note(D(2025, 11, 9), municipal=True)
    assert municipal is not None
    assert "UNVERIFIED" in municipal and "2025-11-10" in municipal and "act by 2025-11-07" in municipal
    plain = closed_due_note(D(2025, 11, 9), municipal=False, may_move=False)
    assert plain == "2025-11-09 is a Sunday: offices are closed, so act by 2025-11-07."
    assert plain is not None and plain.ja == "2025-11-09は日曜日で閉庁日のため、2025-11-07までに手続をしてください。"


def test_years_outside_the_holiday_calendar_are_refused() -> None:
    with pytest.raises(UserInputError, match="2100"):
        is_office_open(D(2100, 1, 4))
