"""The store's two questions to the points engine (issue 3), in one place.

- ``validate_points_profile``: a profile is checked by the engine's own parser before it is
  stored, so a typo is refused with the field named instead of silently scoring zero later.
- ``claimed_points_items``: which points items a stored profile scores, so a case's checklist
  asks for exactly the evidence of those items (route files' ``when.points_items``).
"""

from __future__ import annotations

from typing import Any

from zairyu.domain.points_items import PointsItem
from zairyu.errors import ZairyuError


def validate_points_profile(data: Any, source: str = "profile") -> dict[str, Any]:
    """Raise UserInputError naming the field when the engine rejects ``data``; return it unchanged."""
    from zairyu.domain.points import parse_profile

    parse_profile(data, source=source)
    assert isinstance(data, dict)  # parse_profile refuses anything else
    return data


def pr_document_basis(profile: dict[str, Any] | None) -> int | None:
    """The permanent-residence basis (80 or 70) a stored profile supports, or None without one."""
    if profile is None:
        return None
    from zairyu.domain.points import parse_profile, score
    from zairyu.domain.points import pr_document_basis as basis_of

    try:
        return basis_of(score(parse_profile(profile)))
    except ZairyuError:
        return None


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
