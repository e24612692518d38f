"""Immigration fees with effective dates, read from ``checklists/fees.toml``.

The fee due is the one in force on the day the application is accepted (受理日), not the day it is
granted. Fees are data so that a change (the 2026 bill raising the caps is pending)
is an edit to the file, with its date, rather than to code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.routes import Procedure, SourceTier, check, check_source
from zairyu.errors import UserInputError


class FeeProcedure(StrEnum):
    COE = "coe"  # 在留資格認定証明書交付: no fee
    CHANGE = "change"  # 在留資格変更許可
    EXTENSION = "extension"  # 在留期間更新許可
    PERMANENT_RESIDENCE = "permanent-residence"  # 永住許可
    RE_ENTRY_SINGLE = "re-entry-single"  # 再入国許可（1回限り）
    RE_ENTRY_MULTIPLE = "re-entry-multiple"  # 再入国許可（数次）
    WORK_AUTHORISATION_CERTIFICATE = "work-authorisation-certificate"  # 就労資格証明書
    ACQUISITION = "acquisition"  # 在留資格取得許可 (a child born in Japan): no fee


FEE_PROCEDURE_NAMES: dict[FeeProcedure, tuple[str, str]] = {
    FeeProcedure.COE: ("Certificate of Eligibility", "在留資格認定証明書交付"),
    FeeProcedure.ACQUISITION: ("Acquisition of status of residence", "在留資格取得許可"),
    FeeProcedure.CHANGE: ("Change of status of residence", "在留資格変更許可"),
    FeeProcedure.EXTENSION: ("Extension of period of stay", "在留期間更新許可"),
    FeeProcedure.PERMANENT_RESIDENCE: ("Permanent residence", "永住許可"),
    FeeProcedure.RE_ENTRY_SINGLE: ("Re-entry permit (single)", "再入国許可（1回限り）"),
    FeeProcedure.RE_ENTRY_MULTIPLE: ("Re-entry permit (multiple)", "再入国許可（数次）"),
    FeeProcedure.WORK_AUTHORISATION_CERTIFICATE: ("Certificate of authorised employment", "就労資格証明書"),
}

# A route's procedure -> the fee it pays (a permanent-residence "application" pays the PR fee).
ROUTE_PROCEDURE_FEE: dict[Procedure, FeeProcedure] = {
    Procedure.COE: FeeProcedure.COE,
    Procedure.CHANGE: FeeProcedure.CHANGE,
    Procedure.EXTENSION: FeeProcedure.EXTENSION,
    Procedure.APPLICATION: FeeProcedure.PERMANENT_RESIDENCE,
    Procedure.ACQUISITION: FeeProcedure.ACQUISITION,
}

Channel = Literal["counter", "online"]
CHANNELS: tuple[Channel, ...] = ("counter", "online")


# Plain frozen dataclasses validated by pydantic on first read, as the route files (see routes.py).
_STRICT = {"extra": "forbid"}


@dataclass(frozen=True, kw_only=True)
class FeeEntry:
    __pydantic_config__ = _STRICT

    procedure: FeeProcedure
    effective_from: dt.date | None = None  # None: since before any date we know of
    effective_until: dt.date | None = None  # inclusive; None: until further notice
    counter_yen: int
    online_yen: int | None = None  # None: no online application
    online_note: str = ""
    source: str
    source_tier: SourceTier
    unverified: str | None = None

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        check(self.counter_yen >= 0, "counter_yen", "must not be negative")
        check(self.online_yen is None or self.online_yen >= 0, "online_yen", "must not be negative")
        check_source("source", self.source)
        check(not (self.effective_from and self.effective_until and self.effective_until < self.effective_from),
              "effective_until", "is before effective_from")

    def covers(self, day: dt.date) -> bool:
        return (self.effective_from is None or self.effective_from <= day) and (
            self.effective_until is None or day <= self.effective_until
        )


@dataclass(frozen=True, kw_only=True)
class PendingChange:
    """An announced change without amounts or a date yet; shown as a warning from ``announced`` on."""

    __pydantic_config__ = _STRICT

    announced: dt.date
    procedures: list[FeeProcedure]
    en: str
    ja: str
    source: str
    source_tier: SourceTier

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        check(self.procedures, "procedures", "at least one procedure is needed")
        check(self.en, "en", "must not be empty")
        check(self.ja, "ja", "must not be empty")
        check_source("source", self.source)


@dataclass(frozen=True, kw_only=True)
class FeeTable:
    __pydantic_config__ = _STRICT

    schema_version: Literal[1] = 1
    rules_date: dt.date
    fees: list[FeeEntry]
    pending: list[PendingChange] = field(default_factory=list)

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        check(self.fees, "fees", "at least one fee is needed")
        # Two entries covering the same day would make the fee depend on file order.
        for i, first in enumerate(self.fees):
            for j in range(i + 1, len(self.fees)):
                second = self.fees[j]
                if first.procedure != second.procedure:
                    continue
                lo1, hi1 = first.effective_from or dt.date.min, first.effective_until or dt.date.max
                lo2, hi2 = second.effective_from or dt.date.min, second.effective_until or dt.date.max
                if lo1 <= hi2 and lo2 <= hi1:
                    raise ValueError(f"fees[{j}]: the dates of '{second.procedure}' overlap fees[{i}]")


@dataclass(frozen=True)
class FeeQuote:
    """The fee for one procedure, applied for on one day through one channel."""

    procedure: FeeProcedure
    on: dt.date
    channel: Channel
    amount_yen: int
    entry: FeeEntry
    pending: tuple[PendingChange, ...]

    def to_json(self) -> dict[str, object]:
        name_en, name_ja = FEE_PROCEDURE_NAMES[self.procedure]
        return {
            "procedure": self.procedure.value,
            "name_en": name_en,
            "name_ja": name_ja,
            "date": self.on.isoformat(),
            "channel": self.channel,
            "amount_yen": self.amount_yen,
            "effective_from": self.entry.effective_from.isoformat() if self.entry.effective_from else None,
            "effective_until": self.entry.effective_until.isoformat() if self.entry.effective_until else None,
            "source": self.entry.source,
            "unverified": self.entry.unverified,
            "pending": [{"announced": p.announced.isoformat(), "en": p.en, "ja": p.ja, "source": p.source}
                        for p in self.pending],
        }


def load_fee_file(path: Path) -> FeeTable:
    """Read and validate ``fees.toml``; a malformed file raises DataFileError naming file and key."""
    return load_toml_model(path, FeeTable)


def _parse_procedure(procedure: str) -> FeeProcedure:
    if procedure in {p.value for p in Procedure}:
        return ROUTE_PROCEDURE_FEE[Procedure(procedure)]
    try:
        return FeeProcedure(procedure)
    except ValueError:
        valid = ", ".join(p.value for p in FeeProcedure)
        raise UserInputError(f"fee procedure '{procedure}' is not valid; valid: {valid}") from None


def fee_for(table: FeeTable, procedure: str, on: dt.date, channel: str = "counter") -> FeeQuote:
    """The fee for ``procedure`` on an application accepted on ``on``, at the counter or online.

    ``procedure`` is a FeeProcedure or a route procedure (``application`` = permanent residence).
    """
    fee_procedure = _parse_procedure(procedure)
    if channel not in CHANNELS:
        raise UserInputError(f"channel '{channel}' is not valid; valid: {', '.join(CHANNELS)}")
    matches = [e for e in table.fees if e.procedure == fee_procedure and e.covers(on)]
    if not matches:
        raise UserInputError(f"no fee for '{fee_procedure}' is known for {on.isoformat()}")
    entry = matches[0]  # the table forbids overlaps, so there is one
    if channel == "online":
        if entry.online_yen is None:
            why = entry.online_note or "no online application is possible"
            raise UserInputError(f"'{fee_procedure}' cannot be applied for online: {why}")
        amount = entry.online_yen
    else:
        amount = entry.counter_yen
    pending = tuple(p for p in table.pending if fee_procedure in p.procedures and p.announced <= on)
    return FeeQuote(fee_procedure, on, "online" if channel == "online" else "counter", amount, entry, pending)


def fee_schedule(table: FeeTable, on: dt.date) -> Iterable[FeeQuote]:
    """Every procedure's counter fee on ``on`` (for an overview screen)."""
    for procedure in FeeProcedure:
        if any(e.procedure == procedure and e.covers(on) for e in table.fees):
            yield fee_for(table, procedure.value, on, "counter")


FEES_FILE = "fees.toml"


def load_fees(directory: Path | None = None) -> FeeTable:
    """The fee table of a checklists folder (the packaged one by default)."""
    if directory is None:
        from zairyu.paths import checklists_dir

        directory = checklists_dir()
    return load_fee_file(directory / FEES_FILE)


def fee_summary(table: FeeTable, procedure: str, on: dt.date) -> dict[str, object]:
    """Counter and online fee of one procedure for an application accepted on ``on`` (None where the
    channel does not exist), with its source and any pending change: what a checklist shows."""
    counter = fee_for(table, procedure, on, "counter")
    online: int | None
    try:
        online = fee_for(table, procedure, on, "online").amount_yen
    except UserInputError:
        online = None
    data = counter.to_json()
    del data["channel"], data["amount_yen"]
    data.update(counter_yen=counter.amount_yen, online_yen=online, online_note=counter.entry.online_note)
    return data
