"""``zairyu routes``: the routes and their procedures."""

from __future__ import annotations

import argparse

from zairyu.cli import routes_index
from zairyu.cli.common import add_format_option, print_json, route_catalog


def configure(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    add_format_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.format == "json":
        print_json({"routes": [
            {"id": r.id.value, "name_en": r.name_en, "name_ja": r.name_ja, "status_ja": r.status_ja,
             "rules_date": r.rules_date.isoformat(), "uses_employer_category": r.uses_employer_category,
             "uses_points": r.uses_points,
             "procedures": [{"id": p.id.value, "name_en": p.name_en, "name_ja": p.name_ja} for p in r.procedures]}
            for r in route_catalog()]})
        return 0
    # The table that the index `zairyu routes` is usually served from holds (main.py).
    print(routes_index.text(route_catalog()))
    return 0
