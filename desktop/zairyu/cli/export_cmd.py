"""``zairyu export checklist|points|packet|online ID -o OUT [--redact]``: a case's PDFs.

Thin over zairyu.reports.case_exports (the desktop app calls the same functions with a progress
callback and a cancel flag). Every file is written atomically; a refused input leaves no output.
``online`` writes a folder of one PDF per document for the online system; the single-PDF
``packet`` stays for printing and for procedures outside the online system.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from zairyu.cli.common import route_catalog
from zairyu.errors import UserInputError
from zairyu.safe_text import display_name

if TYPE_CHECKING:
    from zairyu.store.models import CaseView

KINDS = ("checklist", "points", "packet", "online")


def configure(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, help="which PDF (online: a folder of PDFs)")
    parser.add_argument("id", type=int, metavar="ID", help="the case id (see `zairyu case list`)")
    parser.add_argument("-o", "--output", metavar="OUT", type=Path, required=True,
                        help="the PDF to write (online: the folder to write, new or empty)")
    parser.add_argument("--max-mb", type=float, metavar="N",
                        help="packet only: split into numbered parts of at most N MB (MiB)")
    parser.add_argument("--limit-mb", type=float, metavar="N",
                        help="online only: the whole set at most N MB (default: the online system's limit)")
    parser.add_argument("--redact", action="store_true",
                        help="checklist and packet: mask passport and residence-card numbers in names and notes "
                             "(My Numbers are always masked)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from zairyu.reports import case_exports
    from zairyu.store import open_store

    if args.max_mb is not None and args.kind != "packet":
        raise UserInputError(f"--max-mb: applies to the packet only, not to the {args.kind}")
    if args.limit_mb is not None and args.kind != "online":
        raise UserInputError(f"--limit-mb: applies to the online set only, not to the {args.kind}")
    if args.redact and args.kind not in ("checklist", "packet"):
        raise UserInputError(f"--redact: applies to the checklist and the packet, not to the {args.kind}")
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
    if args.kind == "online":
        _online(case, output, args.limit_mb)
    else:
        _packet(case, output, args.max_mb, args.redact)
    if missing:
        names = ", ".join(d.code for d in missing)
        where = "set" if args.kind == "online" else "packet"
        print(f"note: {len(missing)} required document(s) have no file attached and are not in the {where}: {names}",
              file=sys.stderr)
    return 0


def _packet(case: CaseView, output: Path, max_mb: float | None, redact: bool) -> None:
    from zairyu.reports import case_exports
    from zairyu.reports.packet import part_paths

    result = case_exports.export_packet(case, route_catalog(), output, max_mb=max_mb, redact=redact)
    for path, pages, size in zip(result.paths, result.pages, result.sizes, strict=True):
        print(f"{path}\t{pages} pages\t{size / 1024 / 1024:.2f} MB")
    # A stale part from an earlier, longer export would be easy to upload by mistake; it is the
    # user's file, so it is named rather than deleted.
    written = set(result.paths)
    stale = [p for p in part_paths(output, 99) if p.exists() and p not in written]
    for path in stale:
        print(f"note: {path} is from an earlier export and is not part of this packet", file=sys.stderr)
    _changed_inputs(result.removed_content, result.flattened_forms, "packet")
    for title, dpi in result.downscaled:
        print(f"note: photos of '{title}' were downscaled to {dpi} dpi to fit --max-mb", file=sys.stderr)


def _online(case: CaseView, output: Path, limit_mb: float | None) -> None:
    from zairyu.domain.online_system import BYTES_PER_MB
    from zairyu.reports import case_exports

    limit = None if limit_mb is None else int(limit_mb * BYTES_PER_MB)
    result = case_exports.export_online_set(case, route_catalog(), output, limit_bytes=limit)
    for file in result.files:
        print(f"{file.path}\t{file.pages} pages\t{file.size / BYTES_PER_MB:.2f} MB")
    print(f"total\t{len(result.files)} files\t{result.total_bytes / BYTES_PER_MB:.2f} MB "
          f"(limit {result.limit_bytes / BYTES_PER_MB:g} MB)")
    _changed_inputs(result.removed_content, result.flattened_forms, "set")
    for title, dpi in result.downscaled:
        print(f"note: photos of '{title}' were downscaled to {dpi} dpi to fit the limit", file=sys.stderr)
    rules = result.rules
    if rules.unverified:
        print(f"note: UNVERIFIED online-system rules (from {rules.effective_from.isoformat()}, {rules.source}): "
              f"{rules.unverified}", file=sys.stderr)


def _changed_inputs(removed_content: list[tuple[str, tuple[str, ...]]], flattened_forms: list[str],
                    where: str) -> None:
    """Say what was changed in attached PDFs on the way into the output (active content, filled forms)."""
    for name, removed in removed_content:
        print(f"note: removed from {display_name(name)} (not carried into the {where}): {', '.join(removed)}",
              file=sys.stderr)
    for name in flattened_forms:
        print(f"note: the filled form fields of {display_name(name)} were printed into its pages", file=sys.stderr)
