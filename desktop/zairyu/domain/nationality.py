"""Nationalities as the route conditions name them: ISO 3166-1 alpha-3 codes.

The store keeps the applicant's nationality as the text the user typed ("Philippines",
"フィリピン", "PHL"). ``nationality_code`` turns that text into a code when it can: any three
letters are taken as a code, and the English and Japanese names below are recognised. A name it
does not know gives None, and the checklist then keeps a nationality-dependent document listed as
conditional instead of guessing.

The table holds the countries some rule depends on (the route files may only name these, so a typo
in a data file is caught) and common nationalities of applicants, so that their names are
recognised too. Names follow ISO 3166-1 and the Japanese names used by MOFA.
"""

from __future__ import annotations

import re
import unicodedata

# code: (English short name, Japanese name, other spellings)
COUNTRIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "PHL": ("Philippines", "フィリピン", ("the philippines", "filipino", "フィリピン共和国")),
    "NPL": ("Nepal", "ネパール", ("nepali", "nepalese", "ネパール連邦民主共和国")),
    "VNM": ("Viet Nam", "ベトナム", ("vietnam", "vietnamese", "ベトナム社会主義共和国")),
    "IDN": ("Indonesia", "インドネシア", ("indonesian", "インドネシア共和国")),
    "MMR": ("Myanmar", "ミャンマー", ("burma", "burmese", "ミャンマー連邦共和国")),
    "CHN": ("China", "中国", ("chinese", "people's republic of china", "中華人民共和国")),
    "IND": ("India", "インド", ("indian",)),
    "KOR": ("Republic of Korea", "韓国", ("korea", "south korea", "korean", "大韓民国")),
    "TWN": ("Taiwan", "台湾", ("taiwanese",)),
    "THA": ("Thailand", "タイ", ("thai",)),
    "MYS": ("Malaysia", "マレーシア", ("malaysian",)),
    "SGP": ("Singapore", "シンガポール", ("singaporean",)),
    "LKA": ("Sri Lanka", "スリランカ", ("sri lankan",)),
    "BGD": ("Bangladesh", "バングラデシュ", ("bangladeshi",)),
    "PAK": ("Pakistan", "パキスタン", ("pakistani",)),
    "USA": ("United States", "米国", ("united states of america", "us", "american", "アメリカ", "アメリカ合衆国")),
    "CAN": ("Canada", "カナダ", ("canadian",)),
    "GBR": ("United Kingdom", "英国", ("uk", "great britain", "british", "イギリス")),
    "FRA": ("France", "フランス", ("french",)),
    "DEU": ("Germany", "ドイツ", ("german",)),
    "ITA": ("Italy", "イタリア", ("italian",)),
    "ESP": ("Spain", "スペイン", ("spanish",)),
    "AUS": ("Australia", "オーストラリア", ("australian",)),
    "BRA": ("Brazil", "ブラジル", ("brazilian",)),
    "MEX": ("Mexico", "メキシコ", ("mexican",)),
    "RUS": ("Russian Federation", "ロシア", ("russia", "russian")),
    "UKR": ("Ukraine", "ウクライナ", ("ukrainian",)),
    "TUR": ("Türkiye", "トルコ", ("turkey", "turkish")),
    "EGY": ("Egypt", "エジプト", ("egyptian",)),
    "NGA": ("Nigeria", "ナイジェリア", ("nigerian",)),
}

_CODE = re.compile(r"^[A-Za-z]{3}$")


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


_BY_NAME: dict[str, str] = {
    _key(name): code
    for code, (name_en, name_ja, others) in COUNTRIES.items()
    for name in (name_en, name_ja, *others)
}


def nationality_code(text: str | None) -> str | None:
    """The ISO 3166-1 alpha-3 code for what the user typed, or None when it is empty or unknown."""
    if text is None or not text.strip():
        return None
    key = _key(text)
    if key in _BY_NAME:
        return _BY_NAME[key]
    if _CODE.match(key):
        return key.upper()
    return None


def country_name(code: str) -> str:
    """The English name of a code from the table (the code itself for any other)."""
    return COUNTRIES[code][0] if code in COUNTRIES else code
