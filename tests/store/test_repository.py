"""The store's views and SQL agree with the schema, and its errors carry kinds and domain fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zairyu.cli.common import error_line
from zairyu.errors import UserInputError
from zairyu.store import DocumentStatus, Relation, Store, TranslationStatus
from zairyu.store.archive import ArchivedPerson
from zairyu.store.models import APPLICANT_DATE_FIELDS, APPLICANT_FIELDS
from zairyu.store.schema import APPLICANT_RELATIONS, DOCUMENT_STATUSES, TRANSLATION_STATUSES


def test_the_enums_are_the_values_the_schema_checks() -> None:
    assert tuple(DocumentStatus) == DOCUMENT_STATUSES
    assert tuple(TranslationStatus) == TRANSLATION_STATUSES
    assert tuple(Relation) == APPLICANT_RELATIONS


def test_one_definition_of_the_applicant_fields(store: Store) -> None:
    columns = [row[1] for row in store.connection.execute("PRAGMA table_info(applicants)")]
    assert set(columns) == {"id", "relation", "main_applicant_id", *APPLICANT_FIELDS}
    assert set(ArchivedPerson.model_fields) == {"relation", *APPLICANT_FIELDS}
    assert APPLICANT_DATE_FIELDS == ("birth_date", "passport_expiry", "residence_card_expiry")


def test_views_carry_dates_and_enums(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe", target_filing_date="2026-05-01",
                                applicant={"name": "Ana", "birth_date": "1990-02-03"})
    store.set_document(case_id, "photo", status="ready", issued=dt.date(2026, 4, 1))
    case = store.get_case(case_id)
    assert case.target_filing_date == dt.date(2026, 5, 1)
    assert case.applicant.birth_date == dt.date(1990, 2, 3)
    photo = case.document("photo")
    assert photo.issued == dt.date(2026, 4, 1) and photo.status is DocumentStatus.READY and photo.done
    # The JSON keeps the text forms.
    assert case.to_json()["applicant"]["birth_date"] == "1990-02-03"
    assert photo.to_json()["issued"] == "2026-04-01" and photo.to_json()["status"] == "ready"


def test_errors_name_the_domain_field_and_the_cli_words_its_flag(store: Store, tmp_path: Path) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe")
    with pytest.raises(UserInputError) as bad_status:
        store.set_document(case_id, "photo", status="lost")
    assert (bad_status.value.kind, bad_status.value.field, bad_status.value.value) == ("invalid_choice", "status",
                                                                                     "lost")
    with pytest.raises(UserInputError) as missing:
        store.get_case(999)
    assert missing.value.kind == "no_such_case" and "zairyu" not in str(missing.value)
    assert error_line(missing.value) == "zairyu: case 999: no such case (see `zairyu case list`)"

    target = tmp_path / "no-such-folder" / "case.zip"
    with pytest.raises(UserInputError) as output:
        store.export_case(case_id, target)
    assert (output.value.kind, output.value.field) == ("output_folder_missing", "output")
    assert str(output.value).startswith(f"{target}: ")
    assert error_line(output.value) == f"zairyu: -o {target}: the folder {target.parent} does not exist"
