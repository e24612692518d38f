"""``zairyu points PROFILE.json [--format json] [-o OUT.pdf]``: the HSP points.

Exit 0 whether or not the profile is eligible; exit 2 (via UserInputError) on invalid input.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from zairyu.cli.common import add_format_option, print_json, table
from zairyu.domain.points import PointsProfile, PointsResult, RouteCheck, j_skip_check, load_profile, score
from zairyu.domain.points.forecast import Forecast, forecast
from zairyu.domain.points.table import points_table

CATEGORY_LABEL = {"a": "(a) 1号イ advanced academic research",
                  "b": "(b) 1号ロ advanced specialised/technical",
                  "c": "(c) 1号ハ advanced business management"}


def configure(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    parser.add_argument("profile", metavar="PROFILE.json", type=Path, help="a points profile (JSON)")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", type=Path,
                        help="also write the points summary as a PDF")
    add_format_option(parser)
    parser.set_defaults(handler=run)


def write_points_pdf(result: PointsResult, profile: PointsProfile, output: Path) -> None:
    """The points summary as an A4 PDF, written atomically."""
    from zairyu.reports.points_pdf import write_for_profile

    write_for_profile(result, profile, output)


def run(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile)
    result = score(profile)
    outlook = forecast(profile, today=dt.date.today())
    j_skip = j_skip_check(profile)
    if args.output is not None:
        write_points_pdf(result, profile, args.output)
    if args.format == "json":
        document = result.to_json()
        document["forecast"] = outlook.to_json()  # additive keys (the documented keys stay as they are)
        document["j_skip"] = j_skip.to_json()
        print_json(document)
        return 0
    print(render_text(result, outlook, j_skip))
    return 0


def render_text(result: PointsResult, outlook: Forecast, j_skip: RouteCheck | None = None) -> str:
    tbl = points_table()
    lines = [f"HSP points, category {CATEGORY_LABEL[result.category.value]}",
             f"Computed for {result.computed_for.isoformat()}"
             + (f", age {result.age}" if result.age is not None else "")
             + f" — ISA form of {tbl.form_date.isoformat()}", ""]
    rows = [[item.form_number, item.label_en, str(item.points), item.note] for item in result.items]
    rows.append(["", "Total", str(result.total), f"threshold {result.threshold}"])
    lines.append(table(rows, ["#", "item", "points", "why"]))
    lines.append("")
    verdict = "ELIGIBLE" if result.eligible else "NOT ELIGIBLE"
    lines.append(f"{verdict}: " + "; ".join(result.reasons))
    for warning in result.warnings:
        lines.append(f"warning: {warning}")
    if outlook.warnings:
        lines.append("")
        lines.append("Timing:")
        lines.extend(f"  ! {w}" for w in outlook.warnings)
    if j_skip is not None:
        lines.append("")
        lines.append(f"J-Skip (特別高度人材, no points needed): {'meets' if j_skip.eligible else 'does not meet'} "
                     "the criteria — " + "; ".join(j_skip.reasons))
    if outlook.improvements:
        lines.append("")
        lines.append("Single changes that would help most:")
        # A change that only meets the ¥3M floor adds no points: "+0" alone would read as useless.
        lines.extend(f"  +{imp.gain:<3} {imp.description}"
                     + (" — this alone makes the profile eligible" if imp.makes_eligible else "")
                     for imp in outlook.improvements[:5])
    return "\n".join(lines)
