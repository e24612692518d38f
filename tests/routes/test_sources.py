"""Sources a user can follow, and a translation rule on every document, in every route file.

A user sees each row's source: it must be the page that says it (not a site's home page, not an
address that no longer exists, not a file only this project has), and a row that only
practitioners confirm says so.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from zairyu.domain.routes import RouteCatalog, TranslationRule, load_route_file
from zairyu.paths import checklists_dir

ROUTE_FILES = sorted(p for p in checklists_dir().glob("*.toml") if "[[documents]]" in p.read_text(encoding="utf-8"))
INTERNAL = re.compile(r"facts\.md|architecture\.md|style\.md|points-profile\.md|deadlines\.md|[Ii]ssue [0-9]+"
                      r"|shared/domain|shared/design")
# Addresses that no longer serve the page: the old Immigration Bureau site, and copies of a file.
DEFUNCT = ("immi-moj.go.jp", "github.com", "githubusercontent.com")
POINTS_FORM = "https://www.moj.go.jp/isa/content/930001673.xls"


def _urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'）)、,;]+", text)


@pytest.mark.parametrize("path", sorted(checklists_dir().glob("*.toml")), ids=lambda p: p.name)
def test_no_rules_file_cites_an_internal_document(path: Path) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert not INTERNAL.search(line), f"{path.name}:{number}: {line}"


@pytest.mark.parametrize("path", sorted(checklists_dir().glob("*.toml")), ids=lambda p: p.name)
def test_no_rules_file_cites_a_bare_home_page_or_a_defunct_address(path: Path) -> None:
    for url in _urls(path.read_text(encoding="utf-8")):
        parsed = urlparse(url)
        assert parsed.path not in ("", "/") or parsed.query, f"{path.name}: {url} is a home page"
        assert not any(host in parsed.netloc for host in DEFUNCT), f"{path.name}: {url}"


@pytest.mark.parametrize("path", ROUTE_FILES, ids=lambda p: p.name)
def test_every_row_backed_only_by_practitioners_is_unverified(path: Path) -> None:
    route = load_route_file(path)
    for doc in route.documents:
        if doc.source_tier == "secondary":
            assert doc.unverified, f"{route.id}: {doc.code} cites only {doc.source}"
        if doc.unverified:
            assert not INTERNAL.search(doc.unverified), (route.id, doc.code)


@pytest.mark.parametrize("path", ROUTE_FILES, ids=lambda p: p.name)
def test_every_document_states_its_translation_rule(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    blocks = text.split("[[documents]]")[1:]
    assert blocks
    for block in blocks:
        assert re.search(r'^translation_rule = "(always|if_not_japanese|never)"$', block, re.M), block[:80]
    # The loader refuses a document without one (no default that could hide a forgotten rule).
    missing = text.replace('translation_rule = "never"\n', "", 1)
    if missing != text:
        broken = path.parent / f"broken-{path.name}"
        broken.write_text(missing, encoding="utf-8")
        try:
            with pytest.raises(Exception, match="translation_rule"):
                load_route_file(broken)
        finally:
            broken.unlink()


def test_the_points_table_cites_the_isa_form(catalog: RouteCatalog) -> None:
    for route in catalog:
        for doc in route.documents:
            if doc.code.startswith("points-calculation-table") or doc.form_number:
                assert doc.source == POINTS_FORM, (route.id, doc.code)
                assert doc.source_tier == "official"
    assert f'source_url = "{POINTS_FORM}"' in (checklists_dir() / "points-table.toml").read_text(encoding="utf-8")


def test_employer_documents_need_a_translation_if_not_in_japanese(catalog: RouteCatalog) -> None:
    # An English offer letter from a Tokyo start-up needs a translation; the same in Japanese does not.
    employer = {"employment-terms", "officer-remuneration-resolution", "evidence-salary",
                "company-business-description", "financial-statements"}
    seen = set()
    for route in catalog:
        for doc in route.documents:
            if doc.code in employer:
                assert doc.translation_rule is TranslationRule.IF_NOT_JAPANESE, (route.id, doc.code)
                seen.add(doc.code)
    assert seen == employer


def test_the_checklist_json_has_the_rule_and_keeps_translation_required(cli) -> None:  # type: ignore[no-untyped-def]
    import json

    shown = json.loads(cli("checklist", "--route", "engineer-specialist", "--procedure", "coe",
                           "--employer-category", "3", "--format", "json").stdout)
    by_code = {d["code"]: d for d in shown["documents"]}
    assert (by_code["cv"]["translation_rule"], by_code["cv"]["translation_required"]) == ("always", True)
    assert (by_code["employment-terms"]["translation_rule"], by_code["employment-terms"]["translation_required"]) \
        == ("if_not_japanese", False)
    assert by_code["company-registry-certificate"]["translation_rule"] == "never"
