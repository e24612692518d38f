"""⑰ designated universities: the converted list, the tolerant lookup, and the conversion script."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from zairyu.domain.points import designated_universities, lookup_university
from zairyu.paths import checklists_dir

CONVERTER = checklists_dir() / "tools" / "convert_designated_universities.py"


def test_the_list_as_of_january_2026() -> None:
    data = designated_universities().data
    assert data.as_of == "2026-01" and "January 2026" in data.as_of_label and "令和８年１月時点" in data.as_of_label
    # The ISA list of January 2026: 390 institutions from 37 countries or regions.
    assert len(data.universities) == 390
    assert len({u.country_en for u in data.universities}) == 37
    assert all(u.name_en and u.name_ja and u.country_en and u.country_ja for u in data.universities)
    tohoku = [u for u in data.universities if u.name_en == "Tohoku University"]
    assert tohoku and (tohoku[0].name_ja, tohoku[0].country_en, tohoku[0].country_ja) == ("東北大学", "Japan", "日本")


@pytest.mark.parametrize(("query", "expected"), [
    ("The University of Tokyo", "The University of Tokyo"),
    ("university of tokyo", "The University of Tokyo"),
    ("THE UNIVERSITY OF TOKYO.", "The University of Tokyo"),
    ("Univ. of Tokyo", "The University of Tokyo"),
    ("Tokyo University", "The University of Tokyo"),  # word order
    ("東京大学", "The University of Tokyo"),
    ("  Kyoto   University ", "Kyoto University"),
    ("Oxford University", "University of Oxford"),
    ("University of St Andrews", "University of St. Andrews"),
    ("Saint Andrews University", "University of St. Andrews"),
    ("Texas A and M University", "Texas A&M University"),
    ("University of Tübingen", "University of Tuebingen (Eberhard Karls Universität Tübingen)"),
    ("Tubingen University", "University of Tuebingen (Eberhard Karls Universität Tübingen)"),
    ("ETH Zurich", "Swiss Federal Institute of Technology Zurich(ETH Zurich)"),
    ("Massachusetts Institute of Technology", "Massachusetts Institute of Technology (MIT)"),
    ("Tokyo Institute of Technology", "Institute of Science Tokyo (Previously:Tokyo Medical and Dental University "
                                      "／Tokyo Institute of Technology)"),  # a former name
    ("Tokyo Medical and Dental University", "Tokyo Medical and Dental University (TMDU)"),  # its own entry first
    ("大阪市立大学", "Osaka Metropolitan University （Previoususly:Osaka prefecture University ／ Osaka city "
                  "University）"),
    ("Kinki University", "Kindai University（Kinki University）"),
    ("Ecole Polytechnique Federale de Lausanne", "Swiss Federal Institute of Technology Lausanne(EPFL) "
                                                 "(EPFL – École polytechnique fédérale de Lausanne)"),
])
def test_lookup_tolerates_variants(query: str, expected: str) -> None:
    result = lookup_university(query)
    assert result.found, (query, [u.name_en for u in result.matches])
    assert result.matches[0].name_en == expected
    assert "January 2026" in result.as_of_label


def test_shizuoka_university_and_university_of_shizuoka_stay_apart() -> None:
    assert lookup_university("Shizuoka University").matches[0].name_ja == "静岡大学"
    assert lookup_university("University of Shizuoka").matches[0].name_ja == "静岡県立大学"


def test_ambiguous_names_return_every_match_and_country_narrows() -> None:
    both = lookup_university("Northeastern University")
    assert not both.found and len(both.matches) == 2
    index = designated_universities()
    assert index.lookup("Northeastern University", country="China").matches[0].name_ja == "東北大学"
    assert index.lookup("東北大学", country="日本").matches[0].name_en == "Tohoku University"


def test_kana_voicing_marks_matter() -> None:
    # ブ and フ differ; stripping accents must not strip the dakuten.
    assert lookup_university("ブリュッセル自由大学").matches
    assert not lookup_university("フリュッセル自由大学").matches


def test_not_found_gives_suggestions() -> None:
    result = lookup_university("Harvard")
    assert not result.matches and result.suggestions[0].name_en == "Harvard University"
    assert not lookup_university("University of Nowhere At All").matches


# ---- the conversion script --------------------------------------------------------------------------------------

def _load_converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_designated_universities", CONVERTER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _sample_pdf(path: Path) -> None:
    """A two-page list laid out like the ISA PDF: three columns, wrapped cells centred on their row."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_file = next((p for p in (Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
                                  Path("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf")) if p.exists()), None)
    if font_file is None:
        pytest.skip("no Japanese TrueType font installed")
    pdfmetrics.registerFont(TTFont("IPAexG", str(font_file)))
    rows = [
        (["Aalto University"], ["アールト大学"], ["Finland / フィンランド"]),
        (["Arizona State University"], ["アリゾナ州立大学"], ["United States of", "America / 米国"]),
        (["Autonomous University of Barcelona", "(Universitat Autònoma de Barcelona)"], ["バルセロナ自治大学"],
         ["Spain / スペイン"]),
        (["Case Western Reserve University"], ["ケース・ウェスターン・リザーブ", "大学"],
         ["United States of", "America / 米国"]),
        (["Chalmers University of Technology"], ["チャルマース工科大学"], ["Sweden /", "スウェーデン"]),
    ]
    pdf = canvas.Canvas(str(path), pagesize=letter)
    for page in (rows[:3], rows[3:]):
        pdf.setFont("IPAexG", 10)
        pdf.drawString(330, 760, "As of January 2026")
        pdf.drawString(150, 680, "Name of university (English)")
        pdf.drawString(150, 668, "大学名（英語）")
        pdf.drawString(320, 668, "大学名（日本語）")
        pdf.drawString(460, 668, "/国・地域名")
        y = 630.0
        for english, japanese, country in page:
            for x, cell in ((56, english), (313, japanese), (458, country)):
                top = y + (len(cell) - 1) * 5.7
                for index, text in enumerate(cell):
                    pdf.drawString(x, top - index * 11.4 - 3, text)
            y -= 27 if max(len(english), len(japanese), len(country)) == 1 else 34
        pdf.drawString(300, 60, "1")
        pdf.drawString(40, 40, "令和８年１月時点のランキングに基づき作成されているため、申請の際は御確認ください。")
        pdf.showPage()
    pdf.save()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_converter_reads_wrapped_cells(tmp_path: Path) -> None:
    converter = _load_converter()
    source = tmp_path / "list.pdf"
    _sample_pdf(source)
    out = tmp_path / "out.json"
    assert converter.main([str(source), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["as_of"] == "2026-01" and data["count"] == 5
    assert [(u["name_en"], u["name_ja"], u["country_en"], u["country_ja"]) for u in data["universities"]] == [
        ("Aalto University", "アールト大学", "Finland", "フィンランド"),
        ("Arizona State University", "アリゾナ州立大学", "United States of America", "米国"),
        ("Autonomous University of Barcelona (Universitat Autònoma de Barcelona)", "バルセロナ自治大学", "Spain",
         "スペイン"),
        ("Case Western Reserve University", "ケース・ウェスターン・リザーブ大学", "United States of America", "米国"),
        ("Chalmers University of Technology", "チャルマース工科大学", "Sweden", "スウェーデン"),
    ]


def test_committed_data_matches_its_schema() -> None:
    raw = json.loads((checklists_dir() / "designated-universities.json").read_text(encoding="utf-8"))
    assert raw["count"] == len(raw["universities"])
    assert raw["source"].startswith("https://www.moj.go.jp/")
    assert all(set(u) == {"name_en", "name_ja", "country_en", "country_ja"} for u in raw["universities"])
