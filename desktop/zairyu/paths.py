"""Every path the app uses comes from here.

One override redirects all user data (``--data-dir`` or ``ZAIRYU_DATA_DIR``), which is what the
tests use. Packaged data (``checklists/``, ``resources/``) is found the same way from a checkout,
an installed wheel and a PyInstaller bundle: first inside the package (wheel and bundle carry it
as ``zairyu/checklists``), then beside the source root (a checkout or an editable install).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Zairyu"
DATA_DIR_ENV = "ZAIRYU_DATA_DIR"

_data_dir_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Redirect all user data (the ``--data-dir`` option)."""
    global _data_dir_override
    _data_dir_override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    """The folder with the database, the attachment vault and backups."""
    if _data_dir_override is not None:
        return _data_dir_override
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs  # imported when used: `zairyu --version` needs no folder at all

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Re-creatable files (converted fonts). Inside the data dir when it is overridden, so a test
    or a portable install leaves nothing behind elsewhere."""
    if _data_dir_override is not None or os.environ.get(DATA_DIR_ENV):
        return data_dir() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _packaged_dir(name: str) -> Path:
    # The package's own folder: what importlib.resources.files("zairyu") gives for a wheel, a
    # checkout and a PyInstaller bundle alike (no zip imports), without importing importlib.resources.
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    # A checkout (or an editable install): desktop/zairyu/ -> the repository root.
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the packaged folder '{name}' is missing (looked in {packaged} and {checkout})")


def checklists_dir() -> Path:
    """The rules as data: route files, points table, deadline rules, fees, universities."""
    return _packaged_dir("checklists")


def resources_dir() -> Path:
    """Icons, translations, PDF styles."""
    return _packaged_dir("resources")
