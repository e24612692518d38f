"""The setters return what they replaced, keyed as they take it: calling the setter again with it
puts the data back (the GUI's undo does exactly that)."""

from __future__ import annotations

import datetime as dt

from zairyu.store import PreviousValues, Store


def test_set_document_returns_the_replaced_values_and_they_undo_it(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe")
    store.set_document(case_id, "photo", status="received", notes="studio")
    previous = store.set_document(case_id, "photo", status="ready", issued="2026-03-01", notes="studio",
                                  translator=" Kenji Sato ")
    # Only what changed; the unchanged note is not in it. Dates come back as dates.
    assert previous == PreviousValues({"status": "received", "issued": None, "translator": ""})
    assert store.get_case(case_id).document("photo").translator == "Kenji Sato"
    again = store.set_document(case_id, "photo", **previous.values)
    photo = store.get_case(case_id).document("photo")
    assert (photo.status, photo.issued, photo.translator, photo.notes) == ("received", None, "", "studio")
    assert again.values == {"status": "ready", "issued": dt.date(2026, 3, 1), "translator": "Kenji Sato"}


def test_a_setter_given_the_stored_values_writes_nothing(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe", applicant={"name": "Ana"})
    store.set_document(case_id, "photo", issued="2026-03-01")
    updated_at = store.get_case(case_id).updated_at
    assert not store.set_document(case_id, "photo", issued=dt.date(2026, 3, 1), status="needed")
    assert not store.update_case(case_id, title="", employer_category=None)
    assert not store.update_applicant(store.case_applicant_id(case_id), name=" Ana ")
    assert store.get_case(case_id).updated_at == updated_at


def test_update_case_and_applicant_return_the_replaced_values(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="change", employer_category=3,
                                target_filing_date="2026-05-01", applicant={"name": "Ana", "birth_date": "1990-01-02"})
    documents = [d.code for d in store.get_case(case_id).documents if d.required]
    previous = store.update_case(case_id, employer_category=1, target_filing_date=None, title="Renamed")
    assert previous.values == {"employer_category": 3, "target_filing_date": dt.date(2026, 5, 1), "title": ""}
    store.update_case(case_id, **previous.values)
    case = store.get_case(case_id)
    assert (case.employer_category, case.target_filing_date, case.title) == (3, dt.date(2026, 5, 1), "")
    assert [d.code for d in case.documents if d.required] == documents  # the category's checklist is back

    applicant_id = store.case_applicant_id(case_id)
    replaced = store.update_applicant(applicant_id, name="Ana Souza", birth_date=None, nationality="Brazil")
    assert replaced.values == {"name": "Ana", "birth_date": dt.date(1990, 1, 2), "nationality": ""}
    store.update_applicant(applicant_id, **replaced.values)
    person = store.get_applicant(applicant_id)
    assert (person.name, person.birth_date, person.nationality) == ("Ana", dt.date(1990, 1, 2), "")


def test_undoing_a_translation_answer_asks_the_question_again(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe")
    stored = store.get_case(case_id).document("photo").translation
    previous = store.set_document(case_id, "photo", translation=stored)  # the same status: only the answer changes
    assert previous.values == {"translation_answered": 0}
    store.set_document(case_id, "photo", **previous.values)
    answered = store.connection.execute("SELECT translation_answered FROM documents WHERE code = 'photo'").fetchone()
    assert answered == (0,)
