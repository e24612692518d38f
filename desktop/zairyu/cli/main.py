"""``zairyu``: with no command it opens the desktop app; otherwise it runs one command.

Invalid input exits 2 with one line on stderr naming the field or file.

Only the module of the command being run is imported (``zairyu --version`` imports none, and
``zairyu routes`` neither the store nor the PDF renderers): every command is listed with its help
so that ``zairyu --help`` shows them all, but only the chosen one gets its arguments.
"""

from __future__ import annotations

import argparse
import importlib
import io
import sys
from collections.abc import Sequence

from zairyu import __version__
from zairyu.cli.common import EXIT_USAGE, OneLineArgumentParser, error_line
from zairyu.safe_text import display_name, has_undecodable

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
    parser.add_argument("--version", action="version", version=f"zairyu {__version__}")
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


def _refuse_undecodable_text(args: argparse.Namespace) -> None:
    """Text options (titles, names, notes) must be text; file paths may hold any bytes."""
    from zairyu.errors import UserInputError

    for dest, value in vars(args).items():
        if isinstance(value, str) and has_undecodable(value):
            raise UserInputError(f"{dest.replace('_', ' ')}: '{display_name(value)}' is not valid UTF-8 text "
                                 "(is the terminal set to UTF-8?)", kind="text_not_utf8", field=dest)


def main(argv: Sequence[str] | None = None) -> int:
    # Undecodable file names are printed with escapes rather than stopping with UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(command_in(arguments)).parse_args(arguments)
    # Imported only now: --version and --help end inside parse_args and need neither.
    from zairyu import paths
    from zairyu.errors import ZairyuError

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
        print(display_name(error_line(exc)), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `zairyu ... | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
