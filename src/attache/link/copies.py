"""Copies: a wire story republished by several sites, or one article translated.

A copy adds no independent confirmation of what it repeats. Within a
language a copy shares most of its word 5-grams with the original; across
languages a translation keeps the original's anchors — figures, people,
places, dates — in the same order, which independent reports of the same
event (each choosing and ordering its own facts) rarely do.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Analysis
from ..text import fold, word_table

SHINGLE_WORDS = 5
SAME_LANGUAGE_OVERLAP = 0.5
"""Share of the smaller document's 5-grams found in the other."""
ANCHOR_ORDER = 0.8
"""Share of the anchors of either document that the other states in the same order: a translation
keeps nearly all; a shorter report of the same event keeps the same order but not the same share."""
MIN_ANCHORS = 6

_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]+")
_WORD_BYTES = word_table(lambda ch: ch.isalnum() or ch == "_", lower=True)[:128] + bytes(range(128, 256))
"""A `bytes.translate` table for UTF-8 text: ASCII that `\\w` matches in lower-cased text kept (lower-cased), other
ASCII blanked, every byte of a character beyond ASCII kept."""


@dataclass(slots=True)
class Candidate:
    """A document as copy finding reads it: its anchors are worked out only if it is compared across languages."""
    id: str
    language: str
    published: str | None
    text: str
    anchors: Callable[[], list[str]]

    @classmethod
    def of(cls, analysis: Analysis) -> Candidate:
        doc = analysis.document
        return cls(doc.id, doc.language, doc.published, doc.text, functools.partial(anchors, analysis))


def find_copies(analyses: list[Analysis]) -> dict[str, str]:
    """Map each copy's document id to the id of the document it copies (the earliest, then the first given)."""
    return copies_among([Candidate.of(a) for a in analyses])


def copies_among(candidates: list[Candidate]) -> dict[str, str]:
    """`find_copies` of documents however they were read."""
    if len(candidates) < 2:
        return {}
    ordered = sorted(candidates, key=lambda c: c.published or "9999")
    # A document is compared by its words with those in its language, by its anchors with the others: it needs
    # neither where there are none.
    languages = Counter(c.language for c in ordered)
    shingles = {c.id: _shingles(c.text) for c in ordered if languages[c.language] > 1}
    marks = {c.id: c.anchors() for c in ordered if languages[c.language] < len(ordered)}
    original: dict[str, str] = {}
    for i, a in enumerate(ordered):
        for b in ordered[:i]:
            source = original.get(b.id, b.id)
            if _is_copy(a, b, shingles, marks):
                original[a.id] = source
                break
    return original


def _is_copy(a: Candidate, b: Candidate, shingles: dict[str, set[int]], marks: dict[str, list[str]]) -> bool:
    if a.language == b.language:
        return overlap(shingles[a.id], shingles[b.id]) >= SAME_LANGUAGE_OVERLAP
    x, y = marks[a.id], marks[b.id]
    if min(len(x), len(y)) < MIN_ANCHORS:
        return False
    return _common_subsequence(x, y) / max(len(x), len(y)) >= ANCHOR_ORDER


def overlap(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _shingles(text: str) -> set[int]:
    """Hashes of the word 5-grams (words as `\\w+` finds them in lower-cased text).

    The words are cut as UTF-8 bytes by one `bytes.translate` and split, in a third less time than a regular
    expression finding them: once the characters beyond ASCII that are not word characters are blanked, every
    byte beyond ASCII belongs to a word. Bytes or text, the same words give the same set of 5-grams.
    """
    if not text.isascii():
        text = _NON_ASCII_NON_WORD.sub(" ", text.lower())
    words = text.encode().translate(_WORD_BYTES).split()
    return set(map(hash, zip(*(words[i:] for i in range(SHINGLE_WORDS)))))


def anchors(analysis: Analysis) -> list[str]:
    """Language-independent landmarks in text order: figures, people, places, dates."""
    marks: list[tuple[int, str]] = []
    marks += [(f.start, f"{f.unit}:{f.value:.4g}") for f in analysis.figures]
    marks += [(p.span.start, "p:" + fold(p.name)) for p in analysis.people if p.span is not None]
    marks += [(p.span.start, "l:" + (p.code or fold(p.name))) for p in analysis.places]
    marks += [(d.span.start, "d:" + d.value) for d in analysis.dates]
    return [m for _, m in sorted(marks)]


def _common_subsequence(x: Iterable[str], y: list[str]) -> int:
    previous = [0] * (len(y) + 1)
    for item in x:
        current = [0]
        for j, other in enumerate(y):
            current.append(previous[j] + 1 if item == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]
