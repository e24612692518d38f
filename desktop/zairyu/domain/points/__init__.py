"""The HSP points engine (issue 3): profile, point values, scoring, forecast and eligibility.

Public API (other parts import from here):
- ``PointsProfile``, ``parse_profile``, ``load_profile``: the input of points-profile.md.
- ``score(profile, on=None) -> PointsResult``; ``claimed_items(result)``.
- forecast: ``forecast``, ``birthday_warnings``, ``best_improvements``, ``points_timeline``.
- eligibility: ``j_skip_check``, ``j_find_check``, ``permanent_residence_timing``.
- ``designated_universities()``, ``lookup_university(name)``.
"""

from zairyu.domain.points.engine import PointsResult, ScoredItem, claimed_items, experience_on, score
from zairyu.domain.points.profile import (
    Bonus,
    Category,
    Education,
    PointsProfile,
    Research,
    load_profile,
    parse_profile,
)
from zairyu.domain.points.table import PointsTable, points_table

__all__ = [
    "Bonus",
    "Category",
    "Education",
    "PointsProfile",
    "PointsResult",
    "PointsTable",
    "Research",
    "ScoredItem",
    "claimed_items",
    "experience_on",
    "load_profile",
    "parse_profile",
    "points_table",
    "score",
]
