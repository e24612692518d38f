"""The HSP points engine: profile, point values, scoring, forecast and eligibility.

Public API (other parts import from here):
- ``PointsProfile``, ``parse_profile``, ``load_profile``: the points profile (JSON).
- ``score(profile, on=None) -> PointsResult``; ``claimed_items(result)``: the items to prove.
- forecast: ``forecast``, ``birthday_warnings``, ``best_improvements``, ``points_timeline``, ``what_if``.
- eligibility: ``j_skip_check``, ``j_find_check`` (with ``JFindProfile``/``parse_j_find``),
  ``permanent_residence_timing``, ``pr_basis`` (the document set a points history supports).
- ⑰: ``designated_universities()``, ``lookup_university(name)``.
"""

from zairyu.domain.points.eligibility import (
    JFindProfile,
    PRBasis,
    PRTiming,
    RouteCheck,
    j_find_check,
    j_skip_check,
    parse_j_find,
    permanent_residence_timing,
    pr_basis,
)
from zairyu.domain.points.engine import PointsResult, ScoredItem, claimed_items, experience_on, score
from zairyu.domain.points.forecast import (
    Forecast,
    Improvement,
    PointsChange,
    best_improvements,
    birthday_warnings,
    forecast,
    points_timeline,
    what_if,
)
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
from zairyu.domain.points.universities import LookupResult, University, designated_universities, lookup_university

__all__ = [
    "Bonus",
    "Category",
    "Education",
    "Forecast",
    "Improvement",
    "JFindProfile",
    "LookupResult",
    "PRBasis",
    "PRTiming",
    "PointsChange",
    "PointsProfile",
    "PointsResult",
    "PointsTable",
    "Research",
    "RouteCheck",
    "ScoredItem",
    "University",
    "best_improvements",
    "birthday_warnings",
    "claimed_items",
    "designated_universities",
    "experience_on",
    "forecast",
    "j_find_check",
    "j_skip_check",
    "load_profile",
    "lookup_university",
    "parse_j_find",
    "parse_profile",
    "permanent_residence_timing",
    "points_table",
    "points_timeline",
    "pr_basis",
    "score",
    "what_if",
]
