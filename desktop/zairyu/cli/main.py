"""``zairyu``: with no command it opens the desktop app; otherwise it runs one command.

Invalid input exits 2 with one line on stderr naming the field or file (architecture.md).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from zairyu import __version__, paths
from zairyu.cli import (
    case_cmd,
    checklist_cmd,
    deadlines_cmd,
    export_cmd,
    points_cmd,
    routes_cmd,
    store_cmd,
)
from zairyu.cli.common import EXIT_USAGE, OneLineArgumentParser
from zairyu.errors import UserInputError, ZairyuError
from zairyu.safe_text import display_name, has_undecodable

# Each module adds its sub-commands with register(subparsers, parent).
COMMAND_MODULES = (routes_cmd, checklist_cmd, points_cmd, deadlines_cmd, case_cmd, store_cmd, export_cmd)


def build_parser() -> argparse.ArgumentParser:
    # --data-dir is accepted before or after the command; SUPPRESS keeps a later default from
    # overwriting an earlier value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="keep all user data in DIR (also ZAIRYU_DATA_DIR)")
    parser = OneLineArgumentParser(prog="zairyu", parents=[common],
                                   description="Organise a Japanese residence-status application, offline.")
    parser.add_argument("--version", action="version", version=f"zairyu {__version__}")
    parser.add_argument("--exit-after-startup", action="store_true",
                        help="build the main window, wait for the first paint, exit 0")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineArgumentParser)
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    return parser


def _refuse_undecodable_text(args: argparse.Namespace) -> None:
    """Text options (titles, names, notes) must be text; file paths may hold any bytes."""
    for dest, value in vars(args).items():
        if isinstance(value, str) and has_undecodable(value):
            raise UserInputError(f"{dest.replace('_', ' ')}: '{display_name(value)}' is not valid UTF-8 text "
                                 "(is the terminal set to UTF-8?)", kind="text_not_utf8", field=dest)


def main(argv: Sequence[str] | None = None) -> int:
    # Undecodable file names are printed with escapes rather than stopping with UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    paths.set_data_dir(getattr(args, "data_dir", None))
    if args.command is None:
        from zairyu.app import run_app  # Qt is imported only when the window is wanted

        return run_app(exit_after_startup=args.exit_after_startup)
    try:
        _refuse_undecodable_text(args)
        result: int = args.handler(args)
        return result
    except ZairyuError as exc:
        # One line, with any control character a file name carried shown as an escape.
        print(display_name(f"zairyu: {exc}".replace("\n", " ")), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `zairyu ... | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
