"""The store's questions to the points engine, in one place.

- ``validate_points_profile``: a profile is checked by the engine's own parser before it is
  stored, so a typo is refused with the field named instead of silently scoring zero later.
- ``claimed_points_items``: which points items a stored profile scores, so a case's checklist
  asks for exactly the evidence of those items (route files' ``when.points_items``).
- ``permanent_residence_basis``: the 70/80-point basis the stored points history supports.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from zairyu.domain.points_items import PointsItem
from zairyu.errors import ZairyuError

if TYPE_CHECKING:
    from zairyu.domain.points import PointsProfile, PRBasis


def validate_points_profile(data: Any, source: str = "profile") -> dict[str, Any]:
    """Raise UserInputError naming the field when the engine rejects ``data``; return it unchanged."""
    from zairyu.domain.points import parse_profile

    parse_profile(data, source=source)
    assert isinstance(data, dict)  # parse_profile refuses anything else
    return data


def history_profiles(history: list[dict[str, Any]]) -> list[PointsProfile]:
    """The stored versions as profiles, oldest first; of several versions for one date the newest
    saved wins (a correction), and a version that no longer parses is left out."""
    from zairyu.domain.points import parse_profile

    by_date: dict[dt.date, PointsProfile] = {}
    for data in history:
        try:
            profile = parse_profile(data)
        except ZairyuError:
            continue
        by_date[profile.application_date] = profile
    return [by_date[day] for day in sorted(by_date)]


def permanent_residence_basis(history: list[dict[str, Any]], target_filing_date: str | None) -> PRBasis | None:
    """The basis the points history supports on the target filing date (default: the newest
    profile's date); None without a usable profile."""
    if not history:  # no profile to parse: the engine (and its pydantic models) is not loaded
        return None
    from zairyu.domain.points import pr_basis

    profiles = history_profiles(history)
    if not profiles:
        return None
    filing = dt.date.fromisoformat(target_filing_date) if target_filing_date else None
    return pr_basis(profiles, filing)


def claimed_points_items(profile: dict[str, Any] | None) -> set[PointsItem] | None:
    """The items the profile scores, or None when there is no profile (or it no longer parses, for
    example after a change to the profile format: then every evidence document stays listed)."""
    if profile is None:
        return None
    from zairyu.domain.points import claimed_items, parse_profile, score

    try:
        return claimed_items(score(parse_profile(profile)))
    except ZairyuError:
        return None
