"""A document that needs a translation only when it is not in Japanese is asked about once.

入管法施行規則 第62条: a document in a foreign language comes with a Japanese translation. An English
offer letter from a Tokyo start-up needs one; the same letter in Japanese does not. The case starts
such a document as "needed" and asks; the answer (``set_document(translation=...)``) is kept.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from store.helpers import V1_FIXTURE, new_case_id
from zairyu.domain.routes import RouteCatalog
from zairyu.store import Store, open_store


def test_employer_documents_ask_and_foreign_ones_do_not(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe", employer_category=3)
    case = store.get_case(case_id)
    terms = case.document("employment-terms")
    assert (terms.translation_rule, terms.translation, terms.translation_question) == (
        "if_not_japanese", "needed", True)
    cv = case.document("cv")
    assert (cv.translation_rule, cv.translation, cv.translation_question) == ("always", "needed", False)
    registry = case.document("company-registry-certificate")
    assert (registry.translation_rule, registry.translation, registry.translation_question) == (
        "never", "not_needed", False)
    for code in ("officer-remuneration-resolution", "company-business-description", "financial-statements"):
        assert case.document(code).translation_question, code


def test_the_answer_is_kept_and_the_question_is_not_asked_again(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe", employer_category=3)
    store.set_document(case_id, "employment-terms", translation="not_needed")  # it is in Japanese
    store.set_document(case_id, "financial-statements", translation="needed")  # it is in English
    store.reconcile_case(case_id)
    case = store.get_case(case_id)
    assert (case.document("employment-terms").translation, case.document("employment-terms").translation_question) \
        == ("not_needed", False)
    assert (case.document("financial-statements").translation,
            case.document("financial-statements").translation_question) == ("needed", False)
    assert case.document("company-business-description").translation_question
    # A status change alone does not answer it.
    store.set_document(case_id, "company-business-description", status="requested")
    assert store.get_case(case_id).document("company-business-description").translation_question


def test_a_user_document_has_no_rule_and_no_question(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe", employer_category=3)
    doc = store.add_document(case_id, "own-letter", "My letter")
    assert (doc.translation_rule, doc.translation_question) == (None, False)


def test_an_upgraded_database_asks_only_where_nothing_was_done(tmp_path: Path, catalog: RouteCatalog) -> None:
    data = tmp_path / "data"
    shutil.copytree(V1_FIXTURE, data)
    with open_store(data, catalog=catalog) as store:
        answered = dict(store.connection.execute("SELECT code, translation_answered FROM documents"
                                                 " WHERE case_id = 1").fetchall())
        case = store.get_case(1)
    assert answered["v1-retired-document"] == 1  # its translation was in progress in version 1
    assert case.document("employment-terms").translation_question  # an employer document, untouched


def test_the_cli_shows_and_answers_the_question(cli) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case_id(cli("case", "new", "--route", "engineer-specialist", "--procedure", "coe",
                              "--employer-category", "3").stdout)
    shown = json.loads(cli("case", "show", str(case_id), "--format", "json").stdout)
    terms = next(d for d in shown["documents"] if d["code"] == "employment-terms")
    assert (terms["translation_rule"], terms["translation_question"]) == ("if_not_japanese", True)
    text = cli("case", "show", str(case_id)).stdout
    assert "is it in Japanese?" in text
    answered = cli("case", "set", str(case_id), "employment-terms", "--translation", "not_needed", "--format", "json")
    assert answered.returncode == 0, answered.stderr
    assert json.loads(answered.stdout)["translation_question"] is False
