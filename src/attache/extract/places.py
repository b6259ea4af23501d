"""Places: Vietnam's provinces and centrally-run cities, and countries.

Gazetteers are data (`common/provinces.tsv`, `common/countries.tsv`); every
form is matched as written and in its ASCII spelling, case-sensitively, with
whole words only and the longest form winning. Separators are loose
("Ba Ria-Vung Tau", "Ba Ria - Vung Tau", "TP. HCM", "TP.HCM") because reports
spell them every way.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from .. import lexicons
from ..model import PlaceMention, Span
from ..text import fold, to_ascii
from .patterns import literal_heads, trie

Kind = Literal["province", "city", "country"]

_SEPARATOR = re.compile(r"[\s\-–.]+")
# Vietnamese syllable shape on the folded form: onset, one to three vowels, coda.
SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: Kind
    code: str | None = None


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    patterns: tuple[re.Pattern[str], ...]
    """Every form, without a look-behind so that the engine jumps between first letters (see `patterns.word_starts`),
    in patterns whose forms open with distinct characters (see `_form_groups`)."""
    places: dict[str, Place]
    """Form key -> place; regions and words that shadow a place inside them ("Nam Mỹ") have none."""
    name_syllables: frozenset[str]
    surnames: frozenset[str]
    function_words: frozenset[str]
    honorifics: frozenset[str]
    countries_start_longer_names: bool


@lru_cache(maxsize=16384)
def key(form: str) -> str:
    """Lookup key of a place form: folded, separators collapsed ("TP.HCM" == "TP HCM").

    Cached: the same forms and names are looked up in every report.
    """
    return _SEPARATOR.sub(" ", fold(form)).strip()


def _units(form: str) -> list[str]:
    """A form as regex pieces: one per character, loose separators as one piece."""
    parts = _SEPARATOR.split(form)
    out = [re.escape(c) for c in parts[0]]
    for sep, part in zip(_SEPARATOR.findall(form), parts[1:]):
        if "." in sep:
            out.append(r"\.?\s*")
        elif "-" in sep or "–" in sep:
            out.append(r"\s*[-–]\s*")
        else:
            out.append(r"\s+")
        out.extend(re.escape(c) for c in part)
    return out


def trie_pattern(forms: set[str]) -> str:
    """One regex for many forms, separators written loosely ("Ha Noi", "Ha  Noi", "Ha-Noi")."""
    return trie(forms, units=_units)


def trie_heads(forms: set[str]) -> tuple[str, ...]:
    """Literal text one of which opens every match of `trie_pattern(forms)`: what comes before a form's first
    separator, the only part matched as written (see `patterns.headed_word_starts`)."""
    return literal_heads(_SEPARATOR.split(form)[0] for form in forms)


def _split(cell: str | None) -> list[str]:
    return [f.strip() for f in (cell or "").split("|") if f.strip()]


def _forms(names: list[str]) -> set[str]:
    return {variant for form in names for variant in (form, to_ascii(form))}


@cache
def provinces() -> dict[str, Place]:
    """Every province/city form's key -> the place, language-independent."""
    out: dict[str, Place] = {}
    for row in lexicons.tsv("common", "provinces"):
        place = Place(row["name"], "city" if row["kind"] == "city" else "province")
        for form in _forms([row["name"], *_split(row["forms"])]):
            out.setdefault(key(form), place)
    return out


@cache
def _country_forms(language: str) -> dict[str, tuple[Place, set[str]]]:
    out: dict[str, tuple[Place, set[str]]] = {}
    for row in lexicons.tsv("common", "countries"):
        # A language without its own forms for a country falls back to English, as its press does.
        names = _split(row.get(language)) or _split(row["en"])
        out[row["code"]] = (Place(row["name"], "country", row["code"]), _forms([row["name"], *names]))
    return out


def _form_groups(forms: set[str]) -> list[set[str]]:
    """The forms in groups whose matches open with distinct characters: the capitalised ones, and the others
    by their first character.

    The few forms in lower case ("the Netherlands", "châu Á") would make the engine try the whole pattern at
    every "t" and "c" of a report; a pattern that opens with one character skips to it in C, and one of
    capitals skips between capitals. A form that opens with a separator, whose pattern may skip it, keeps
    all the forms in one group.
    """
    if any(not f or _SEPARATOR.match(f) for f in forms):
        return [forms]
    groups: dict[str, set[str]] = {}
    for form in forms:
        groups.setdefault("" if form[0].isupper() else form[0], set()).add(form)
    return list(groups.values())


def _word_starts(patterns: tuple[re.Pattern[str], ...], text: str) -> Iterator[re.Match[str]]:
    """`patterns.word_starts` of one pattern of all the forms, from patterns whose matches open with distinct
    characters: at each position at most one of them matches, as the one pattern would."""
    found = [p.search(text) for p in patterns]
    none = len(text) + 1
    starts = [m.start() if m is not None else none for m in found]
    pos = 0
    while (start := min(starts)) != none:
        i = starts.index(start)
        if start >= pos:  # else a match already yielded covers it
            m = found[i]
            if start and _INSIDE_WORD.match(text, start - 1):
                pos = start + 1
            else:
                yield m
                pos = max(m.end(), start + 1)
        found[i] = m = patterns[i].search(text, pos)
        starts[i] = m.start() if m is not None else none


@cache
def _gazetteer(language: str) -> _Gazetteer:
    places: dict[str, Place] = {}
    forms: set[str] = set()
    for place, country_forms in _country_forms(language).values():
        for form in country_forms:
            places.setdefault(key(form), place)
        forms |= country_forms
    for k, place in provinces().items():
        places[k] = place
    for row in lexicons.tsv("common", "provinces"):
        forms |= _forms([row["name"], *_split(row["forms"])])
    # Matched so that the longest form wins, and left without a place.
    forms |= _forms([f for row in lexicons.tsv("common", "vi_localities") if row["kind"] != "locality"
                     for f in _split(row["forms"])])
    patterns = tuple(re.compile(rf"(?:{trie_pattern(group)})(?![\w$])") for group in _form_groups(forms))
    rows = lexicons.tsv("common", "vi_names")
    names = lexicons.toml(language, "names")
    return _Gazetteer(patterns, places, frozenset(fold(r["syllable"]) for r in rows),
                      frozenset(fold(r["syllable"]) for r in rows if r["kind"] == "surname"),
                      frozenset(names.get("function_words", [])),
                      frozenset(h for h in names.get("honorifics", []) if " " not in h),
                      bool(names.get("countries_start_longer_names", False)))


# The word before an offset, matched on the reversed text before it: one attempt instead of one per position.
_REVERSED_PREVIOUS_WORD = re.compile(r"[ \t]+(\w*[^\W\d_])")
_NEXT_WORD = re.compile(r" ([^\W\d_]+)")
_INSIDE_WORD = re.compile(r"[\w.]")


@lru_cache(maxsize=8192)
def _folded_word(word: str) -> str:
    return fold(word)


def _inside_person_name(text: str, start: int, gazetteer: _Gazetteer) -> bool:
    """"Nguyen Thi Hue", "Le Quang Nam", "ông Đức": a place form right after a capitalised Vietnamese name
    syllable or a courtesy word (but "Le Viêt Nam" in French is an article and a country)."""
    m = _REVERSED_PREVIOUS_WORD.match(text[max(0, start - 20):start][::-1])
    if not m:
        return False
    word = m.group(1)[::-1]
    if word in gazetteer.honorifics:
        return True
    if not word[0].isupper() or word in gazetteer.function_words:
        return False
    return _folded_word(word) in gazetteer.name_syllables


def _starts_longer_name(text: str, end: int, gazetteer: _Gazetteer) -> bool:
    """"Đức Phổ", "Nga Thắng": a country's name followed by a capitalised Vietnamese syllable, written with its
    diacritics (a foreign name after it, "Mỹ Ray Calder", has none), that starts no person's name."""
    m = _NEXT_WORD.match(text, end)
    if not m or not m.group(1)[0].isupper() or not m.group(1)[1:].islower() or to_ascii(m.group(1)) == m.group(1):
        return False
    word = _folded_word(m.group(1))
    return SYLLABLE.fullmatch(word) is not None and word not in gazetteer.surnames


def find_places(text: str, language: str) -> list[PlaceMention]:
    gazetteer = _gazetteer(language)
    out: list[PlaceMention] = []
    for m in _word_starts(gazetteer.patterns, text):
        place = gazetteer.places.get(key(m.group()))
        if place is None or _inside_person_name(text, m.start(), gazetteer):
            continue
        if place.kind == "country" and gazetteer.countries_start_longer_names \
                and _starts_longer_name(text, m.end(), gazetteer):
            continue
        out.append(PlaceMention(Span(m.start(), m.end()), m.group(), place.name, place.kind, place.code))
    return out

