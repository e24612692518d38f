"""The PDF font file chosen in the desktop app's Settings.

Kept apart from ``fonts`` (which brings reportlab) so that the app can apply the saved choice right
after it starts, without loading the PDF libraries before the first PDF is made.
"""

from __future__ import annotations

import os
from pathlib import Path

_chosen: Path | None = None


def set_preferred_font(path: str | os.PathLike[str] | None) -> None:
    """The font file chosen in Settings (the desktop app calls this when the setting changes)."""
    global _chosen
    _chosen = Path(path) if path else None


def preferred_font() -> Path | None:
    return _chosen
