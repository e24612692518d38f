"""The household conditions of the family routes as data (``checklists/family-conditions.toml``)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.routes import SourceTier
from zairyu.paths import checklists_dir

CONDITIONS_FILE = "family-conditions.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Sourced(_Strict):
    source: str = Field(min_length=8)
    source_tier: SourceTier
    unverified: str | None = None


class ParentConditions(_Sourced):
    household_income_min_yen: int = Field(gt=0)
    child_age_under: int = Field(gt=0)


class DomesticWorkerConditions(_Sourced):
    household_income_min_yen: int = Field(gt=0)
    monthly_pay_min_yen: int = Field(gt=0)
    worker_age_min: int = Field(gt=0)
    family_circumstances_child_age_under: int = Field(gt=0)
    j_skip_two_workers_income_min_yen: int = Field(gt=0)


class FamilyConditions(_Strict):
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
