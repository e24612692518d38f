"""``zairyu export checklist|points|packet ID -o OUT.pdf [--max-mb N] [--redact]``: a case's PDFs.

Thin over zairyu.reports.case_exports (the desktop app calls the same functions with a progress
callback and a cancel flag). Every file is written atomically; a refused input leaves no output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zairyu.cli.common import route_catalog
from zairyu.errors import UserInputError
from zairyu.safe_text import display_name

KINDS = ("checklist", "points", "packet")


def configure(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, help="which PDF")
    parser.add_argument("id", type=int, metavar="ID", help="the case id (see `zairyu case list`)")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", type=Path, required=True, help="the PDF to write")
    parser.add_argument("--max-mb", type=float, metavar="N",
                        help="packet only: split into numbered parts of at most N MB (the online system takes 10)")
    parser.add_argument("--redact", action="store_true",
                        help="checklist and packet: mask passport and residence-card numbers in names and notes "
                             "(My Numbers are always masked)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from zairyu.reports import case_exports
    from zairyu.reports.packet import part_paths
    from zairyu.store import open_store

    if args.max_mb is not None and args.kind != "packet":
        raise UserInputError(f"--max-mb: applies to the packet only, not to the {args.kind}")
    if args.redact and args.kind == "points":
        raise UserInputError("--redact: applies to the checklist and the packet; the points summary has no "
                             "identity numbers")
    output: Path = args.output
    with open_store() as store:
        case = store.get_case(args.id)
    if args.kind == "checklist":
        case_exports.export_checklist(case, route_catalog(), output, redact=args.redact)
        print(output)
        return 0
    if args.kind == "points":
        case_exports.export_points(case, output)
        print(output)
        return 0
    missing = case_exports.documents_without_files(case, route_catalog())
    result = case_exports.export_packet(case, route_catalog(), output, max_mb=args.max_mb, redact=args.redact)
    for path, pages, size in zip(result.paths, result.pages, result.sizes, strict=True):
        print(f"{path}\t{pages} pages\t{size / 1024 / 1024:.2f} MB")
    # A stale part from an earlier, longer export would be easy to upload by mistake; it is the
    # user's file, so it is named rather than deleted.
    written = set(result.paths)
    stale = [p for p in part_paths(output, 99) if p.exists() and p not in written]
    for path in stale:
        print(f"note: {path} is from an earlier export and is not part of this packet", file=sys.stderr)
    for name, removed in result.removed_content:
        print(f"note: removed from {display_name(name)} (not carried into the packet): {', '.join(removed)}",
              file=sys.stderr)
    for name in result.flattened_forms:
        print(f"note: the filled form fields of {display_name(name)} were printed into its pages", file=sys.stderr)
    for title, dpi in result.downscaled:
        print(f"note: photos of '{title}' were downscaled to {dpi} dpi to fit --max-mb", file=sys.stderr)
    if missing:
        names = ", ".join(d.code for d in missing)
        print(f"note: {len(missing)} required document(s) have no file attached and are not in the packet: {names}",
              file=sys.stderr)
    return 0
