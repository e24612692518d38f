"""The argument parser of every command but the two ``main`` answers without it.

Only the module of the command being run is imported (``zairyu routes`` imports neither the store
nor the PDF renderers): every command is listed with its help so that ``zairyu --help`` shows them
all, but only the chosen one gets its arguments.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from zairyu.cli.common import OneLineArgumentParser
from zairyu.cli.main import VERSION_LINE

# command -> ("module:function" that adds its arguments and handler, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "routes": ("zairyu.cli.routes_cmd:configure", "list the routes and their procedures"),
    "checklist": ("zairyu.cli.checklist_cmd:configure", "the documents a route needs"),
    "points": ("zairyu.cli.points_cmd:configure", "the HSP points of a profile"),
    "deadlines": ("zairyu.cli.deadlines_cmd:configure", "deadlines from dated events"),
    "case": ("zairyu.cli.case_cmd:configure", "cases: documents, attachments, archives"),
    "backup": ("zairyu.cli.store_cmd:configure_backup", "copy the database to the backups folder"),
    "restore": ("zairyu.cli.store_cmd:configure_restore",
                "replace the data with a backup (the current data is kept aside)"),
    "export": ("zairyu.cli.export_cmd:configure", "a case's checklist, points summary or packet"),
}

def _common_options() -> OneLineArgumentParser:
    # --data-dir is accepted before or after the command; SUPPRESS keeps a later default from
    # overwriting an earlier value.
    common = OneLineArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="keep all user data in DIR (also ZAIRYU_DATA_DIR)")
    return common


def command_in(argv: Sequence[str]) -> str | None:
    """The command an argument list names, found the way the full parser will find it (so that
    ``--data-dir backup case list`` is the ``case`` command)."""
    probe = argparse.ArgumentParser(add_help=False, parents=[_common_options()])
    probe.add_argument("words", nargs=argparse.REMAINDER)
    known, _unknown = probe.parse_known_args(argv)
    first = known.words[0] if known.words else None
    return first if first in COMMANDS else None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command listed and ``command``'s arguments added."""
    common = _common_options()
    parser = OneLineArgumentParser(prog="zairyu", parents=[common],
                                   description="Organise a Japanese residence-status application, offline.")
    parser.add_argument("--version", action="version", version=VERSION_LINE)
    parser.add_argument("--exit-after-startup", action="store_true",
                        help="build the main window, wait for the first paint, exit 0")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineArgumentParser)
    for name, (target, help_text) in COMMANDS.items():
        if name != command:  # only listed (in --help and "choose from"), never parsed: kept bare
            subparsers.add_parser(name, help=help_text, add_help=False)
            continue
        sub = subparsers.add_parser(name, parents=[common], help=help_text)
        module_name, _, function = target.partition(":")
        getattr(importlib.import_module(module_name), function)(sub, common)
    return parser


def parse(arguments: list[str]) -> argparse.Namespace:
    """The parsed arguments; --help, --version and a usage error end here (SystemExit)."""
    return build_parser(command_in(arguments)).parse_args(arguments)
