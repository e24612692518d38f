"""The deadline rules as data, read from ``checklists/deadline-rules.toml``.

Periods, offices, titles and sources are data a reader can check against their sources; the
counting (counting.py), the office calendar (calendar.py) and the few special cases (the
special re-entry permit capped by the period of stay) are code.

Like the route models (routes.py), the rules are plain frozen dataclasses that pydantic validates
(``data_files.load_toml_model``: types, allowed values, unknown keys) when the file is read for the
first time, with the ranges, lengths and patterns (``field_checks``) and the checks across fields
in ``__post_init__``. The window's deadlines, served from the rules cache, come without pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Literal

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.deadlines import calendar, counting
from zairyu.domain.field_checks import at_least, matches, min_length
from zairyu.domain.routes import SourceTier
from zairyu.domain.wording import Text
from zairyu.errors import DataFileError
from zairyu.paths import checklists_dir

RULES_FILE = "deadline-rules.toml"


class EventType(StrEnum):
    """The dated events a user can enter."""

    COE_ISSUED = "coe_issued"
    LANDED = "landed"
    MOVED = "moved"
    EMPLOYER_CHANGED = "employer_changed"
    STAY_EXPIRES = "stay_expires"
    DEPARTED = "departed"
    CHILD_BORN = "child_born"  # a child born in Japan: the birth report and the status application


class Office(StrEnum):
    NONE = "none"  # no office visit (entering Japan): act_by = due
    MUNICIPAL = "municipal"  # 市区町村役場: the roll-over on closed days is UNVERIFIED
    IMMIGRATION = "immigration"  # 出入国在留管理庁: 行政機関の休日に関する法律 Art. 2


# Unknown keys are an error (a misspelt key would otherwise be silently ignored).
_STRICT = {"extra": "forbid"}
_RULE_ID = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True, kw_only=True)
class Period:
    """A period in one unit; counted by the Civil Code from the event day."""

    __pydantic_config__ = _STRICT

    days: int | None = None  # 0 or more
    months: int | None = None  # 1 or more
    years: int | None = None  # 1 or more

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        at_least("days", self.days, 0)
        at_least("months", self.months, 1)
        at_least("years", self.years, 1)
        if sum(v is not None for v in (self.days, self.months, self.years)) != 1:
            raise ValueError("give exactly one of days, months, years")

    def end(self, event: dt.date) -> dt.date:
        """The last day of the period counted from ``event``."""
        if self.days is not None:
            return counting.add_days(event, self.days)
        if self.months is not None:
            return counting.add_months(event, self.months)
        assert self.years is not None
        return counting.add_years(event, self.years)

    def before(self, day: dt.date) -> dt.date:
        """About this long before ``day`` (a window's opening day)."""
        if self.days is not None:
            return day - dt.timedelta(days=self.days)
        months = self.months if self.months is not None else 12 * (self.years or 0)
        return counting.months_before(day, months)


@dataclass(frozen=True, kw_only=True)
class _RuleBase:
    __pydantic_config__ = _STRICT

    id: str  # lowercase letters, digits and underscores, starting with a letter
    title_en: str
    title_ja: str
    office: Office
    source: str  # at least 8 characters: a URL or a citation
    source_tier: SourceTier
    note_en: str = ""
    note_ja: str = ""  # the same note in Japanese: required with note_en (the app shows one or the other)

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        matches("id", self.id, _RULE_ID)
        min_length("title_en", self.title_en, 1)
        min_length("title_ja", self.title_ja, 1)
        min_length("source", self.source, 8)
        if bool(self.note_en) != bool(self.note_ja):
            raise ValueError("note_en and note_ja: give both or neither")

    def note(self) -> Text:
        return Text(self.note_en, self.note_ja)


@dataclass(frozen=True, kw_only=True)
class EventRule(_RuleBase):
    """A deadline that follows a dated event (a row of checklists/deadline-rules.toml)."""

    event: EventType
    period: Period
    opens_before: Period | None = None
    # The due date is the earlier of the period's end and this event's date in the same input.
    capped_by_event: EventType | None = None
    # Added to the closed-day note when the due date falls on a closed day.
    closed_day_note_en: str = ""
    closed_day_note_ja: str = ""
    # The event day is the first day of the period (戸籍法 第43条 for notifications under the
    # Family Register Act) instead of the Civil Code's rule that it is not counted (民法 第140条).
    event_day_counts: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        if bool(self.closed_day_note_en) != bool(self.closed_day_note_ja):
            raise ValueError("closed_day_note_en and closed_day_note_ja: give both or neither")

    def closed_day_note(self) -> Text:
        return Text(self.closed_day_note_en, self.closed_day_note_ja)

    def due(self, event: dt.date) -> dt.date:
        end = self.period.end(event)
        return end - dt.timedelta(days=1) if self.event_day_counts else end


@dataclass(frozen=True, kw_only=True)
class CaseRule(_RuleBase):
    """A deadline or milestone computed from a case's own data (case_deadlines.py)."""

    period: Period | None = None
    # False where the date is not a legal period (a document's freshness): no roll-over note.
    closed_day_rollover: bool = True


@dataclass(frozen=True, kw_only=True)
class DeadlineRules:
    __pydantic_config__ = _STRICT

    schema_version: Literal[1]
    rules_date: dt.date
    rules: list[EventRule]  # at least one
    case_rules: list[CaseRule]  # at least one

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        min_length("rules", self.rules, 1)
        min_length("case_rules", self.case_rules, 1)
        ids = [r.id for r in self.rules] + [r.id for r in self.case_rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"rule id appears twice: {', '.join(duplicates)}")
        events = [r.event for r in self.rules]
        missing = [e.value for e in EventType if e not in events]
        if missing:
            raise ValueError(f"no rule for event type {', '.join(missing)}")

    def for_event(self, event: EventType) -> list[EventRule]:
        """The rules that follow ``event``, in file order (a birth starts two periods)."""
        return [rule for rule in self.rules if rule.event == event]

    def case_rule(self, rule_id: str) -> CaseRule:
        for rule in self.case_rules:
            if rule.id == rule_id:
                return rule
        raise DataFileError(RULES_FILE, "case_rules", f"the rule '{rule_id}' is missing")


def load_rules(path: Path) -> DeadlineRules:
    """Read and validate a deadline-rules file; a malformed file names the file and the key."""
    return load_toml_model(path, DeadlineRules)


@cache
def default_rules() -> DeadlineRules:
    """The packaged rules, loaded once per process."""
    return load_rules(checklists_dir() / RULES_FILE)


def act_by_and_notes(due: dt.date, office: Office, *, rule_note: Text | None = None,
                     closed_day_extra: Text | None = None, may_move: bool = True) -> tuple[dt.date, list[Text]]:
    """The safe day to act on ``due`` and the notes the user needs (Texts, in both languages): why
    act_by is earlier when the office is closed that day, then the rule's own note. Shared by event
    and case deadlines."""
    needs_office = office is not Office.NONE
    notes: list[Text] = []
    if needs_office:
        closed = calendar.closed_due_note(due, municipal=office is Office.MUNICIPAL, extra=closed_day_extra,
                                          may_move=may_move)
        if closed:
            notes.append(closed)
    if rule_note:
        notes.append(rule_note)
    return calendar.act_by(due, needs_office), notes
