"""``zairyu case ...``: create, show and change cases, attach scans, export and import archives.

Thin over zairyu.store (the GUI calls the same Store methods).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from zairyu.cli.common import PASSPHRASE_ENV, add_format_option, print_json, read_passphrase, table
from zairyu.domain.date_range import DateOutOfRange, check_date_range
from zairyu.errors import UserInputError, ZairyuError
from zairyu.store.models import CaseView
from zairyu.store.schema import DOCUMENT_STATUSES, TRANSLATION_STATUSES
from zairyu.store.service import UNSET, Store, open_store
from zairyu.user_files import read_json_file

APPLICANT_OPTIONS = (
    ("--applicant-name", "name", "the main applicant's name (as in the passport)"),
    ("--nationality", "nationality", "the main applicant's nationality"),
    ("--birth-date", "birth_date", "YYYY-MM-DD"),
    ("--passport-number", "passport_number", None),
    ("--passport-expiry", "passport_expiry", "YYYY-MM-DD"),
    ("--residence-card-number", "residence_card_number", None),
    ("--residence-card-expiry", "residence_card_expiry", "YYYY-MM-DD"),
)


def configure(case: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    commands = case.add_subparsers(dest="case_command", metavar="CASE_COMMAND", required=True,
                                   parser_class=type(case))

    new = commands.add_parser("new", parents=[common], help="create a case; prints its id")
    new.add_argument("--route", required=True, help="route id (see `zairyu routes`)")
    new.add_argument("--procedure", required=True, help="coe, change, extension or application")
    new.add_argument("--title", default="", help="a name for the case")
    new.add_argument("--employer-category", type=int, metavar="N", help="employer category 1-4")
    new.add_argument("--target-date", metavar="DATE", help="the planned filing date, YYYY-MM-DD")
    new.add_argument("--notes", default="")
    new.add_argument("--principal", type=int, metavar="CASE_ID",
                     help="a family route: the case of the person the applicant depends on")
    new.add_argument("--relation", help="with --principal: spouse, child or other (dependent, j-find-family)")
    _add_household_options(new)
    for option, dest, help_text in APPLICANT_OPTIONS:
        new.add_argument(option, dest=f"applicant_{dest}", metavar="VALUE", help=help_text)
    add_format_option(new)
    new.set_defaults(handler=run_new)

    listing = commands.add_parser("list", parents=[common], help="the cases")
    add_format_option(listing)
    listing.set_defaults(handler=run_list)

    show = commands.add_parser("show", parents=[common], help="one case with its documents")
    show.add_argument("id", type=int, metavar="ID")
    add_format_option(show)
    show.set_defaults(handler=run_show)

    edit = commands.add_parser("edit", parents=[common], help="change a case's title, category, date, notes")
    edit.add_argument("id", type=int, metavar="ID")
    edit.add_argument("--title")
    edit.add_argument("--employer-category", type=int, metavar="N")
    edit.add_argument("--target-date", metavar="DATE", help="YYYY-MM-DD, or '' to clear")
    edit.add_argument("--notes")
    _add_household_options(edit)
    for option, dest, help_text in APPLICANT_OPTIONS:
        edit.add_argument(option, dest=f"applicant_{dest}", metavar="VALUE", help=help_text)
    edit.set_defaults(handler=run_edit)

    set_doc = commands.add_parser("set", parents=[common], help="update a document of a case")
    set_doc.add_argument("id", type=int, metavar="ID")
    set_doc.add_argument("code", metavar="DOCUMENT_CODE")
    set_doc.add_argument("--status", help=", ".join(DOCUMENT_STATUSES))
    set_doc.add_argument("--translation", help=", ".join(TRANSLATION_STATUSES)
                         + " (also answers whether a document that may be in Japanese is)")
    set_doc.add_argument("--issued", metavar="DATE", help="issue date YYYY-MM-DD ('' clears it)")
    set_doc.add_argument("--expiry", metavar="DATE", help="expiry date YYYY-MM-DD ('' clears it)")
    set_doc.add_argument("--copies", type=int, metavar="N")
    set_doc.add_argument("--notes")
    set_doc.add_argument("--translator", metavar="NAME", help="who translates it ('' clears it)")
    add_format_option(set_doc)
    set_doc.set_defaults(handler=run_set)

    add_doc = commands.add_parser("add-document", parents=[common], help="add a document of your own")
    add_doc.add_argument("id", type=int, metavar="ID")
    add_doc.add_argument("code", metavar="DOCUMENT_CODE", help="lower-case letters, digits and '-'")
    add_doc.add_argument("name_en", metavar="NAME")
    add_doc.add_argument("--name-ja", default="")
    add_doc.add_argument("--translation", default="not_needed", help=", ".join(TRANSLATION_STATUSES))
    add_doc.set_defaults(handler=run_add_document)

    attach = commands.add_parser("attach", parents=[common], help="attach scans (PDF, JPEG, PNG)")
    attach.add_argument("id", type=int, metavar="ID")
    attach.add_argument("code", metavar="DOCUMENT_CODE")
    attach.add_argument("files", nargs="+", type=Path, metavar="FILE")
    attach.set_defaults(handler=run_attach)

    points = commands.add_parser("set-points", parents=[common], help="store the points profile of a case")
    points.add_argument("id", type=int, metavar="ID")
    points.add_argument("profile", type=Path, metavar="PROFILE.json")
    points.set_defaults(handler=run_set_points)

    event = commands.add_parser("add-event", parents=[common], help="record a dated event (see deadlines)")
    event.add_argument("id", type=int, metavar="ID")
    event.add_argument("type", metavar="TYPE", help="coe_issued, landed, moved, employer_changed, "
                                                    "stay_expires, departed, child_born")
    event.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
    event.set_defaults(handler=run_add_event)

    deadlines = commands.add_parser("deadlines", parents=[common],
                                    help="the case's own deadlines (freshness, expiries, stay, PR dates)")
    deadlines.add_argument("id", type=int, metavar="ID")
    deadlines.add_argument("--today", type=_iso_date, metavar="DATE", help="count from this day (default: today)")
    deadlines.add_argument("--ics", type=Path, metavar="OUT.ics", help="also write them as a calendar file")
    deadlines.add_argument("--household", action="store_true",
                           help="every person of the case's household in one list")
    add_format_option(deadlines)
    deadlines.set_defaults(handler=run_deadlines)

    export = commands.add_parser("export", parents=[common], help="write a portable archive of one case")
    export.add_argument("id", type=int, metavar="ID")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.zip")
    export.add_argument("--encrypt", action="store_true",
                        help=f"encrypt the archive with a passphrase (asked for, or ${PASSPHRASE_ENV})")
    export.set_defaults(handler=run_export)

    importer = commands.add_parser("import", parents=[common], help="add the case of an archive")
    importer.add_argument("archive", type=Path, metavar="FILE.zip")
    importer.set_defaults(handler=run_import)


def _add_household_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--annual-pay", type=int, metavar="YEN",
                        help="the applicant's pay a year, in yen (household income of the HSP family routes)")
    parser.add_argument("--expected-birth", metavar="DATE",
                        help="YYYY-MM-DD: the expected date of birth when the applicant is pregnant")


def _applicant_values(args: argparse.Namespace) -> dict[str, Any]:
    values = {}
    for _option, dest, _help in APPLICANT_OPTIONS:
        value = getattr(args, f"applicant_{dest}")
        if value is not None:
            values[dest] = value
    return values


def run_new(args: argparse.Namespace) -> int:
    with open_store() as store:
        case_id = store.create_case(route=args.route, procedure=args.procedure,
                                    employer_category=args.employer_category, title=args.title,
                                    target_filing_date=args.target_date, notes=args.notes,
                                    applicant=_applicant_values(args), principal_case_id=args.principal,
                                    relation=args.relation, annual_pay_yen=args.annual_pay,
                                    expected_birth=args.expected_birth)
        if args.format == "json":
            print_json(store.get_case(case_id).to_json())
            return 0
    print(f"Created case {case_id}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_store() as store:
        cases = store.list_cases()
    if args.format == "json":
        print_json({"cases": [c.to_json() for c in cases]})
        return 0
    if not cases:
        print("No cases yet. Create one with `zairyu case new --route R --procedure P`.")
        return 0
    rows = [[str(c.id), c.title, c.route, c.procedure, str(c.employer_category or ""), c.applicant_name,
             f"{c.documents_ready}/{c.documents_total}"] for c in cases]
    print(table(rows, ["id", "title", "route", "procedure", "category", "applicant", "ready"]))
    return 0


def _household_json(store: Store, case: CaseView, today: dt.date) -> dict[str, Any]:
    from zairyu.store import household

    found = household.eligibility(store, case.id, today)
    return {
        "principal_case_id": case.principal_case_id,
        "cases": [member.to_json() for member in household.household_cases(store, case.id)],
        "shared_with_principal": household.shared_documents(store, case),
        "annual_pay_yen": case.annual_pay_yen,
        "expected_birth": case.expected_birth.isoformat() if case.expected_birth else None,
        "eligibility": found.to_json() if found is not None else None,
    }


def _print_household(info: dict[str, Any], case: CaseView) -> None:
    if len(info["cases"]) > 1:
        print("Household: " + "; ".join(
            f"case {m['case']} {m['person']} ({m['relation']}, {m['route']} {m['procedure']})" for m in info["cases"]))
    if info["shared_with_principal"]:
        whose = "with the principal" if case.principal_case_id is not None else "with the family"
        print(f"Shared {whose} (attach once, counted in every case): " + ", ".join(info["shared_with_principal"]))
    eligibility = info["eligibility"]
    if eligibility is not None:
        verdict = {True: "met", False: "NOT MET", None: "not known yet"}[eligibility["eligible"]]
        print(f"Household conditions on {eligibility['on']}: {verdict}")
        for finding in eligibility["findings"]:
            mark = {True: "ok", False: "NOT MET", None: "?"}[finding["met"]]
            print(f"  [{mark}] {finding['text_en']}" + (" (UNVERIFIED)" if finding["unverified"] else ""))


def _print_case(case: CaseView, procedure_notes: str = "") -> None:
    heading = f"Case {case.id}"
    if case.title:
        heading += f": {case.title}"
    print(heading)
    print(f"Route: {case.route} ({case.procedure})"
          + (f", employer category {case.employer_category}" if case.employer_category else ""))
    if case.applicant.name:
        print(f"Applicant: {case.applicant.name}"
              + (f" ({case.applicant.nationality})" if case.applicant.nationality else ""))
    if case.target_filing_date:
        print(f"Target filing date: {case.target_filing_date}")
    if case.route == "permanent-residence":
        print(f"Permanent-residence basis: {case.pr_basis or 'neither'} ({case.pr_basis_reason})")
    if procedure_notes:
        print(f"Note: {procedure_notes}")
    if case.points_profile is not None:
        print(f"Points profile: stored ({len(case.points_history)} version(s))")
    if case.annual_pay_yen is not None:
        print(f"Annual pay: ¥{case.annual_pay_yen:,}")
    if case.expected_birth:
        print(f"Expected birth: {case.expected_birth}")
    print()
    rows = []
    for doc in case.documents:
        files = ", ".join(a.original_name + (" (owner password)" if a.encrypted_owner_only else "")
                          for a in doc.attachments)
        flags = []
        if not doc.required:
            flags.append("no longer required")
        if doc.user_added:
            flags.append("added by you")
        if doc.translation_question:
            flags.append("is it in Japanese? answer with --translation not_needed (yes) or needed (no)")
        rows.append([doc.code, doc.name_en, doc.name_ja, doc.status, doc.translation, str(doc.issued or ""),
                     files, "; ".join(flags)])
    print(table(rows, ["code", "document", "書類", "status", "translation", "issued", "attachments", "notes"]))
    for event in case.events:
        print(f"Event: {event['type']} on {event['date']}")


def _procedure_notes(store: Store, case: CaseView) -> str:
    """The route's notes for the case's procedure (a permanent-residence case: the warning to pay
    taxes and contributions on time); empty when the route data has none or cannot be read."""
    try:
        return store.catalog.get(case.route).procedure(case.procedure).notes_en
    except ZairyuError:
        return ""


def run_show(args: argparse.Namespace) -> int:
    with open_store() as store:
        case = store.get_case(args.id)
        info = _household_json(store, case, dt.date.today())
        notes = _procedure_notes(store, case)
    if args.format == "json":
        print_json({**case.to_json(), "household": info, "procedure_notes_en": notes})
    else:
        _print_case(case, notes)
        _print_household(info, case)
    return 0


def run_edit(args: argparse.Namespace) -> int:
    with open_store() as store:
        store.update_case(
            args.id,
            title=args.title if args.title is not None else UNSET,
            employer_category=args.employer_category if args.employer_category is not None else UNSET,
            target_filing_date=args.target_date if args.target_date is not None else UNSET,
            notes=args.notes if args.notes is not None else UNSET,
            annual_pay_yen=args.annual_pay if args.annual_pay is not None else UNSET,
            expected_birth=args.expected_birth if args.expected_birth is not None else UNSET)
        applicant = _applicant_values(args)
        if applicant:
            store.update_applicant(store.case_applicant_id(args.id), **applicant)
    print(f"Updated case {args.id}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    with open_store() as store:
        store.set_document(args.id, args.code, status=args.status, translation=args.translation,
                           issued=args.issued if args.issued is not None else UNSET,
                           expiry=args.expiry if args.expiry is not None else UNSET,
                           copies=args.copies, notes=args.notes, translator=args.translator)
        doc = store.get_case(args.id).document(args.code)
    if args.format == "json":
        print_json(doc.to_json())
    else:
        print(f"{doc.code}: status {doc.status}, translation {doc.translation}"
              + (f" by {doc.translator}" if doc.translator else "")
              + (f", issued {doc.issued}" if doc.issued else ""))
    return 0


def run_add_document(args: argparse.Namespace) -> int:
    with open_store() as store:
        doc = store.add_document(args.id, args.code, args.name_en, args.name_ja, translation=args.translation)
    print(f"Added document {doc.code} to case {args.id}")
    return 0


def run_attach(args: argparse.Namespace) -> int:
    with open_store() as store:
        # All or nothing: every file (a typo in the last name too) is checked before any is attached.
        attachments = store.attach_files(args.id, args.code, [(file, file.name) for file in args.files])
    for attachment in attachments:
        kind = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}[attachment.media_type]
        note = ", owner password only (opens without a password)" if attachment.encrypted_owner_only else ""
        pages = f", {attachment.pages} page{'s' if attachment.pages != 1 else ''}" if kind == "PDF" else ""
        print(f"Attached {attachment.original_name} to {args.code}: {kind}{pages}{note}, "
              f"sha256 {attachment.sha256[:12]}", flush=True)
    return 0


def run_set_points(args: argparse.Namespace) -> int:
    path: Path = args.profile
    data = read_json_file(path, "profile")
    if not isinstance(data, dict):
        raise UserInputError(f"{path}: a points profile is a JSON object, not {type(data).__name__}")
    with open_store() as store:
        store.set_points(args.id, data, source=path.name)
        versions = len(store.get_case(args.id).points_history)
    print(f"Stored the points profile of case {args.id} (version {versions})")
    return 0


def run_add_event(args: argparse.Namespace) -> int:
    with open_store() as store:
        store.add_event(args.id, args.type, args.date)
    print(f"Recorded {args.type} on {args.date} for case {args.id}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    passphrase = read_passphrase("the archive", new=True) if args.encrypt else None
    with open_store() as store:
        written = store.export_case(args.id, args.output, passphrase=passphrase)
    print(f"Exported case {args.id} to {written}" + (" (encrypted)" if passphrase is not None else ""))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from zairyu.store.archive import check_archive
    from zairyu.store.crypto import is_encrypted

    passphrase = read_passphrase(str(args.archive), new=False) if is_encrypted(args.archive) else None
    # Everything in the archive is checked before the store is even opened: a hostile or damaged
    # archive leaves the data folder exactly as it was.
    with check_archive(args.archive, passphrase=passphrase) as checked, open_store() as store:
        case_id = store.import_case(checked)
    print(f"Imported {args.archive.name} as case {case_id}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run `python -m zairyu case ...`")


def _iso_date(text: str) -> dt.date:
    try:
        return check_date_range(dt.date.fromisoformat(text))
    except DateOutOfRange as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def run_deadlines(args: argparse.Namespace) -> int:
    from zairyu.cli.common import route_catalog
    from zairyu.store.deadlines_link import deadlines_for_case

    today = args.today or dt.date.today()
    if args.household:
        return _household_deadlines(args, today)
    with open_store() as store:
        case = store.get_case(args.id)
    deadlines = deadlines_for_case(case, route_catalog(), today)
    if args.ics is not None:
        from zairyu.reports.ics import write_ics

        write_ics(deadlines, args.ics)
    if args.format == "json":
        print_json({"case": case.id, "today": today.isoformat(),
                    "deadlines": [d.to_json() for d in deadlines]})
        return 0
    if not deadlines:
        print(f"Case {case.id} has no dated deadlines yet: add issue dates, expiry dates, a target filing "
              "date or events (case add-event).")
    rows = [[d.severity.value, d.act_by.isoformat(), d.due.isoformat(), d.title_en, d.subject or ""]
            for d in deadlines]
    if rows:
        print(table(rows, ["severity", "act by", "due", "what", "subject"]))
    if args.ics is not None:
        print(f"Calendar written: {args.ics}")
    return 0


def _household_deadlines(args: argparse.Namespace, today: dt.date) -> int:
    from zairyu.store.household import household_deadlines

    with open_store() as store:
        deadlines = household_deadlines(store, args.id, today)
    if args.ics is not None:
        from zairyu.reports.ics import write_ics

        write_ics(deadlines, args.ics)
    if args.format == "json":
        print_json({"case": args.id, "household": True, "today": today.isoformat(),
                    "deadlines": [d.to_json() for d in deadlines]})
        return 0
    if not deadlines:
        print(f"The household of case {args.id} has no dated deadlines yet.")
    rows = [[d.severity, d.act_by.isoformat(), d.due.isoformat(), d.person, d.title_en, d.subject or ""]
            for d in deadlines]
    if rows:
        print(table(rows, ["severity", "act by", "due", "who", "what", "subject"]))
    if args.ics is not None:
        print(f"Calendar written: {args.ics}")
    return 0
