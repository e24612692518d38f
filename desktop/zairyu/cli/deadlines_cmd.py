"""``zairyu deadlines EVENTS.json [--format json] [--ics OUT.ics]``: deadlines from dated events.

The input and output are the documented events format (README). Bad input exits 2 with one line naming the event
(index and type) and the field.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from zairyu.cli.common import add_format_option, print_json, table
from zairyu.domain.deadlines import compute_deadlines, parse_events
from zairyu.user_files import read_json_file


def configure(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    parser.add_argument("events", metavar="EVENTS.json", type=Path,
                        help='{"events": [{"type": T, "date": "YYYY-MM-DD"}, ...]}')
    parser.add_argument("--ics", metavar="OUT.ics", type=Path, help="also write the deadlines as a calendar file")
    add_format_option(parser)
    parser.set_defaults(handler=run)


def read_events_file(path: Path) -> object:
    return read_json_file(path, "events")


def run(args: argparse.Namespace) -> int:
    events = parse_events(read_events_file(args.events), str(args.events))
    deadlines = compute_deadlines(events)
    if args.ics is not None:
        from zairyu.reports.ics import write_ics

        write_ics(deadlines, args.ics)
    if args.format == "json":
        print_json({"deadlines": [d.to_json() for d in deadlines]})
        return 0
    if not deadlines:
        print("No events, no deadlines.")
        return 0
    rows = []
    for d in deadlines:
        who = f" ({d.person})" if d.person else ""
        rows.append([d.act_by.isoformat(), d.due.isoformat(), d.opens.isoformat() if d.opens else "",
                     d.rule + who, f"{d.event.value} {d.event_date.isoformat()}"])
    print(table(rows, ["act by", "due", "opens", "rule", "event"]))
    for d in deadlines:
        print()
        print(f"{d.act_by.isoformat()}  {d.title_en} — {d.title_ja}")
        for note in d.notes:
            print(f"  • {note}")
        print(f"  Source: {d.source}")
    if args.ics is not None:
        print()
        print(f"Calendar written: {args.ics}")
    return 0
