"""Commands of this module are being written; until then they register nothing."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    del subparsers, common
