"""A profile factory with plain defaults, overridable per test."""

from __future__ import annotations

import datetime as dt
from typing import Any

from zairyu.domain.points import PointsProfile, parse_profile

# A neutral baseline: bachelor, 0 years, ¥0, age 45 (no age points), so each test adds only what it checks.
BASE: dict[str, Any] = {
    "category": "b",
    "application_date": "2026-04-01",
    "birth_date": "1981-01-01",
    "education": "bachelor",
    "experience_years": 0,
    "annual_salary_yen": 0,
}


def make(**overrides: Any) -> PointsProfile:
    data = dict(BASE)
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value.isoformat() if isinstance(value, dt.date) else value
    return parse_profile(data)


