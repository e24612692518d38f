"""The deadline rules as data, read from ``checklists/deadline-rules.toml``.

Periods, offices, titles and sources are data a reader can check against their sources; the
counting (counting.py), the office calendar (calendar.py) and the few special cases (the
special re-entry permit capped by the period of stay) are code.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.deadlines import calendar, counting
from zairyu.domain.wording import Text
from zairyu.errors import DataFileError
from zairyu.paths import checklists_dir

RULES_FILE = "deadline-rules.toml"

SourceTier = Literal["official", "official-copy", "law-mirror", "institutional", "secondary"]


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


class _Strict(BaseModel):
    # defer_build: pydantic builds the validator at the first validation, which a run served
    # from the rules cache (rules_cache.py) never needs.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Period(_Strict):
    """A period in one unit; counted by the Civil Code from the event day."""

    days: int | None = Field(default=None, ge=0)
    months: int | None = Field(default=None, ge=1)
    years: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _one_unit(self) -> Period:
        if sum(v is not None for v in (self.days, self.months, self.years)) != 1:
            raise ValueError("give exactly one of days, months, years")
        return self

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


class _RuleBase(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title_en: str = Field(min_length=1)
    title_ja: str = Field(min_length=1)
    office: Office
    source: str = Field(min_length=8)
    source_tier: SourceTier
    note_en: str = ""
    note_ja: str = ""  # the same note in Japanese: required with note_en (the app shows one or the other)

    @model_validator(mode="after")
    def _both_notes(self) -> _RuleBase:
        if bool(self.note_en) != bool(self.note_ja):
            raise ValueError("note_en and note_ja: give both or neither")
        return self

    def note(self) -> Text:
        return Text(self.note_en, self.note_ja)


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

    @model_validator(mode="after")
    def _both_closed_day_notes(self) -> EventRule:
        if bool(self.closed_day_note_en) != bool(self.closed_day_note_ja):
            raise ValueError("closed_day_note_en and closed_day_note_ja: give both or neither")
        return self

    def closed_day_note(self) -> Text:
        return Text(self.closed_day_note_en, self.closed_day_note_ja)

    def due(self, event: dt.date) -> dt.date:
        end = self.period.end(event)
        return end - dt.timedelta(days=1) if self.event_day_counts else end


class CaseRule(_RuleBase):
    """A deadline or milestone computed from a case's own data (case_deadlines.py)."""

    period: Period | None = None
    # False where the date is not a legal period (a document's freshness): no roll-over note.
    closed_day_rollover: bool = True


class DeadlineRules(_Strict):
    schema_version: Literal[1]
    rules_date: dt.date
    rules: list[EventRule] = Field(min_length=1)
    case_rules: list[CaseRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> DeadlineRules:
        ids = [r.id for r in self.rules] + [r.id for r in self.case_rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"rule id appears twice: {', '.join(duplicates)}")
        events = [r.event for r in self.rules]
        missing = [e.value for e in EventType if e not in events]
        if missing:
            raise ValueError(f"no rule for event type {', '.join(missing)}")
        return self

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
