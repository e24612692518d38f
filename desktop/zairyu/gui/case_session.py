"""The GUI's one owner of the store: every change is a QUndoCommand on one QUndoStack.

Views never write to the store themselves. They call a method here, which checks and performs
the change at once (so a refused value raises to the caller, who shows it), then pushes a command
that can undo and redo it; the change is saved as it happens (each store call is a transaction).
Signals tell the models what changed, so they update their rows with ``dataChanged`` instead of
being reset or refreshed by hand:

- ``cases_changed()``: a case was created or deleted, or a case's summary changed;
- ``case_changed(case_id)``: a case's own fields or its list of documents changed;
- ``document_changed(case_id, code)``: one document's fields or attachments changed;
- ``applicants_changed()``: an applicant's fields changed;
- ``current_case_changed(case_id | None)``: the case the window works on.

The store's connection belongs to the GUI thread. Long work (attaching large files, exports)
opens its own store with ``open_worker_store()`` on its worker thread and reports back; the
session then records the result as a command.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from zairyu.domain.routes import RouteCatalog
from zairyu.errors import UserInputError, ZairyuError
from zairyu.store import (
    Applicant,
    Attachment,
    CaseDocument,
    CaseSummary,
    CaseView,
    DocumentStatus,
    PreviousValues,
    Store,
    open_store,
)
from zairyu.store.household import HouseholdDeadline, household_deadlines
from zairyu.store.models import APPLICANT_FIELDS, iso

log = logging.getLogger(__name__)

# The document fields a user edits, and how set_document takes them.
DOCUMENT_FIELDS = ("status", "translation", "translator", "issued", "expiry", "copies", "notes")
CASE_FIELDS = ("title", "employer_category", "target_filing_date", "notes")


class StoreUnavailable(ZairyuError):
    """The session has no store (it could not be opened); the message says why."""


class _Command(QUndoCommand):
    """A change already performed once; undo and redo call the store again.

    A failure while undoing or redoing (the database locked by another window, say) leaves the
    data as it was, is reported through ``session.command_failed`` and drops the command, so the
    stack never claims a state the store does not have."""

    def __init__(self, session: CaseSession, text: str, undo: Callable[[], object],
                 redo: Callable[[], object]) -> None:
        super().__init__(text)
        self._session = session
        self._undo = undo
        self._redo = redo
        self._first = True

    def redo(self) -> None:
        if self._first:  # push() calls redo(): the change was made before the push
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except ZairyuError as exc:
            log.warning("undo/redo of %r failed: %s", self.text(), exc)
            self.setObsolete(True)
            self._session.command_failed.emit(exc)


class CaseSession(QObject):
    cases_changed = Signal()
    case_changed = Signal(int)
    document_changed = Signal(int, str)
    applicants_changed = Signal()
    current_case_changed = Signal(object)  # int | None
    command_failed = Signal(object)  # ZairyuError, from an undo or redo

    def __init__(self, store: Store | None, catalog: RouteCatalog, *, data_dir: Path | None = None,
                 unavailable_reason: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.catalog = catalog
        self.data_dir = data_dir if data_dir is not None else (store.data_dir if store is not None else None)
        self.unavailable_reason = unavailable_reason
        self.undo_stack = QUndoStack(self)
        self._current_case: int | None = None

    # -- the store -----------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self._store is not None

    @property
    def store(self) -> Store:
        if self._store is None:
            raise StoreUnavailable(self.unavailable_reason or "your cases are not available", kind="store_unavailable")
        return self._store

    def replace_store(self, store: Store | None, unavailable_reason: str = "") -> None:
        """Work on another store (after a recovery); the undo history belonged to the old one."""
        if self._store is not None and self._store is not store:
            self._store.close()
        self._store = store
        self.unavailable_reason = unavailable_reason
        if store is not None:
            self.data_dir = store.data_dir
        self.undo_stack.clear()
        self._current_case = None
        self.cases_changed.emit()
        self.current_case_changed.emit(None)

    def reconcile_all(self) -> None:
        """Bring every case's documents in line with the route data, as opening the store does for
        the CLI; the window calls it after its first paint. A failure (the database locked by
        another process for longer than the busy timeout) leaves the cases as they were: the next
        start tries again."""
        if self._store is None:
            return
        try:
            changed = self._store.reconcile_all()
        except ZairyuError as exc:
            log.warning("the cases were not brought in line with the rules: %s", exc)
            return
        for case_id in changed:
            self.case_changed.emit(case_id)
        if changed:
            self.cases_changed.emit()

    def open_worker_store(self) -> Store:
        """A store of the same data for another thread (its connection is that thread's)."""
        return open_store(self.store.data_dir, catalog=self.catalog, reconcile=False, maintenance=False)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- the current case ----------------------------------------------------------------------

    @property
    def current_case_id(self) -> int | None:
        return self._current_case

    def set_current_case(self, case_id: int | None) -> None:
        if case_id != self._current_case:
            self._current_case = case_id
            self.current_case_changed.emit(case_id)

    # -- reads ---------------------------------------------------------------------------------

    def list_cases(self) -> list[CaseSummary]:
        return self.store.list_cases() if self.available else []

    def get_case(self, case_id: int) -> CaseView:
        return self.store.get_case(case_id)

    def document(self, case_id: int, code: str) -> CaseDocument:
        return self.store.get_case(case_id).document(code)

    def household_deadlines(self, case_id: int, today: dt.date) -> list[HouseholdDeadline]:
        """Every person's deadlines in the household of ``case_id`` (a lone case: its own)."""
        return household_deadlines(self.store, case_id, today)

    def applicant(self, applicant_id: int) -> Applicant:
        return self.store.get_applicant(applicant_id)

    # -- edits ---------------------------------------------------------------------------------

    def _push(self, text: str, undo: Callable[[], object], redo: Callable[[], object]) -> None:
        self.undo_stack.push(_Command(self, text, undo, redo))

    def set_document(self, case_id: int, code: str, **changes: Any) -> CaseDocument:
        """Change fields of one document (DOCUMENT_FIELDS; dates as ``date``, ``None`` clears)."""
        unknown = set(changes) - set(DOCUMENT_FIELDS)
        if unknown:
            raise ValueError(f"not document fields: {sorted(unknown)}")

        def apply(values: Mapping[str, Any]) -> PreviousValues:
            previous = self.store.set_document(case_id, code, **values)
            self.document_changed.emit(case_id, code)
            self.cases_changed.emit()  # the ready count of the case
            return previous

        previous = self.store.set_document(case_id, code, **changes)
        document = self.document(case_id, code)
        if previous:  # the setter wrote nothing when every value was already stored: no command
            self.document_changed.emit(case_id, code)
            self.cases_changed.emit()
            self._push(self.tr("Change “{document}”").format(document=document.name_en),
                       lambda: apply(previous.values), lambda: apply(changes))
        return document

    def update_case(self, case_id: int, **changes: Any) -> None:
        """Change a case's own fields (CASE_FIELDS). A new employer category changes the checklist."""
        unknown = set(changes) - set(CASE_FIELDS)
        if unknown:
            raise ValueError(f"not case fields: {sorted(unknown)}")

        def apply(values: Mapping[str, Any]) -> PreviousValues:
            previous = self.store.update_case(case_id, **values)
            self.case_changed.emit(case_id)
            self.cases_changed.emit()
            return previous

        previous = apply(changes)
        if previous:
            self._push(self.tr("Change the case"), lambda: apply(previous.values), lambda: apply(changes))

    def update_applicant(self, applicant_id: int, **fields: Any) -> None:
        unknown = set(fields) - set(APPLICANT_FIELDS)
        if unknown:
            raise ValueError(f"not applicant fields: {sorted(unknown)}")

        def apply(values: Mapping[str, Any]) -> PreviousValues:
            previous = self.store.update_applicant(applicant_id, **values)
            self.applicants_changed.emit()
            self.cases_changed.emit()
            return previous

        previous = apply(fields)
        if previous:
            name = fields.get("name") or self.applicant(applicant_id).name or self.tr("the applicant")
            self._push(self.tr("Change {name}").format(name=name), lambda: apply(previous.values),
                       lambda: apply(fields))

    def create_case(self, *, not_applicable: Sequence[str] = (), **arguments: Any) -> int:
        """Create a case (Store.create_case's arguments) and make it the current one.

        ``not_applicable``: route documents the user said do not concern them (an "only if"
        they answered no): they are marked not applicable at once. Undo deletes the case; redo
        creates it again (under a new id)."""
        def create() -> int:
            case_id = self.store.create_case(**arguments)
            codes = {doc.code for doc in self.store.get_case(case_id).documents}
            for code in not_applicable:
                if code in codes:
                    self.store.set_document(case_id, code, status=DocumentStatus.NOT_APPLICABLE)
            return case_id

        created = {"id": create()}

        def undo() -> None:
            self.store.delete_case(created["id"])
            if self._current_case == created["id"]:
                self.set_current_case(None)
            self.cases_changed.emit()

        def redo() -> None:
            created["id"] = create()
            self.cases_changed.emit()
            self.set_current_case(created["id"])

        self.cases_changed.emit()
        self.set_current_case(created["id"])
        self._push(self.tr("Create a case"), undo, redo)
        return created["id"]

    def add_document(self, case_id: int, code: str, name_en: str, name_ja: str = "", **fields: Any) -> CaseDocument:
        """Add a document of the user's own; undo removes it."""
        document = self.store.add_document(case_id, code, name_en, name_ja, **fields)

        def undo() -> None:
            self.store.remove_document(case_id, code)
            self.case_changed.emit(case_id)
            self.cases_changed.emit()

        def redo() -> None:
            self.store.add_document(case_id, code, name_en, name_ja, **fields)
            self.case_changed.emit(case_id)
            self.cases_changed.emit()

        self.case_changed.emit(case_id)
        self.cases_changed.emit()
        self._push(self.tr("Add “{document}”").format(document=name_en), undo, redo)
        return document

    def remove_document(self, case_id: int, code: str) -> None:
        """Remove a document the user added; undo puts it back with its fields and files."""
        before = self.document(case_id, code)

        def restore() -> None:
            self.store.add_document(case_id, code, before.name_en, before.name_ja, translation=before.translation,
                                    copies=before.copies, notes=before.notes)
            self.store.set_document(case_id, code, status=before.status, issued=before.issued,
                                    expiry=before.expiry, translator=before.translator)
            for attachment in before.attachments:
                self.store.restore_attachment(case_id, code, attachment)
            self.case_changed.emit(case_id)
            self.cases_changed.emit()

        def remove() -> None:
            self.store.remove_document(case_id, code)
            self.case_changed.emit(case_id)
            self.cases_changed.emit()

        remove()
        self._push(self.tr("Remove “{document}”").format(document=before.name_en), restore, remove)

    def _attachment_steps(self, case_id: int, code: str,
                          attachment: Attachment) -> tuple[Callable[[], None], Callable[[], None]]:
        def detach() -> None:
            self.store.detach(case_id, code, attachment.sha256)
            self.document_changed.emit(case_id, code)
            self.cases_changed.emit()

        def reattach() -> None:
            self.store.restore_attachment(case_id, code, attachment)
            self.document_changed.emit(case_id, code)
            self.cases_changed.emit()

        return detach, reattach

    def record_attachment(self, case_id: int, code: str, attachment: Attachment) -> None:
        """Record, as an undoable step, an attachment a worker thread has just added."""
        detach, reattach = self._attachment_steps(case_id, code, attachment)
        self.document_changed.emit(case_id, code)
        self.cases_changed.emit()
        self._push(self.tr("Attach {file}").format(file=attachment.original_name), detach, reattach)

    def attach(self, case_id: int, code: str, file: Path) -> Attachment:
        """Attach a file on this thread (small files; the window uses a worker for large ones)."""
        attachment = self.store.attach(case_id, code, file)
        self.record_attachment(case_id, code, attachment)
        return attachment

    def detach(self, case_id: int, code: str, attachment: Attachment) -> None:
        detach, reattach = self._attachment_steps(case_id, code, attachment)
        detach()
        self._push(self.tr("Remove {file}").format(file=attachment.original_name), reattach, detach)

    # -- points and events (the points and deadlines pages) ------------------------------------

    def set_points(self, case_id: int, profile: Mapping[str, Any]) -> None:
        """Save a points profile as the case's newest version; undo removes that version again."""
        data = dict(profile)

        def apply() -> None:
            self.store.set_points(case_id, data)
            self.case_changed.emit(case_id)  # the evidence documents follow the items claimed
            self.cases_changed.emit()

        def remove() -> None:
            self.store.remove_latest_points(case_id)
            self.case_changed.emit(case_id)
            self.cases_changed.emit()

        apply()
        self._push(self.tr("Save the points profile"), remove, apply)

    def add_event(self, case_id: int, type: str, date: dt.date | str, **extra: Any) -> int:
        """Record a dated event (the deadlines follow from it); undo removes it."""
        added = {"id": self.store.add_event(case_id, type, date, **extra)}

        def undo() -> None:
            self.store.remove_event(case_id, added["id"])
            self.case_changed.emit(case_id)

        def redo() -> None:
            added["id"] = self.store.add_event(case_id, type, date, **extra)
            self.case_changed.emit(case_id)

        self.case_changed.emit(case_id)
        self._push(self.tr("Add an event"), undo, redo)
        return added["id"]

    def remove_event(self, case_id: int, event_id: int) -> None:
        """Remove an event; undo records it again."""
        found = [e for i, e in self.store.list_events(case_id) if i == event_id]
        if not found:
            raise UserInputError(f"case {case_id}: no event {event_id}", kind="no_such_event", value=event_id)
        event = dict(found[0])
        current = {"id": event_id}

        def remove() -> None:
            self.store.remove_event(case_id, current["id"])
            self.case_changed.emit(case_id)

        def restore() -> None:
            fields = dict(event)
            current["id"] = self.store.add_event(case_id, fields.pop("type"), fields.pop("date"), **fields)
            self.case_changed.emit(case_id)

        remove()
        self._push(self.tr("Remove an event"), restore, remove)


def date_text(value: dt.date | None) -> str:
    """A date as the store writes it (YYYY-MM-DD), or empty."""
    return iso(value) or ""


__all__ = ["CASE_FIELDS", "DOCUMENT_FIELDS", "CaseSession", "StoreUnavailable", "date_text"]
