"""``zairyu checklist``: the documents a route and procedure need."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from zairyu.cli.common import add_format_option, one_route, print_json, table
from zairyu.domain.checklist import ChecklistItem, required_documents
from zairyu.domain.fees import fee_summary, load_fees
from zairyu.domain.nationality import nationality_code
from zairyu.domain.points_items import PointsItem
from zairyu.domain.routes import FRESHNESS_RULES, RouteSpec, TranslationRule
from zairyu.errors import UserInputError

if TYPE_CHECKING:
    from zairyu.domain.points import PRBasis

SUBMIT_LABEL = {"original": "original", "copy": "copy", "show": "show only"}


def configure(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    parser.add_argument("--route", required=True, help="route id (see `zairyu routes`)")
    parser.add_argument("--procedure", required=True, help="coe, change, extension or application")
    parser.add_argument("--employer-category", type=int, metavar="N", help="employer category 1-4")
    parser.add_argument("--profile", metavar="F", type=Path, action="append",
                        help="a points profile (JSON): adds the evidence for exactly the items claimed; "
                             "permanent residence: repeat it with your profiles of earlier dates (the basis "
                             "follows the points history)")
    parser.add_argument("--nationality", metavar="NAT",
                        help="the applicant's nationality (ISO 3166-1 alpha-3 code such as PHL, or the name)")
    parser.add_argument("--filing-date", metavar="DATE", type=_date,
                        help="the planned filing date, YYYY-MM-DD (default today): rules follow their effective dates")
    parser.add_argument("--principal-route", metavar="R",
                        help="a family route: the route of the person the applicant depends on")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--principal-abroad", dest="principal_abroad", action="store_const", const=True,
                       help="a family route: the principal is still abroad (files a COE too)")
    where.add_argument("--principal-in-japan", dest="principal_abroad", action="store_const", const=False,
                       help="a family route: the principal already lives in Japan")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", type=Path, help="write the checklist as a PDF")
    add_format_option(parser)
    parser.set_defaults(handler=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def points_facts(route: RouteSpec, profile_paths: list[Path],
                 filing_date: dt.date | None) -> tuple[set[PointsItem], PRBasis | None]:
    """The points items the newest profile scores, and (for permanent residence) the 70/80-point
    basis of the whole history: one profile per date, each describing the applicant from its date.

    The 1号 routes must match the profile's category; HSP(ii) and permanent residence accept any
    category.
    """
    from zairyu.domain.points import claimed_items, load_profile, pr_basis, score
    from zairyu.domain.routes import RouteId

    profiles = [load_profile(path) for path in profile_paths]
    expected = {RouteId.HSP_1A: "a", RouteId.HSP_1B: "b", RouteId.HSP_1C: "c"}.get(route.id)
    for path, profile in zip(profile_paths, profiles, strict=True):
        if expected is not None and profile.category.value != expected:
            raise UserInputError(f"{path.name}: category: '{profile.category.value}' does not match route "
                                 f"{route.id.value} (needs category '{expected}')", field="profile", file=path)
    if expected is None and route.id not in (RouteId.HSP_2, RouteId.PERMANENT_RESIDENCE):
        raise UserInputError(f"--profile: route {route.id.value} does not use HSP points", field="profile")
    dates = [p.application_date for p in profiles]
    if len(set(dates)) != len(dates):
        raise UserInputError("--profile: two profiles have the same application_date; give one per date",
                             field="profile")
    newest = max(profiles, key=lambda p: p.application_date)
    basis = pr_basis(profiles, filing_date) if route.id is RouteId.PERMANENT_RESIDENCE else None
    return claimed_items(score(newest)), basis


def write_pdf(route: RouteSpec, procedure: str, items: list[ChecklistItem], output: Path) -> None:
    """The checklist as an A4 PDF, written atomically."""
    from zairyu.reports.checklist_pdf import header_for_route, rows_from_items, write_checklist_pdf

    write_checklist_pdf(header_for_route(route, procedure), rows_from_items(items), output)


# Long English names and notes wrap onto continuation lines so a row fits a terminal; the Japanese
# name stays on one line so it can be searched and copied whole.
_WRAP = {2: 48, 5: 36}


def _wrapped_row(cells: list[str]) -> list[list[str]]:
    import textwrap  # only for the text table

    columns = [textwrap.wrap(cell, _WRAP[i]) or [""] if i in _WRAP else [cell] for i, cell in enumerate(cells)]
    height = max(len(lines) for lines in columns)
    return [[lines[n] if n < len(lines) else "" for lines in columns] for n in range(height)]


def run(args: argparse.Namespace) -> int:
    route = one_route(args.route)
    if args.employer_category is not None and not route.uses_employer_category:
        print(f"zairyu: note: route {route.id.value} does not depend on the employer category; "
              "--employer-category is ignored", file=sys.stderr)
    if args.nationality is not None and nationality_code(args.nationality) is None:
        print(f"zairyu: note: nationality '{args.nationality}' is not recognised; give the ISO 3166-1 alpha-3 "
              "code (such as PHL): documents that depend on it stay listed as conditions", file=sys.stderr)
    claimed: set[PointsItem] | None = None
    basis: PRBasis | None = None
    if args.profile:
        claimed, basis = points_facts(route, args.profile, args.filing_date)
    filing_date = args.filing_date or dt.date.today()
    items = required_documents(route, args.procedure, employer_category=args.employer_category,
                               claimed_items=claimed, pr_basis=basis.basis if basis else None,
                               hsp_holder=basis.hsp_holder if basis else None, nationality=args.nationality,
                               filing_date=filing_date, principal_route=args.principal_route,
                               principal_abroad=args.principal_abroad)
    if args.output is not None:
        write_pdf(route, args.procedure, items, args.output)
    # The fee is the one in force on the day the application is accepted: the planned filing date.
    fee = fee_summary(load_fees(), args.procedure, filing_date)
    if args.format == "json":
        print_json({"route": route.id.value, "procedure": args.procedure,
                    "employer_category": args.employer_category,
                    "nationality": args.nationality, "filing_date": filing_date.isoformat(),
                    "rules_date": route.rules_date.isoformat(),
                    "fee": fee,
                    **(basis.to_json() if basis else {}),
                    "documents": [item.to_json() for item in items]})
        return 0
    procedure = route.procedure(args.procedure)
    print(f"{route.name_en} ({route.name_ja}) — {procedure.name_en} ({procedure.name_ja})")
    if args.employer_category is not None and route.uses_employer_category:  # an ignored one is not shown
        print(f"Employer category {args.employer_category}")
    if procedure.notes_en:
        print(procedure.notes_en)
    if basis is not None:
        print(f"Permanent-residence basis: {basis.reason}")
    online = f", ¥{fee['online_yen']:,} online" if fee["online_yen"] is not None else " (counter only)"
    when = "today" if args.filing_date is None else f"on {filing_date}"
    print(f"Fee if granted, for an application accepted {when}: ¥{fee['counter_yen']:,} at the counter{online}")
    for pending in fee["pending"]:  # type: ignore[attr-defined]
        print(f"Pending fee change: {pending['en']}")
    print()
    rows: list[list[str]] = []
    for number, item in enumerate(items, start=1):
        doc = item.document
        flags = []
        if doc.foreign_language:
            flags.append("translate")
        elif doc.translation_rule is TranslationRule.IF_NOT_JAPANESE:
            flags.append("translate if not in Japanese")
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
