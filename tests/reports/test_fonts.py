"""Font resolution: settings file → system TrueType → system CFF converted → a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont as FTFont
from reportlab.pdfbase import pdfmetrics
from tests.reports.conftest import IPAEX, NOTO_CJK

from zairyu import paths
from zairyu.reports import fonts


def test_system_resolution_prefers_truetype_ipaex(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    resolved = fonts.resolve_fonts("申請人")
    assert resolved.face.outline == "truetype"
    assert resolved.face.path.resolve() == IPAEX.resolve()
    assert not resolved.converted


def test_choose_face_falls_back_to_cff_when_no_truetype() -> None:
    faces = [f for f in fonts.system_faces() if f.outline == "cff"]
    chosen = fonts.choose_face(faces)
    assert chosen is not None and chosen.outline == "cff"
    assert chosen.family.startswith("Noto Sans CJK JP")  # the Japanese face of the collection, not SC/TC/KR


def test_cff_font_is_subset_converted_to_truetype_and_cached() -> None:
    text = "在留資格変更許可申請 Passport 旅券"
    resolved = fonts.resolve_fonts(text, preferred=NOTO_CJK)
    assert resolved.converted and resolved.face.outline == "cff"
    cached = list((paths.cache_dir() / "fonts").glob("*.ttf"))
    assert cached, "the converted font is cached in the user cache dir"
    converted = FTFont(str(cached[0]))
    assert "glyf" in converted and "CFF " not in converted  # TrueType outlines now
    cmap = converted.getBestCmap()
    assert all(ord(ch) in cmap for ch in "在留資格旅券")
    assert len(cmap) < 400  # a subset: only what is drawn, not Noto's 65,000 glyphs
    mtime = cached[0].stat().st_mtime_ns
    fonts._registered.clear()
    again = fonts.resolve_fonts(text, preferred=NOTO_CJK)
    assert again.converted
    assert cached[0].stat().st_mtime_ns == mtime, "a second export reuses the cached conversion"


def test_missing_glyph_comes_from_a_fallback_or_a_plain_substitute() -> None:
    resolved = fonts.resolve_fonts("≥ ☐", preferred=IPAEX)
    ipaex = pdfmetrics.getFont(resolved.regular).face.charToGlyph  # type: ignore[attr-defined]
    assert ord("≥") not in ipaex  # the premise: IPAex has no "≥"
    for text in ("salary ≥ ¥3,000,000", "☐ ㉑ 漢字"):
        for name, run in resolved.runs(text):
            have = pdfmetrics.getFont(name).face.charToGlyph  # type: ignore[attr-defined]
            assert all(ord(ch) in have for ch in run if ch != " "), (name, run)
    drawn = "".join(run for _, run in resolved.runs("≥"))
    assert drawn == "≧", "the JIS form every Japanese font has, rather than a second font"
    symbol = [(name, run) for name, run in resolved.runs("☐ box")]
    assert symbol[0][0] != resolved.regular or symbol[0][1] == "□", "☐ from a fallback font, or its substitute"


def test_no_japanese_font_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    monkeypatch.setattr(fonts, "system_faces", lambda: ())
    with pytest.raises(fonts.FontNotFoundError) as info:
        fonts.resolve_fonts("申請")
    assert "fonts-ipaexfont-gothic" in str(info.value) and "fonts-noto-cjk" in str(info.value)


def test_font_chosen_in_settings_must_exist_and_have_japanese(tmp_path: Path) -> None:
    with pytest.raises(fonts.FontNotFoundError, match=r"nope\.ttf"):
        fonts.resolve_fonts("x", preferred=tmp_path / "nope.ttf")
    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not latin.exists():
        pytest.skip("DejaVu Sans is not installed")
    with pytest.raises(fonts.FontNotFoundError, match="no Japanese glyphs"):
        fonts.resolve_fonts("x", preferred=latin)


def test_folder_scan_finds_fonts_without_fontconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_font_dirs", lambda: [IPAEX.parent, NOTO_CJK.parent])
    faces = fonts._scan_dirs()
    assert any(f.path == IPAEX and f.outline == "truetype" for f in faces)
    assert any(f.path == NOTO_CJK and f.outline == "cff" and f.family.startswith("Noto Sans CJK JP") for f in faces)
    assert fonts.choose_face(faces).path == IPAEX  # type: ignore[union-attr]


def test_text_not_listed_in_advance_is_drawn_with_a_grown_subset(monkeypatch: pytest.MonkeyPatch) -> None:
    """A converted subset holds only the listed text; drawing more triggers one more draw with it added."""
    monkeypatch.setenv(fonts.FONT_ENV, str(NOTO_CJK))
    drawn: list[str] = []

    def draw(chosen: fonts.ReportFonts) -> None:
        drawn.append(chosen.markup("申請 永住許可"))  # "永住許可" was not in the listed text

    fonts.render_with_fonts("申請", draw)
    assert len(drawn) == 2
    assert "?" in drawn[0] and drawn[1] == "申請 永住許可"


def test_points_summary_with_the_converted_font_draws_every_japanese_label(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from zairyu.domain.points import parse_profile, score
    from zairyu.reports.points_pdf import write_for_profile

    monkeypatch.setenv(fonts.FONT_ENV, str(NOTO_CJK))
    profile = parse_profile({"category": "b", "application_date": "2026-12-01", "birth_date": "1992-01-15",
                             "education": "master", "experience_years": 6, "annual_salary_yen": 8_000_000})
    out = tmp_path / "points.pdf"
    write_for_profile(score(profile), profile, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert "旅券" in text and "学歴" in text  # the age row's evidence is the passport (旅券)
    assert "passport ?" not in text
