"""``zairyu``: with no command it opens the desktop app; otherwise it runs one command.

Invalid input exits 2 with one line on stderr naming the field or file.

Three answers need no argument parser and come first: ``zairyu --version``, ``zairyu routes``
while its table is in the index kept beside the rules cache (``routes_index``), and the window
(``zairyu`` alone, or with ``--exit-after-startup``), whose first paint should not wait for
argparse. Only the exact argument lists below take them; anything else (``--help``,
``--data-dir``, a typo, an abbreviated option) goes to the parser (``parser.py``), so its
behaviour and its error lines are the same.
"""

from __future__ import annotations

import io
import sys

from zairyu import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing, which `zairyu --version` does not need
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

VERSION_LINE = f"zairyu {__version__}"  # what --version prints
_ROUTES_TABLE = (["routes"], ["routes", "--format", "text"], ["routes", "--format=text"])
_WINDOW: tuple[list[str], ...] = ([], ["--exit-after-startup"])


def _refuse_undecodable_text(args: argparse.Namespace) -> None:
    """Text options (titles, names, notes) must be text; file paths may hold any bytes."""
    from zairyu.errors import UserInputError
    from zairyu.safe_text import display_name, has_undecodable

    for dest, value in vars(args).items():
        if isinstance(value, str) and has_undecodable(value):
            raise UserInputError(f"{dest.replace('_', ' ')}: '{display_name(value)}' is not valid UTF-8 text "
                                 "(is the terminal set to UTF-8?)", kind="text_not_utf8", field=dest)


def _routes_from_index() -> bool:
    """Print the routes table from its index; False (nothing printed) when the index is missing or
    stale, and the command takes the normal path, which writes it again."""
    from zairyu import paths
    from zairyu.cli import routes_index

    paths.set_data_dir(None)  # what the normal path does without --data-dir
    table = routes_index.cached_text()
    if table is None:
        return False
    try:  # noqa: SIM105 (contextlib.suppress: importing contextlib costs a third of this path)
        print(table)
    except BrokenPipeError:  # `zairyu routes | head`
        pass
    return True


def _run_window(*, exit_after_startup: bool) -> int:
    from zairyu.app import run_app  # Qt is imported only when the window is wanted

    return run_app(exit_after_startup=exit_after_startup)


def main(argv: Sequence[str] | None = None) -> int:
    # Undecodable file names are printed with escapes rather than stopping with UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:
        print(VERSION_LINE)  # all that the parser's --version prints
        return 0
    if arguments in _ROUTES_TABLE and _routes_from_index():
        return 0
    if arguments in _WINDOW:
        return _run_window(exit_after_startup=bool(arguments))
    from zairyu.cli.parser import parse

    args = parse(arguments)
    # Imported only now: --help ends inside parse_args and needs neither.
    from zairyu import paths
    from zairyu.cli.common import EXIT_USAGE, error_line
    from zairyu.errors import ZairyuError
    from zairyu.safe_text import display_name

    paths.set_data_dir(getattr(args, "data_dir", None))
    if args.command is None:
        return _run_window(exit_after_startup=args.exit_after_startup)
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
