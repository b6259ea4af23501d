"""Relations: the level of a bilateral partnership with named countries.

"upgrading relations to Comprehensive Strategic Partnership with Australia,
France and Malaysia" gives one relation per partner. Levels are lexicon data
per language with canonical English names; the reporting country (Vietnam) is
never its own partner. The year is the sentence's own, else the nearest one
stated before it in the paragraph.
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicons
from ..model import CleanDocument, PlaceMention, Relation, Span, YearMention
from ..text import to_ascii
from .patterns import headed_word_starts, word_starts
from .places import trie_heads, trie_pattern

_HOME = "VN"
_SPACES = re.compile(r"\s+")
_WORD_CHAR = re.compile(r"\w")


@cache
def _levels(language: str) -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """The pattern of every level form, form -> level, and the literal words that open the forms."""
    levels = lexicons.toml(language, "relations").get("levels", {})
    # Each level also as written without diacritics ("Doi tac Chien luoc Toan dien").
    canonical = {form.lower(): level for w, level in levels.items() for form in (to_ascii(w), w)}
    if not canonical:
        return re.compile(r"(?!)"), canonical, ()
    # Lower-case forms matched in the lower-cased text, their word start checked apart (`word_starts`):
    # ignoring case or opening with a look-behind would make the engine try every position of the text.
    forms = set(canonical)
    return re.compile(rf"(?:{trie_pattern(forms)})(?!\w)"), canonical, trie_heads(forms)


def _normal(written: str) -> str:
    return _SPACES.sub(" ", written.lower())


def _year(sentence: Span, paragraph: Span | None, years: list[YearMention], at: int) -> int | None:
    inside = [y for y in years if sentence.start <= y.span.start < sentence.end]
    if inside:
        return min(inside, key=lambda y: abs(y.span.start - at)).year
    if paragraph is None:
        return None
    before = [y for y in years if paragraph.start <= y.span.start < sentence.start]
    return before[-1].year if before else None


def find_relations(doc: CleanDocument, places: list[PlaceMention], years: list[YearMention]) -> list[Relation]:
    pattern, canonical, heads = _levels(doc.language)
    text = doc.text
    years = sorted(years, key=lambda y: y.span.start)
    out: list[Relation] = []
    by_sentence: dict[Span, list[tuple[int, str]]] = {}
    lowered = text.lower()
    # lower-casing may change the length of rare letters; then offsets need the original text
    found = (headed_word_starts(pattern, lowered, _WORD_CHAR, heads) if len(lowered) == len(text)
             else word_starts(re.compile(pattern.pattern, re.IGNORECASE), text, _WORD_CHAR))
    for m in found:
        sentence = next((s for s in doc.sentences if s.start <= m.start() < s.end), None)
        if sentence is not None:
            by_sentence.setdefault(sentence, []).append((m.start(), canonical[_normal(m.group())]))
    for sentence, levels in by_sentence.items():
        paragraph = next((p for p in doc.paragraphs if p.start <= sentence.start < p.end), None)
        seen: set[tuple[str, str]] = set()
        for place in places:
            if place.kind != "country" or place.code == _HOME or not sentence.start <= place.span.start < sentence.end:
                continue
            # A partner takes the level stated before it ("... Partnership with A and B"), else the next one.
            before = [lv for lv in levels if lv[0] < place.span.start]
            at, level = before[-1] if before else levels[0]
            if (place.code, level) in seen:
                continue
            seen.add((place.code, level))
            out.append(Relation(place.code, level, _year(sentence, paragraph, years, at),
                                Span(sentence.start, sentence.end)))
    return out
