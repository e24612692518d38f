"""Properties of the reconciliation plan over arbitrary stored and expected documents (hypothesis)."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from zairyu.domain.routes import DocumentSpec
from zairyu.store import backups, open_store
from zairyu.store.reconcile import StoredDocument, plan_reconciliation

CODES = ["a", "b", "c", "d", "e", "f"]


def spec(code: str, former: list[str], name: str = "Name") -> DocumentSpec:
    return DocumentSpec(code=code, name_en=name, name_ja="名前", issuer="applicant", translation_rule="never",
                        former_codes=former,
                        source="https://www.moj.go.jp/isa/", source_tier="official")


stored_strategy = st.lists(
    st.tuples(st.sampled_from(CODES), st.booleans(), st.booleans(), st.booleans()),
    unique_by=lambda t: t[0], max_size=6)
expected_strategy = st.lists(
    st.tuples(st.sampled_from(CODES), st.lists(st.sampled_from(CODES), max_size=2, unique=True),
              st.sampled_from(["Name", "New name"])),
    unique_by=lambda t: t[0], max_size=6)


def apply(state: dict[int, StoredDocument], expected: list[DocumentSpec]) -> dict[int, StoredDocument]:
    plan = plan_reconciliation(list(state.values()), expected)
    result = dict(state)
    for doc_id in plan.delete:
        del result[doc_id]
    for doc_id in plan.retire:
        doc = result[doc_id]
        result[doc_id] = StoredDocument(doc.id, doc.code, doc.name_en, doc.name_ja, doc.position, False,
                                        doc.user_added, doc.has_user_data)
    for update in plan.update:
        doc = result[update.document_id]
        result[doc.id] = StoredDocument(doc.id, update.code, update.name_en, update.name_ja, update.position,
                                        True, False, doc.has_user_data)
    next_id = max(result, default=0) + 100
    for new_spec, position in plan.insert:
        next_id += 1
        result[next_id] = StoredDocument(next_id, new_spec.code, new_spec.name_en, new_spec.name_ja, position,
                                         True, False, False)
    return result


@settings(max_examples=200, deadline=None)
@given(stored_strategy, expected_strategy)
def test_plan_keeps_user_data_lists_every_document_once_and_settles(stored_rows, expected_rows) -> None:  # type: ignore[no-untyped-def]
    state = {index + 1: StoredDocument(index + 1, code, "Name", "名前", index, required, user_added, data)
             for index, (code, required, user_added, data) in enumerate(stored_rows)}
    expected = [spec(code, [f for f in former if f != code], name) for code, former, name in expected_rows]
    after = apply(state, expected)

    codes = [doc.code for doc in after.values()]
    assert len(codes) == len(set(codes)), "a code appears twice"
    for item in expected:
        matches = [doc for doc in after.values() if doc.code == item.code]
        assert len(matches) == 1 and matches[0].required and matches[0].name_en == item.name_en
    for doc in state.values():
        if doc.has_user_data or doc.user_added:
            assert doc.id in after, "a document holding user data was deleted"
    expected_codes = {item.code for item in expected}
    for doc in after.values():
        if doc.code not in expected_codes and not doc.user_added:
            assert not doc.required, "a document the data no longer lists is still required"
    # Reconciling again with the same data changes nothing.
    assert not plan_reconciliation(list(after.values()), expected)


def test_leftovers_of_killed_processes_are_cleared_when_old(isolated_data_dir: Path) -> None:
    with open_store(isolated_data_dir):
        pass
    vault = isolated_data_dir / "vault"
    vault.mkdir(exist_ok=True)
    old_copy = vault / ".incoming-old"
    fresh_copy = vault / ".incoming-fresh"
    backup_folder = backups.backup_dir(isolated_data_dir)
    backup_folder.mkdir(exist_ok=True)
    old_partial = backup_folder / ".partial-old.sqlite3"
    restore_dir = isolated_data_dir / ".restore-old"
    restore_dir.mkdir()
    for path in (old_copy, fresh_copy, old_partial):
        path.write_bytes(b"half")
    two_hours_ago = time.time() - dt.timedelta(hours=2).total_seconds()
    for path in (old_copy, old_partial, restore_dir):
        os.utime(path, (two_hours_ago, two_hours_ago))
    with open_store(isolated_data_dir):
        pass
    assert not old_copy.exists() and not old_partial.exists() and not restore_dir.exists()
    assert fresh_copy.exists()  # may belong to a process attaching right now
