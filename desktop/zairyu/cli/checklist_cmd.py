"""``zairyu checklist``: the documents a route and procedure need."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from pathlib import Path

from zairyu.cli.common import add_format_option, print_json, route_catalog, table
from zairyu.domain.checklist import ChecklistItem, required_documents
from zairyu.domain.fees import fee_summary, load_fees
from zairyu.domain.points_items import PointsItem
from zairyu.domain.routes import FRESHNESS_RULES, RouteSpec
from zairyu.errors import UserInputError

SUBMIT_LABEL = {"original": "original", "copy": "copy", "show": "show only"}


def configure(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    parser.add_argument("--route", required=True, help="route id (see `zairyu routes`)")
    parser.add_argument("--procedure", required=True, help="coe, change, extension or application")
    parser.add_argument("--employer-category", type=int, metavar="N", help="employer category 1-4")
    parser.add_argument("--profile", metavar="F", type=Path,
                        help="a points profile (JSON): adds the evidence for exactly the items claimed")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", type=Path, help="write the checklist as a PDF")
    add_format_option(parser)
    parser.set_defaults(handler=run)


def claimed_points_items(route: RouteSpec, profile_path: Path) -> tuple[set[PointsItem], int | None]:
    """The points items a profile scores, and (for permanent residence) its 70/80 basis.

    The 1号 routes must match the profile's category; HSP(ii) and permanent residence accept any
    category. The basis is 80 when the current total is ≥80, else 70 (facts.md §1.8).
    """
    from zairyu.domain.points import claimed_items, load_profile, pr_document_basis, score
    from zairyu.domain.routes import RouteId

    profile = load_profile(profile_path)
    expected = {RouteId.HSP_1A: "a", RouteId.HSP_1B: "b", RouteId.HSP_1C: "c"}.get(route.id)
    if expected is not None and profile.category.value != expected:
        raise UserInputError(f"{profile_path.name}: category: '{profile.category.value}' does not match route "
                             f"{route.id.value} (needs category '{expected}')")
    if expected is None and route.id not in (RouteId.HSP_2, RouteId.PERMANENT_RESIDENCE):
        raise UserInputError(f"--profile: route {route.id.value} does not use HSP points")
    result = score(profile)
    pr_basis = None
    if route.id is RouteId.PERMANENT_RESIDENCE:
        pr_basis = pr_document_basis(result)
    return claimed_items(result), pr_basis


def write_pdf(route: RouteSpec, procedure: str, items: list[ChecklistItem], output: Path) -> None:
    """The checklist as an A4 PDF (issue 6), written atomically."""
    from zairyu.reports.checklist_pdf import header_for_route, rows_from_items, write_checklist_pdf

    write_checklist_pdf(header_for_route(route, procedure), rows_from_items(items), output)


# Long English names and notes wrap onto continuation lines so a row fits a terminal; the Japanese
# name stays on one line so it can be searched and copied whole.
_WRAP = {2: 48, 5: 36}


def _wrapped_row(cells: list[str]) -> list[list[str]]:
    columns = [textwrap.wrap(cell, _WRAP[i]) or [""] if i in _WRAP else [cell] for i, cell in enumerate(cells)]
    height = max(len(lines) for lines in columns)
    return [[lines[n] if n < len(lines) else "" for lines in columns] for n in range(height)]


def run(args: argparse.Namespace) -> int:
    route = route_catalog().get(args.route)
    if args.employer_category is not None and not route.uses_employer_category:
        print(f"zairyu: note: route {route.id.value} does not depend on the employer category; "
              "--employer-category is ignored", file=sys.stderr)
    claimed, pr_basis = (None, None)
    if args.profile is not None:
        claimed, pr_basis = claimed_points_items(route, args.profile)
    items = required_documents(route, args.procedure, employer_category=args.employer_category,
                               claimed_items=claimed, pr_basis=pr_basis)
    if args.output is not None:
        write_pdf(route, args.procedure, items, args.output)
    # The fee is the one in force on the day the application is accepted; today is the best guess.
    fee = fee_summary(load_fees(), args.procedure, dt.date.today())
    if args.format == "json":
        print_json({"route": route.id.value, "procedure": args.procedure,
                    "employer_category": args.employer_category,
                    "rules_date": route.rules_date.isoformat(),
                    "fee": fee,
                    "documents": [item.to_json() for item in items]})
        return 0
    procedure = route.procedure(args.procedure)
    print(f"{route.name_en} ({route.name_ja}) — {procedure.name_en} ({procedure.name_ja})")
    if args.employer_category is not None and route.uses_employer_category:  # an ignored one is not shown
        print(f"Employer category {args.employer_category}")
    if procedure.notes_en:
        print(procedure.notes_en)
    online = f", ¥{fee['online_yen']:,} online" if fee["online_yen"] is not None else " (counter only)"
    print(f"Fee if granted, for an application accepted today: ¥{fee['counter_yen']:,} at the counter{online}")
    for pending in fee["pending"]:  # type: ignore[attr-defined]
        print(f"Pending fee change: {pending['en']}")
    print()
    rows: list[list[str]] = []
    for number, item in enumerate(items, start=1):
        doc = item.document
        flags = []
        if doc.foreign_language:
            flags.append("translate")
        if doc.freshness is not None:
            flags.append(f"≤{FRESHNESS_RULES[doc.freshness][0]} months")
        if item.conditional_en:
            flags.append(item.conditional_en)
        if doc.when.note_en:  # a condition only the user can judge ("if you are a dispatched worker")
            flags.append(doc.when.note_en)
        if doc.unverified:
            flags.append("UNVERIFIED")
        rows += _wrapped_row([str(number), doc.code, doc.name_en, doc.name_ja, SUBMIT_LABEL[doc.submit.value],
                              "; ".join(flags)])
    print(table(rows, ["#", "code", "document", "書類", "submit", "notes"]))
    return 0
