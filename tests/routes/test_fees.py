"""Fee lookup by procedure, acceptance date and channel ."""

from __future__ import annotations

import datetime as dt

import pytest

from zairyu.domain.fees import FeeProcedure, FeeTable, fee_for, fee_schedule, fee_summary, load_fees
from zairyu.errors import UserInputError

BEFORE = dt.date(2025, 3, 31)  # accepted by 2025-03-31: the old fee even if granted later
AFTER = dt.date(2025, 4, 1)


@pytest.fixture(scope="module")
def fees() -> FeeTable:
    return load_fees()


@pytest.mark.parametrize("procedure, before, after", [
    ("change", 4000, 6000),
    ("extension", 4000, 6000),
    ("permanent-residence", 8000, 10000),
    ("application", 8000, 10000),  # the route procedure of permanent residence
    ("re-entry-single", 3000, 4000),
    ("re-entry-multiple", 6000, 7000),
    ("work-authorisation-certificate", 1200, 2000),
    ("coe", 0, 0),
])
def test_counter_fee_before_and_after_2025_04_01(fees: FeeTable, procedure: str, before: int, after: int) -> None:
    assert fee_for(fees, procedure, BEFORE).amount_yen == before
    assert fee_for(fees, procedure, AFTER).amount_yen == after


def test_online_is_500_yen_cheaper_from_2025_04_01(fees: FeeTable) -> None:
    assert fee_for(fees, "change", AFTER, "online").amount_yen == 5500
    assert fee_for(fees, "extension", dt.date(2026, 11, 22), "online").amount_yen == 5500
    assert fee_for(fees, "re-entry-multiple", AFTER, "online").amount_yen == 6500
    assert fee_for(fees, "work-authorisation-certificate", AFTER, "online").amount_yen == 1600


def test_permanent_residence_is_counter_only(fees: FeeTable) -> None:
    with pytest.raises(UserInputError, match="counter only"):
        fee_for(fees, "application", AFTER, "online")


def test_the_pending_2026_bill_is_a_note_from_its_announcement(fees: FeeTable) -> None:
    assert fee_for(fees, "change", dt.date(2026, 3, 9)).pending == ()
    quote = fee_for(fees, "change", dt.date(2026, 3, 10))
    assert quote.amount_yen == 6000  # no amounts are known yet: the current fee still applies
    (note,) = quote.pending
    assert "100,000" in note.en and "300,000" in note.en
    assert note.source.startswith("https://")
    assert fee_for(fees, "re-entry-single", dt.date(2026, 6, 1)).pending == ()


def test_quote_json_carries_source_and_dates(fees: FeeTable) -> None:
    data = fee_for(fees, "extension", BEFORE).to_json()
    assert data["amount_yen"] == 4000
    assert data["effective_until"] == "2025-03-31"
    assert data["name_ja"] == "在留期間更新許可"
    assert data["unverified"]  # the old online amount is an assumption, marked as such
    assert fee_for(fees, "extension", AFTER).to_json()["effective_from"] == "2025-04-01"


def test_schedule_lists_every_procedure(fees: FeeTable) -> None:
    assert {q.procedure for q in fee_schedule(fees, AFTER)} == set(FeeProcedure)


def test_bad_lookups_name_the_valid_values(fees: FeeTable) -> None:
    with pytest.raises(UserInputError, match="valid: coe, change"):
        fee_for(fees, "visa", AFTER)
    with pytest.raises(UserInputError, match="valid: counter, online"):
        fee_for(fees, "change", AFTER, "post")


def test_fee_summary_gives_both_channels(fees: FeeTable) -> None:
    summary = fee_summary(fees, "extension", AFTER)
    assert (summary["counter_yen"], summary["online_yen"]) == (6000, 5500)
    summary = fee_summary(fees, "application", AFTER)
    assert (summary["counter_yen"], summary["online_yen"]) == (10000, None)
    assert "counter only" in str(summary["online_note"])
