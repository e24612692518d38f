"""What the ISA online application system accepts as attachments, read from ``checklists/online-system.toml``.

The limits (how many files, how many MB in all, which formats, the least resolution) are data
with their source and effective date, so that a change to the system is an edit to the file.
A plain dataclass that pydantic validates on a first read (as the route models): the packet
page and a run served from the rules cache need no pydantic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.field_checks import at_least, at_most, min_length, more_than
from zairyu.domain.routes import SourceTier, check

ONLINE_SYSTEM_FILE = "online-system.toml"
# "25MB" read as decimal megabytes: the smaller reading, so a set that fits fits either way.
BYTES_PER_MB = 1_000_000

AttachmentFormat = Literal["pdf", "jpeg", "png"]
# Unknown keys are an error (a misspelt key would otherwise be silently ignored).
_STRICT = {"extra": "forbid"}


@dataclass(frozen=True, kw_only=True)
class OnlineSystemRules:
    __pydantic_config__ = _STRICT

    schema_version: Literal[1] = 1
    rules_date: dt.date  # when the file was last checked against its sources
    effective_from: dt.date  # the first day the system applies these limits
    max_files: int | None = None  # None: no limit was published
    max_total_mb: float  # all attachments together, the face photo included
    formats: list[AttachmentFormat]
    min_dpi: int
    source: str
    source_tier: SourceTier
    unverified: str | None = None  # why no official source confirmed the limits; shown to the user
    pdf_rules_source: str
    pdf_rules_source_tier: SourceTier

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        at_least("max_files", self.max_files, 1)
        more_than("max_total_mb", self.max_total_mb, 0)
        at_most("max_total_mb", self.max_total_mb, 1000)
        min_length("formats", self.formats, 1)
        check("pdf" in self.formats, "formats", "must include 'pdf' (the online set is written as PDF files)")
        at_least("min_dpi", self.min_dpi, 72)
        at_most("min_dpi", self.min_dpi, 1200)
        min_length("source", self.source, 8)
        min_length("pdf_rules_source", self.pdf_rules_source, 8)

    @property
    def limit_bytes(self) -> int:
        return int(self.max_total_mb * BYTES_PER_MB)


def size_text(size: int) -> str:
    """Sizes in the online system's megabytes, so they compare with its limit as printed."""
    if size >= BYTES_PER_MB / 10:
        return f"{size / BYTES_PER_MB:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def load_online_system_file(path: Path) -> OnlineSystemRules:
    """Read and validate the rules; a malformed file raises DataFileError naming file and key."""
    return load_toml_model(path, OnlineSystemRules)


def load_online_system(directory: Path | None = None) -> OnlineSystemRules:
    """The online-system rules of a checklists folder (the packaged one by default)."""
    if directory is None:
        from zairyu.paths import checklists_dir

        directory = checklists_dir()
    return load_online_system_file(directory / ONLINE_SYSTEM_FILE)
