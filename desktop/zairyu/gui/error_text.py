"""Errors in the window's words: by the error's kind, translated, naming the file or field.

The lower layers raise ``ZairyuError``s with a stable ``kind`` and the domain's field names; the
CLI words them with its flags, the window words them here. A kind without a wording of its own
shows the error's English sentence (``str(exc)``), which always names the field or file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from zairyu.errors import ZairyuError

if TYPE_CHECKING:  # PySide6 types it as returning object; it returns the text, marked for lupdate
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "errors"

# kind → wording; placeholders: {file} (the file's name), {path} (its full path), {value},
# {field} (the field's label below), {problem}/{reason} (the lower layer's English detail).
TEXTS: dict[str, str] = {
    "output_is_folder": QT_TRANSLATE_NOOP("errors", "{path} is a folder. Choose a file name to save to."),
    "output_folder_missing": QT_TRANSLATE_NOOP("errors", "The folder of {path} does not exist. Choose another "
                                                         "place to save to."),
    "output_not_writable": QT_TRANSLATE_NOOP("errors", "Zairyu cannot write to {path}. Choose another place to "
                                                       "save to."),
    "output_write_failed": QT_TRANSLATE_NOOP("errors", "{path} could not be written; nothing was saved there."),
    "size_limit_invalid": QT_TRANSLATE_NOOP("errors", "The size limit must be a positive number of megabytes."),
    "size_limit_unreachable": QT_TRANSLATE_NOOP("errors", "The packet could not be split into parts under the "
                                                          "size limit. Raise the limit or attach smaller scans."),
    "document_too_big": QT_TRANSLATE_NOOP("errors", "One document alone is larger than the size limit allows. "
                                                    "Raise the limit or attach a smaller scan of it."),
    "no_attachments": QT_TRANSLATE_NOOP("errors", "The case has no attached files yet. Attach scans to its "
                                                  "documents first."),
    "no_points_profile": QT_TRANSLATE_NOOP("errors", "The case has no points profile yet."),
    "no_such_case": QT_TRANSLATE_NOOP("errors", "This case no longer exists (it may have been deleted in "
                                                "another window)."),
    "no_such_document": QT_TRANSLATE_NOOP("errors", "The case has no document “{value}”."),
    "duplicate_document": QT_TRANSLATE_NOOP("errors", "The case already has a document with the code “{value}”."),
    "invalid_code": QT_TRANSLATE_NOOP("errors", "“{value}” cannot be a document code: use lower-case letters, "
                                                "digits and “-”."),
    "not_removable": QT_TRANSLATE_NOOP("errors", "This document is on the route's checklist, so it cannot be "
                                                 "removed. Set its status to “Not applicable” instead."),
    "invalid_date": QT_TRANSLATE_NOOP("errors", "{field}: “{value}” is not a date."),
    "attachment_refused": QT_TRANSLATE_NOOP("errors", "{file} cannot be attached: {reason}"),
    "attachment_missing": QT_TRANSLATE_NOOP("errors", "The stored copy of {file} is missing or damaged."),
    "store_unavailable": QT_TRANSLATE_NOOP("errors", "Your cases are not available: {problem}"),
}

FIELD_LABELS: dict[str, str] = {
    "issued": QT_TRANSLATE_NOOP("errors", "Issued on"),
    "expiry": QT_TRANSLATE_NOOP("errors", "Valid until"),
    "target_filing_date": QT_TRANSLATE_NOOP("errors", "Planned filing date"),
    "birth_date": QT_TRANSLATE_NOOP("errors", "Date of birth"),
    "passport_expiry": QT_TRANSLATE_NOOP("errors", "Passport valid until"),
    "residence_card_expiry": QT_TRANSLATE_NOOP("errors", "Residence card valid until"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def error_text(exc: BaseException) -> str:
    """The message to show for ``exc`` in a dialog or the status bar."""
    if not isinstance(exc, ZairyuError):
        return str(exc)
    template = TEXTS.get(exc.kind)
    if template is None:
        return str(exc)
    path = str(exc.file) if exc.file is not None else str(exc.value or "")
    values = {
        "path": path,
        "file": Path(path).name if path else "",
        "value": "" if exc.value is None else str(exc.value),
        "field": _tr(FIELD_LABELS[exc.field]) if exc.field in FIELD_LABELS else (exc.field or ""),
        "problem": str(exc.details.get("problem", exc.message)),
        "reason": str(exc.details.get("reason", "")),
    }
    try:
        return _tr(template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return str(exc)
