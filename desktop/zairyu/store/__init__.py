"""The durable local store: SQLite database, attachment vault, backups and case archives.

Public API (the CLI, the GUI and the PDF reports use these names):
- ``open_store(data_dir=None) -> Store`` (a context manager; or call ``close()``).
- ``Store``: ``create_case``, ``list_cases``, ``get_case -> CaseView``, ``update_case``, ``delete_case``,
  ``set_document``, ``add_document``, ``remove_document``, ``attach`` (or its two halves
  ``store_file`` + ``record_stored_file``, and ``discard_stored_files``), ``detach``, ``set_points``,
  ``add_event``, ``list_events``, ``remove_event``, ``case_applicant_id``, ``update_applicant``,
  ``add_family_member``, ``reconcile_case``, ``reconcile_all``, ``backup``, ``daily_backup_if_due``,
  ``restore``, ``export_case``, ``import_case`` (after ``check_archive(path)``).
- One Store per thread (an sqlite3 connection belongs to the thread that opened it); any number of
  processes may open the same data folder at once.
- Views: ``CaseView``, ``CaseDocument``, ``Attachment``, ``Applicant``, ``CaseSummary``, ``PointsVersion``
  (dates as ``datetime.date``; statuses as ``DocumentStatus`` / ``TranslationStatus`` / ``Relation``).
- ``set_document``, ``update_case`` and ``update_applicant`` return ``PreviousValues``: what they
  replaced, so a caller (the GUI's undo) can put it back without reading first.
- The SQL is in ``repository.py``; ``service.py`` holds the rules around it.
- Errors: ``StoreError`` / ``StoreBusyError`` (ZairyuError), ``AttachmentRefused`` and
  ``ArchiveError`` (UserInputError).
"""

from typing import TYPE_CHECKING, Any

from zairyu.store.database import StoreBusyError, StoreError
from zairyu.store.models import (
    Applicant,
    Attachment,
    CaseDocument,
    CaseSummary,
    CaseView,
    DocumentStatus,
    PointsVersion,
    PreviousValues,
    Relation,
    TranslationStatus,
)
from zairyu.store.schema import DOCUMENT_STATUSES, SCHEMA_VERSION, TRANSLATION_STATUSES
from zairyu.store.service import UNSET, Store, open_store
from zairyu.store.vault import AttachmentRefused

if TYPE_CHECKING:
    from zairyu.store.archive import ArchiveError, check_archive


def __getattr__(name: str) -> Any:
    # The archive module (pydantic models) loads only when an archive is handled: CLI start-up time.
    if name in ("ArchiveError", "check_archive"):
        from zairyu.store import archive

        return getattr(archive, name)
    raise AttributeError(name)


__all__ = [
    "DOCUMENT_STATUSES",
    "SCHEMA_VERSION",
    "TRANSLATION_STATUSES",
    "UNSET",
    "Applicant",
    "ArchiveError",
    "Attachment",
    "AttachmentRefused",
    "CaseDocument",
    "CaseSummary",
    "CaseView",
    "DocumentStatus",
    "PointsVersion",
    "PreviousValues",
    "Relation",
    "Store",
    "StoreBusyError",
    "StoreError",
    "TranslationStatus",
    "check_archive",
    "open_store",
]
