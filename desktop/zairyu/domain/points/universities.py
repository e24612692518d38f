"""Points item ⑰: the ISA list of designated universities, with a forgiving lookup.

The data is ``checklists/designated-universities.json``, converted from the ISA PDF ("As of January
2026", 390 universities) by ``checklists/tools/convert_designated_universities.py``. The list covers
⑰-Ⅰ (the world rankings); ⑰-Ⅱ (MEXT Top Global University Project) and ⑰-Ⅲ (MOFA Innovative Asia
partner schools) are separate lists not in this file, so "not found" is never a final "no".

A name matches regardless of case, accents, punctuation, spacing, a leading "The", "Univ." for
"University", "&" for "and", "St." for "Saint", German "ue" for "ü", word order ("Tokyo University"
for "The University of Tokyo"), a name given in brackets on the list ("ETH Zurich") and a former
name ("Tokyo Institute of Technology").
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from zairyu.errors import DataFileError
from zairyu.paths import checklists_dir

DATA_FILE = "designated-universities.json"

# Applied word by word after lower-casing; both the list and the query go through the same steps.
WORD_VARIANTS = {
    "univ": "university", "uni": "university", "u": "university", "universty": "university",
    "inst": "institute", "tech": "technology", "sci": "science", "natl": "national", "nat": "national",
    "intl": "international", "saint": "st", "&": "and",
}
STOP_WORDS = frozenset({"the", "of", "at", "in", "and", "de", "di", "du", "la", "le", "zu", "campus"})
FORMER_NAMES = re.compile(r"^\s*(previo\w*|統合前)\s*[:：]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class University:
    name_en: str
    name_ja: str
    country_en: str
    country_ja: str

    def label(self) -> str:
        return f"{self.name_en} ({self.name_ja}, {self.country_en})"

    def label_ja(self) -> str:
        return f"{self.name_ja}（{self.country_ja}）"


@dataclass(frozen=True)
class UniversityList:
    as_of: str  # "2026-01"
    as_of_label: str  # "As of January 2026 / 令和８年１月時点"
    source: str
    universities: tuple[University, ...]


@dataclass(frozen=True)
class LookupResult:
    query: str
    matches: tuple[University, ...]  # empty: not on the list; several: the query is ambiguous
    suggestions: tuple[University, ...]  # close names when nothing matched
    as_of_label: str

    @property
    def found(self) -> bool:
        return len(self.matches) == 1


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    # Strip accents from Latin letters only: in kana the combining marks are the voicing (ブ ≠ フ).
    text = "".join(
        "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if ord(ch) < 0x250 else ch
        for ch in text
    )
    # German transliterations: Tübingen = Tuebingen = Tubingen.
    return re.sub(r"(?<=[a-z])([aou])e", r"\1", text)


def _words(text: str) -> list[str]:
    text = _fold(text).replace("&", " & ")
    words = re.findall(r"&|[\w]+", text)
    return [WORD_VARIANTS.get(word, word) for word in words]


def compact_key(name: str) -> str:
    """Spacing, punctuation, case and a leading 'the' do not matter."""
    words = _words(name)
    if words and words[0] == "the":
        words = words[1:]
    return "".join(words)


def bag_key(name: str) -> str:
    """Word order and small words do not matter either ('Tokyo University' = 'University of Tokyo')."""
    return " ".join(sorted(w for w in _words(name) if w not in STOP_WORDS))


def _primary_names(name: str) -> list[str]:
    """The printed name, the name without its bracketed parts, and the part before a qualifying comma
    ("Northeastern University,US", "Trinity College Dublin,The University of Dublin")."""
    bare = re.sub(r"\s*[（(][^()（）]*(?:\([^()]*\))?[^()（）]*[)）]", "", name).strip()
    names = [name, bare] if bare and bare != name else [name]
    if "," in bare and not bare.lower().startswith("university of california"):
        head = bare.split(",", 1)[0].strip()
        if len(head.split()) >= 2:
            names.append(head)
    return names


def _other_names(name: str) -> list[str]:
    """Each bracketed or former name ("ETH Zurich", "Tokyo Institute of Technology")."""
    variants: list[str] = []
    brackets = re.findall(r"[（(]([^()（）]*(?:\([^()]*\))?[^()（）]*)[)）]", name)
    for inner in brackets:
        inner = FORMER_NAMES.sub("", inner)
        for part in re.split(r"[／/–]", inner):
            part = part.strip()
            if len(compact_key(part)) >= 3:
                variants.append(part)
    return variants


def load_university_list(path: Path) -> UniversityList:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(str(path), "(file)", str(exc)) from None
    try:
        entries = tuple(University(e["name_en"], e["name_ja"], e["country_en"], e["country_ja"])
                        for e in raw["universities"])
        return UniversityList(raw["as_of"], raw["as_of_label"], raw["source"], entries)
    except (KeyError, TypeError) as exc:
        raise DataFileError(str(path), "universities", f"missing field {exc}") from None


Index = dict[str, list[University]]


def _add(index: Index, key: str, uni: University) -> None:
    if key and uni not in index.setdefault(key, []):
        index[key].append(uni)


class UniversityIndex:
    """Four indexes tried in order: the printed names exactly, then in any word order, then the
    bracketed/former names the same two ways — so "Tokyo Medical and Dental University" finds that
    entry, not the merged university that lists it as a former name."""

    def __init__(self, data: UniversityList) -> None:
        self.data = data
        self._indexes: list[tuple[Index, object]] = []
        primary_compact: Index = {}
        primary_bag: Index = {}
        other_compact: Index = {}
        other_bag: Index = {}
        for uni in data.universities:
            for printed in (uni.name_en, uni.name_ja):
                for name in _primary_names(printed):
                    _add(primary_compact, compact_key(name), uni)
                    _add(primary_bag, bag_key(name), uni)
                for name in _other_names(printed):
                    _add(other_compact, compact_key(name), uni)
                    _add(other_bag, bag_key(name), uni)
        self._steps = ((primary_compact, compact_key), (primary_bag, bag_key),
                       (other_compact, compact_key), (other_bag, bag_key))
        self._all_keys = {**other_compact, **primary_compact}

    def lookup(self, query: str, country: str | None = None) -> LookupResult:
        """Find ``query``; ``country`` (English or Japanese, e.g. "China") narrows ambiguous names."""
        matches: list[University] = []
        for index, make_key in self._steps:
            matches = list(index.get(make_key(query), []))
            if country:
                wanted = compact_key(country)
                matches = [u for u in matches if wanted in (compact_key(u.country_en), compact_key(u.country_ja))]
            if matches:
                break
        suggestions: list[University] = []
        if not matches:
            words = set(bag_key(query).split())
            if words:
                suggestions = [u for u in self.data.universities
                               if words <= set(bag_key(u.name_en).split()) | set(bag_key(u.name_ja).split())]
            for key in difflib.get_close_matches(compact_key(query), list(self._all_keys), n=3, cutoff=0.8):
                suggestions += [u for u in self._all_keys[key] if u not in suggestions]
        return LookupResult(query, tuple(matches), tuple(suggestions[:5]), self.data.as_of_label)


@cache
def designated_universities() -> UniversityIndex:
    """The packaged list (loaded once per process)."""
    return UniversityIndex(load_university_list(checklists_dir() / DATA_FILE))


def lookup_university(name: str) -> LookupResult:
    """Find ``name`` on the designated-university list (⑰)."""
    return designated_universities().lookup(name)
