"""Which days Japanese government offices are open.

An office is closed on 行政機関の休日 (行政機関の休日に関する法律 Art. 1): Saturdays, Sundays,
national holidays (国民の祝日に関する法律, including substitute holidays 振替休日 and the
"sandwiched" 国民の休日), and the year-end closure 29 December – 3 January. Municipal offices
follow the same days (地方自治法 4条の2); a municipality may open on some Saturdays, but a
deadline must not rely on that. Source: 行政機関の休日に関する法律 Art. 2 (shugiin.go.jp 1988 text; compalex.tty-i.com).

The national holidays come from the ``holidays`` package's Japan calendar, which knows
1949–2099 (equinox days are computed, so far-future years are a forecast).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from zairyu.domain.wording import Text
from zairyu.errors import UserInputError

FIRST_YEAR = 1949
LAST_YEAR = 2099

CLOSURE_SOURCE = "行政機関の休日に関する法律 Art. 1 (Sat, Sun, national holidays, 29 Dec – 3 Jan)"


@cache
def _national_holidays(year: int) -> dict[dt.date, str]:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserInputError(
            f"the Japanese holiday calendar covers {FIRST_YEAR}–{LAST_YEAR}; {year} is outside it")
    import holidays  # a large package (every country's calendar): imported when a date is first checked

    calendar = holidays.country_holidays("JP", years=year, language="ja")
    return {day: str(name) for day, name in calendar.items()}


def national_holiday(day: dt.date) -> str | None:
    """The Japanese name of the national holiday on ``day`` (e.g. 振替休日), or None."""
    return _national_holidays(day.year).get(day)


def in_year_end_closure(day: dt.date) -> bool:
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def closure_reason(day: dt.date) -> Text | None:
    """Why government offices are closed on ``day`` (English with the Japanese term, and in
    Japanese), or None."""
    holiday = national_holiday(day)
    if in_year_end_closure(day):
        return Text("year-end closure (年末年始, 29 Dec – 3 Jan)" + (f", {holiday}" if holiday else ""),
                    "年末年始（12月29日～1月3日）" + (f"・{holiday}" if holiday else ""))
    if holiday:
        return Text(f"national holiday ({holiday})", f"祝日（{holiday}）")
    if day.weekday() == 5:
        return Text("Saturday", "土曜日")
    if day.weekday() == 6:
        return Text("Sunday", "日曜日")
    return None


def is_office_open(day: dt.date) -> bool:
    return closure_reason(day) is None


def last_open_day_on_or_before(day: dt.date) -> dt.date:
    """The safe day to act for a deadline ``day``. The longest closed stretch is about 9 days
    (year-end closure joined to a weekend), so this loop is short."""
    while not is_office_open(day):
        day -= dt.timedelta(days=1)
    return day


def first_open_day_on_or_after(day: dt.date) -> dt.date:
    """Where 行政機関の休日に関する法律 Art. 2 may move a deadline that falls on a closed day."""
    while not is_office_open(day):
        day += dt.timedelta(days=1)
    return day


# --- the safe day to act, and what to tell the user when the due date is a closed day --------

def act_by(due: dt.date, needs_office: bool) -> dt.date:
    """For a rule that needs an office, the last open day on or before ``due``;
    otherwise ``due`` itself."""
    return last_open_day_on_or_before(due) if needs_office else due


def closed_due_note(due: dt.date, municipal: bool, extra: Text | None = None, may_move: bool = True) -> Text | None:
    """The note for a due date that falls on a closed day, or None when offices are open.

    The law may move such a deadline to the next open day (行政機関の休日に関する法律 Art. 2;
    for municipal offices 地方自治法 4条の2, whose reach over the 14-day notifications is
    UNVERIFIED), but the app advises the last open day before it. ``may_move=False``
    for limits that are not a legal period (a document's freshness): no roll-over is mentioned.
    """
    reason = closure_reason(due)
    if reason is None:
        return None
    safe = last_open_day_on_or_before(due)
    moved = first_open_day_on_or_after(due)
    if not may_move:
        text = Text(f"{due.isoformat()} is a {reason}: offices are closed, so act by {safe.isoformat()}.",
                    f"{due.isoformat()}は{reason.ja}で閉庁日のため、{safe.isoformat()}までに手続をしてください。")
    elif municipal:
        text = Text(f"{due.isoformat()} is a {reason}: the municipal office is closed. Whether this deadline "
                    f"moves to the next open day ({moved.isoformat()}; 地方自治法 4条の2) is UNVERIFIED for this "
                    f"notification, so act by {safe.isoformat()}.",
                    f"{due.isoformat()}は{reason.ja}で、市区町村役場は閉庁日です。この届出の期限が翌開庁日"
                    f"（{moved.isoformat()}。地方自治法第4条の2）に延びるかは未確認のため、{safe.isoformat()}までに"
                    "届け出てください。")
    else:
        text = Text(f"{due.isoformat()} is a {reason}: offices are closed. 行政機関の休日に関する法律 Art. 2 may "
                    f"move the deadline to the next open day ({moved.isoformat()}), but act by "
                    f"{safe.isoformat()} to be safe.",
                    f"{due.isoformat()}は{reason.ja}で閉庁日です。行政機関の休日に関する法律第2条により期限が"
                    f"翌開庁日（{moved.isoformat()}）に延びる場合がありますが、念のため{safe.isoformat()}までに"
                    "手続をしてください。")
    return text.plus(extra) if extra else text
