"""A case's documents follow a change of the route data without losing anything the user entered.

The new route data is a modified copy of the real engineer-specialist.toml in a temporary
checklists folder: one document added, two removed (one holding user data, one untouched), one
renamed to a new code (with ``former_codes``) and one given a new English name.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from store.helpers import make_pdf
from zairyu.domain.checklist import required_documents
from zairyu.domain.routes import RouteCatalog
from zairyu.paths import checklists_dir
from zairyu.store import open_store

ROUTE = "engineer-specialist"
ADDED_BLOCK = '''
[[documents]]
code = "new-rules-document"
name_en = "A document the new rules add"
name_ja = "新しい書類"
issuer = "applicant"
translation_rule = "always"
source = "https://www.moj.go.jp/isa/applications/status/gijinkoku.html"
source_tier = "official"
'''


def _blocks(text: str) -> tuple[str, list[str]]:
    head, *blocks = text.split("\n[[documents]]\n")
    return head, blocks


def _code(block: str) -> str:
    match = re.search(r'^code = "([^"]+)"', block, re.M)
    assert match, block
    return match.group(1)


def modified_checklists(tmp_path: Path, *, remove: set[str], rename: dict[str, str],
                        new_names: dict[str, str]) -> RouteCatalog:
    folder = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), folder)
    path = folder / f"{ROUTE}.toml"
    head, blocks = _blocks(path.read_text(encoding="utf-8"))
    kept = []
    for block in blocks:
        code = _code(block)
        if code in remove:
            continue
        if code in rename:
            block = block.replace(f'code = "{code}"', f'code = "{rename[code]}"\nformer_codes = ["{code}"]', 1)
        if code in new_names:
            block = re.sub(r'^name_en = "[^"]*"', f'name_en = "{new_names[code]}"', block, count=1, flags=re.M)
        kept.append(block)
    path.write_text("\n[[documents]]\n".join([head, *kept]) + ADDED_BLOCK, encoding="utf-8")
    return RouteCatalog.load(folder)


@pytest.fixture
def original(catalog: RouteCatalog) -> list[str]:
    items = required_documents(catalog.get(ROUTE), "change", employer_category=3)
    codes = [item.document.code for item in items if item.document.code != "photo"]
    assert len(codes) >= 3, "the route needs at least three documents besides the photo for this test"
    return codes


def test_added_removed_and_renamed_documents(isolated_data_dir: Path, tmp_path: Path, catalog: RouteCatalog,
                                             original: list[str]) -> None:
    kept_code, dropped_code, renamed_code, translated_code = original[0], original[1], original[2], original[3]
    scan = make_pdf(tmp_path / "scan.pdf", marker="kept")
    renamed_scan = make_pdf(tmp_path / "renamed.pdf", marker="renamed")
    with open_store(isolated_data_dir, catalog=catalog) as store:
        case_id = store.create_case(route=ROUTE, procedure="change", employer_category=3)
        store.attach(case_id, kept_code, scan)
        store.set_document(case_id, kept_code, status="received", issued="2026-10-01")
        store.set_document(case_id, renamed_code, status="requested", notes="asked on 3 Nov")
        store.attach(case_id, renamed_code, renamed_scan)
        store.set_document(case_id, "photo", issued="2026-09-30")
        store.set_document(case_id, translated_code, translator="Kenji Sato")
        store.add_document(case_id, "cover-letter", "Cover letter")
        before = store.get_case(case_id)

    new_catalog = modified_checklists(tmp_path, remove={kept_code, dropped_code, translated_code},
                                      rename={renamed_code: f"{renamed_code}-v2"},
                                      new_names={"photo": "Photograph, renamed"})
    with open_store(isolated_data_dir, catalog=new_catalog) as store:
        after = store.get_case(case_id)

    codes = [d.code for d in after.documents]
    # Added: a new, untouched document needing a translation (foreign_language = true).
    added = after.document("new-rules-document")
    assert (added.status, added.translation, added.required) == ("needed", "needed", True)
    # Removed and untouched: gone.
    assert dropped_code not in codes
    # Removed but holding the user's attachment and status: kept, marked not required.
    kept = after.document(kept_code)
    assert kept.required is False
    assert (kept.status, kept.issued) == ("received", dt.date(2026, 10, 1))
    assert [a.sha256 for a in kept.attachments] == [a.sha256 for a in before.document(kept_code).attachments]
    assert kept.attachments[0].path.is_file()
    # Removed, holding only the name of its translator: kept too.
    assert (after.document(translated_code).translator, after.document(translated_code).required) == (
        "Kenji Sato", False)
    # Renamed: the new code carries everything over; the old code is gone.
    assert renamed_code not in codes
    renamed = after.document(f"{renamed_code}-v2")
    assert (renamed.status, renamed.notes, renamed.required) == ("requested", "asked on 3 Nov", True)
    assert [a.original_name for a in renamed.attachments] == ["renamed.pdf"]
    # A new name for the same code: the name follows the data, the user's date stays.
    photo = after.document("photo")
    assert (photo.name_en, photo.issued) == ("Photograph, renamed", dt.date(2026, 9, 30))
    # The user's own document is never touched.
    assert after.document("cover-letter").user_added
    # Documents no longer required are listed after the required ones.
    required_flags = [d.required for d in after.documents]
    assert required_flags == sorted(required_flags, reverse=True)

    # Back to the original data: the kept document is required again, nothing is duplicated.
    with open_store(isolated_data_dir, catalog=catalog) as store:
        back = store.get_case(case_id)
    assert back.document(kept_code).required is True
    assert back.document(kept_code).attachments
    assert "new-rules-document" not in [d.code for d in back.documents]
    assert len({d.code for d in back.documents}) == len(back.documents)


def test_reconciling_twice_changes_nothing(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case_id = store.create_case(route=ROUTE, procedure="change", employer_category=3)
    assert store.reconcile_all() == []
    before = store.get_case(case_id)
    assert store.reconcile_case(case_id) is False
    assert store.get_case(case_id).updated_at == before.updated_at


def test_points_profile_narrows_the_evidence_to_the_items_it_scores(store, catalog: RouteCatalog) -> None:  # type: ignore[no-untyped-def]
    route = catalog.get("hsp-1b")
    procedure = route.procedures[0].id.value
    case_id = store.create_case(route="hsp-1b", procedure=procedure)
    evidence = {d.code for d in store.get_case(case_id).documents
                if route.documents[[x.code for x in route.documents].index(d.code)].when.points_items}
    assert evidence, "hsp-1b lists evidence documents conditioned on points items"
    store.set_points(case_id, {"category": "b", "application_date": "2026-04-01", "birth_date": "1990-01-01",
                               "education": "master", "experience_years": 3, "annual_salary_yen": 7_000_000})
    case = store.get_case(case_id)
    remaining = {d.code for d in case.documents} & evidence
    assert remaining < evidence  # evidence for unclaimed items (patents, N1, ...) is no longer listed
    assert len(case.points_history) == 1


def test_broken_route_data_does_not_lock_people_out_of_their_cases(
        isolated_data_dir: Path, tmp_path: Path, catalog: RouteCatalog, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(isolated_data_dir, catalog=catalog) as store:
        case_id = store.create_case(route=ROUTE, procedure="change", employer_category=3)
    folder = tmp_path / "broken-checklists"
    shutil.copytree(checklists_dir(), folder)
    (folder / f"{ROUTE}.toml").write_text("schema_version = [", encoding="utf-8")
    from zairyu import paths

    monkeypatch.setattr(paths, "checklists_dir", lambda: folder)
    with open_store(isolated_data_dir) as store:  # loads the (broken) packaged data itself
        assert [c.id for c in store.list_cases()] == [case_id]
        assert store.get_case(case_id).document("photo").status == "needed"
        assert store.reconcile_all() == []
