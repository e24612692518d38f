"""The household conditions of the family routes as data (``checklists/family-conditions.toml``).

Plain frozen dataclasses that pydantic validates when the file is read (``data_files.load_toml_model``),
like the route models, so importing them costs no pydantic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.routes import SourceTier, check, check_source
from zairyu.paths import checklists_dir

CONDITIONS_FILE = "family-conditions.toml"
_STRICT = {"extra": "forbid"}


def _positive(**values: int) -> None:
    for key, value in values.items():
        check(value > 0, key, f"{value} must be more than 0")


@dataclass(frozen=True, kw_only=True)
class ParentConditions:
    __pydantic_config__ = _STRICT

    household_income_min_yen: int
    child_age_under: int
    source: str
    source_tier: SourceTier
    unverified: str | None = None

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        _positive(household_income_min_yen=self.household_income_min_yen, child_age_under=self.child_age_under)
        check_source("source", self.source)


@dataclass(frozen=True, kw_only=True)
class DomesticWorkerConditions:
    __pydantic_config__ = _STRICT

    household_income_min_yen: int
    monthly_pay_min_yen: int
    worker_age_min: int
    family_circumstances_child_age_under: int
    j_skip_two_workers_income_min_yen: int
    source: str
    source_tier: SourceTier
    unverified: str | None = None

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        _positive(household_income_min_yen=self.household_income_min_yen,
                  monthly_pay_min_yen=self.monthly_pay_min_yen, worker_age_min=self.worker_age_min,
                  family_circumstances_child_age_under=self.family_circumstances_child_age_under,
                  j_skip_two_workers_income_min_yen=self.j_skip_two_workers_income_min_yen)
        check_source("source", self.source)


@dataclass(frozen=True, kw_only=True)
class FamilyConditions:
    __pydantic_config__ = _STRICT

    schema_version: Literal[1]
    rules_date: dt.date
    parent: ParentConditions
    domestic_worker: DomesticWorkerConditions


def load_family_conditions(path: Path) -> FamilyConditions:
    """Read and validate a family-conditions file; a malformed file names the file and the key."""
    return load_toml_model(path, FamilyConditions)


@cache
def default_family_conditions() -> FamilyConditions:
    """The packaged conditions, loaded once per process."""
    return load_family_conditions(checklists_dir() / CONDITIONS_FILE)
