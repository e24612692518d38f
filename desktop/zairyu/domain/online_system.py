"""What the ISA online application system accepts as attachments, read from ``checklists/online-system.toml``.

The limits (how many files, how many MB in all, which formats, the least resolution) are data
with their source and effective date, so that a change to the system is an edit to the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.routes import SourceTier

ONLINE_SYSTEM_FILE = "online-system.toml"
# "25MB" read as decimal megabytes: the smaller reading, so a set that fits fits either way.
BYTES_PER_MB = 1_000_000

AttachmentFormat = Literal["pdf", "jpeg", "png"]


class OnlineSystemRules(BaseModel):
    # defer_build: built at the first validation, which a run served from the rules cache never needs.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    schema_version: Literal[1] = 1
    rules_date: dt.date  # when the file was last checked against its sources
    effective_from: dt.date  # the first day the system applies these limits
    max_files: int | None = Field(default=None, ge=1)  # None: no limit was published
    max_total_mb: float = Field(gt=0, le=1000)  # all attachments together, the face photo included
    formats: list[AttachmentFormat] = Field(min_length=1)
    min_dpi: int = Field(ge=72, le=1200)
    source: str = Field(min_length=8)
    source_tier: SourceTier
    unverified: str | None = None  # why no official source confirmed the limits; shown to the user
    pdf_rules_source: str = Field(min_length=8)
    pdf_rules_source_tier: SourceTier

    @field_validator("formats")
    @classmethod
    def _takes_pdf(cls, formats: list[AttachmentFormat]) -> list[AttachmentFormat]:
        if "pdf" not in formats:
            raise ValueError("must include 'pdf' (the online set is written as PDF files)")
        return formats

    @property
    def limit_bytes(self) -> int:
        return int(self.max_total_mb * BYTES_PER_MB)


def load_online_system_file(path: Path) -> OnlineSystemRules:
    """Read and validate the rules; a malformed file raises DataFileError naming file and key."""
    return load_toml_model(path, OnlineSystemRules)


def load_online_system(directory: Path | None = None) -> OnlineSystemRules:
    """The online-system rules of a checklists folder (the packaged one by default)."""
    if directory is None:
        from zairyu.paths import checklists_dir

        directory = checklists_dir()
    return load_online_system_file(directory / ONLINE_SYSTEM_FILE)
