"""What every command shares: the one-line error parser, --format json, the route catalog."""

from __future__ import annotations

import argparse
import sys
from functools import cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing, which `zairyu --version` does not need
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from zairyu.domain.routes import RouteCatalog, RouteSpec
    from zairyu.errors import ZairyuError

EXIT_USAGE = 2
PASSPHRASE_ENV = "ZAIRYU_PASSPHRASE"

# The lower layers name fields in the domain's words; the CLI names them by its flags.
FLAG_FOR_FIELD = {"output": "-o", "max_mb": "--max-mb", "limit_mb": "--limit-mb"}
# What the CLI adds to an error of a kind: the command that helps.
HINT_FOR_KIND = {
    "no_such_case": " (see `zairyu case list`)",
    "no_attachments": "; attach scans with `zairyu case attach` first",
    "no_points_profile": "; add one with `zairyu case set-points`",
}


class OneLineArgumentParser(argparse.ArgumentParser):
    """argparse prints the whole usage on a bad argument; the CLI contract is one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def error_line(exc: ZairyuError) -> str:
    """The one line the CLI prints for an error: flags for fields, hints for kinds."""
    flag = FLAG_FOR_FIELD.get(exc.field or "")
    problem = exc.details.get("problem")
    if flag and problem is not None and exc.value is not None:
        text = f"{flag} {exc.value}: {problem}"
    elif flag:
        text = f"{exc} ({flag})"
    else:
        text = str(exc)
    newest_backup = exc.details.get("newest_good_backup")
    if exc.kind == "database_damaged" and newest_backup is not None:
        import shlex

        text += f"; restore it with: zairyu restore {shlex.quote(str(newest_backup))}"
    return f"zairyu: {text}{HINT_FOR_KIND.get(exc.kind, '')}".replace("\n", " ")


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="json prints one JSON document to stdout")


def print_json(document: Any) -> None:
    import json

    # One write: json.dump would write each of its thousands of pieces to stdout in turn.
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")


@cache
def route_catalog() -> RouteCatalog:
    """The validated route files, loaded once per process; the index of `zairyu routes` is
    brought up to date with them."""
    from zairyu.cli import routes_index
    from zairyu.domain.routes import RouteCatalog
    from zairyu.paths import checklists_dir

    before = routes_index.key_before_loading()
    catalog = RouteCatalog.load(checklists_dir())
    routes_index.refresh(catalog, before)
    return catalog


def one_route(route_id: str) -> RouteSpec:
    """One validated route file: a command about one route reads only that file."""
    from zairyu.domain.routes import load_route, route_id_of
    from zairyu.paths import checklists_dir

    return load_route(checklists_dir(), route_id_of(route_id))


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain text table; widths count East Asian wide characters as two columns."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    def pad(text: str, size: int) -> str:
        return text + " " * (size - width(text))

    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(pad(h, widths[i]) for i, h in enumerate(headers)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, widths[i]) for i, c in enumerate(row)).rstrip() for row in rows]
    return "\n".join(lines)


def read_passphrase(what: str, *, new: bool) -> str:
    """The passphrase for ``what`` ("the archive"): from ZAIRYU_PASSPHRASE (scripts) or typed, hidden,
    at the terminal; a new one is typed twice. Without either: one line saying so."""
    import getpass
    import os

    from zairyu.errors import UserInputError
    from zairyu.store.crypto import check_new_passphrase

    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return check_new_passphrase(given) if new else given
    if not sys.stdin.isatty():
        raise UserInputError(f"passphrase: {what} needs a passphrase; type it in a terminal or set {PASSPHRASE_ENV}",
                             kind="passphrase_needed", field="passphrase")
    typed = getpass.getpass(f"Passphrase for {what}: ")
    if new:
        check_new_passphrase(typed)
        if getpass.getpass("The same passphrase again: ") != typed:
            raise UserInputError("passphrase: the two passphrases differ; nothing was written",
                                 kind="passphrases_differ", field="passphrase")
    return typed
