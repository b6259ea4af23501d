"""Group documents into events without translation.

Evidence that two reports describe one event is language-independent
first: the day it happened (different days are different events, so an
opening and a closing session stay apart), the people taking part and the
figures quoted; text similarity adds to it only between documents of the
same language. Documents that do not state the day join the best-matching
event whose day lies near the time the document was written.

Each document is reduced to its `LinkFeatures` once, in the worker that
analyses it (`link_features` is pure); grouping then reads those features
twice — once to count how common each word and figure is, once to group —
and keeps of each document only what a comparison needs, so that linking a
million documents fits in a few gigabytes. No pair of documents is compared
unless they share a blocking key: a person, a figure or one of their
strongest words.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..lexicons import toml
from ..model import Analysis
from ..text import fold

BLOCKING_TERMS = 8
"""Each document's strongest words also serve as keys: documents that share no key are never compared."""
KEPT_TERMS = 40
"""Text vectors are cut to their strongest words, so memory stays flat per document."""
COMMON_KEY_GROUPS = 1000
"""A key shared by more events than this (a head of government) blocks nothing for undated documents."""
MAX_CANDIDATES = 50
"""Events compared in full with one document, those sharing the most keys with it first."""
MAX_MEMBERS = 20
"""An event's first documents stand for it; a large event is not compared document by document."""
RARE_FIGURE_DOCS = 3
RARE_FIGURE_SHARE = 0.002
SAME_DAY_EVIDENCE = 1.0
"""Same day plus one shared participant, two shared figures, or similar text."""
UNDATED_EVIDENCE = 2.0
"""A document without a day needs more: e.g. two shared people, or one and a figure."""
UNDATED_WINDOW_DAYS = 60
TEXT_WEIGHT = 4.0

_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(slots=True)
class LinkFeatures:
    """What event grouping reads of one document: its day, people, figures and word counts."""
    id: str
    language: str
    day: str | None
    anchor: str | None
    """When it was written or what it looks back on, for documents without a day."""
    year: int | None
    names: list[str]
    numbers: list[str]
    terms: dict[str, int]

    def to_list(self) -> list:
        return [self.id, self.language, self.day, self.anchor, self.year, self.names, self.numbers, self.terms]

    @classmethod
    def from_list(cls, data: list) -> LinkFeatures:
        return cls(*data)


def link_features(analysis: Analysis) -> LinkFeatures:
    doc = analysis.document
    timing = analysis.timing
    return LinkFeatures(
        id=doc.id,
        language=doc.language,
        day=timing.event_date,
        anchor=timing.focal_date or doc.published,
        year=timing.reference_year,
        names=sorted({fold(p.name) for p in analysis.people if p.role != "author"}),
        numbers=sorted({f"{f.unit}:{float(f'{f.value:.3g}')!r}" for f in analysis.figures
                        if f.unit != "count" or abs(f.value) >= 10}),
        terms=dict(Counter(_terms(doc.text, doc.language))),
    )


@dataclass(slots=True)
class _Doc:
    """One document as grouping keeps it: word weights cut to the strongest, strings shared."""
    id: str
    language: str
    day: str | None
    anchor: date | None
    year: int | None
    names: frozenset[str]
    numbers: frozenset[str]
    terms: tuple[str, ...]
    weights: array


def group_events(features: Iterable[LinkFeatures]) -> list[list[str]]:
    """Document ids grouped by event, in input order within and across groups.

    `features` is read twice (a list, or a reader that starts over on each
    iteration): the first pass counts words and figures across documents.
    """
    if iter(features) is features:
        raise TypeError("group_events reads its features twice: pass a list or a re-iterable reader")
    corpus = _Corpus.count(features)
    docs = [corpus.compact(f) for f in features]
    groups: list[list[_Doc]] = []
    by_day_key: dict[str, list[int]] = {}
    by_key: dict[str, list[int]] = {}
    undated = [d for d in docs if not d.day]
    current_day: str | None = None

    def join(doc: _Doc, best: int | None) -> None:
        if best is None:
            best = len(groups)
            groups.append([])
        indexes = [by_key] if undated else []
        if doc.day:
            indexes.append(by_day_key)
        for key in _keys(doc):
            for index in indexes:
                owners = index.setdefault(key, [])
                if not owners or owners[-1] != best:
                    owners.append(best)
        members = groups[best]
        members.append(doc)
        if len(members) > MAX_MEMBERS:
            # Never compared again: its words need not be kept.
            doc.terms, doc.weights = (), _NO_WEIGHTS

    for doc in sorted((d for d in docs if d.day), key=lambda d: d.day):
        if doc.day != current_day:
            # Dated documents only join events of their own day: older days' keys are done with.
            current_day = doc.day
            by_day_key.clear()
        shared = Counter(g for key in _keys(doc) for g in by_day_key.get(key, ()))
        join(doc, _best_group(doc, groups, _most_shared(shared), SAME_DAY_EVIDENCE, corpus.rarity))
    for doc in undated:
        shared = Counter(g for key in _keys(doc) for g in _owners(by_key, key) if _near(doc, groups[g]))
        join(doc, _best_group(doc, groups, _most_shared(shared), UNDATED_EVIDENCE, corpus.rarity))
    order = {d.id: i for i, d in enumerate(docs)}
    result = [sorted((d.id for d in g), key=order.__getitem__) for g in groups]
    return sorted(result, key=lambda ids: order[ids[0]])


_NO_WEIGHTS = array("d")
_TF = [0.0] + [1 + math.log(c) for c in range(1, 64)]
"""Sublinear term frequency of the counts most words have, computed once."""


class _Corpus:
    """How common each word (per language) and each figure is, from the first pass."""

    def __init__(self) -> None:
        self.size = 0
        self.languages: Counter[str] = Counter()
        self.df: dict[str, Counter[str]] = {}
        self.rarity: dict[str, float] = {}
        self._shared: dict[str, str] = {}
        self._idfs: dict[str, dict[str, float]] = {}

    @classmethod
    def count(cls, features: Iterable[LinkFeatures]) -> _Corpus:
        corpus = cls()
        figures: Counter[str] = Counter()
        for f in features:
            corpus.size += 1
            corpus.languages[f.language] += 1
            corpus.df.setdefault(f.language, Counter()).update(f.terms.keys())
            figures.update(f.numbers)
        common = max(RARE_FIGURE_DOCS, corpus.size * RARE_FIGURE_SHARE)
        # Only figures stated more often than `common` weigh less than one: the others need no entry.
        corpus.rarity = {n: common / count for n, count in figures.items() if count > common}
        return corpus

    def _idf(self, language: str) -> dict[str, float]:
        idf = self._idfs.get(language)
        if idf is None:
            n = self.languages[language]
            # Once per word, not once per word and document; the counts are no longer needed after.
            idf = self._idfs[language] = {t: math.log(1 + n / df) for t, df in self.df.pop(language).items()}
        return idf

    def compact(self, f: LinkFeatures) -> _Doc:
        """Sublinear tf-idf within the document's language, cut to the KEPT_TERMS strongest words."""
        idf = self._idf(f.language)
        weights = {t: _TF[c] * idf[t] if c < len(_TF) else (1 + math.log(c)) * idf[t] for t, c in f.terms.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        strongest = sorted(weights, key=weights.__getitem__, reverse=True)[:KEPT_TERMS]
        share = self._shared.setdefault
        return _Doc(
            id=f.id, language=share(f.language, f.language), day=f.day and share(f.day, f.day),
            anchor=_parse(f.anchor), year=f.year,
            names=frozenset(share(n, n) for n in f.names), numbers=frozenset(share(n, n) for n in f.numbers),
            terms=tuple(share(t, t) for t in strongest), weights=array("d", (weights[t] / norm for t in strongest)))


def _keys(doc: _Doc) -> list[str]:
    return ([f"p:{n}" for n in doc.names] + [f"n:{n}" for n in doc.numbers]
            + [f"t:{doc.language}:{t}" for t in doc.terms[:BLOCKING_TERMS]])


def _most_shared(shared: Counter[int]) -> set[int]:
    """The events sharing the most keys with a document: the only ones worth a full comparison."""
    return {g for g, _ in shared.most_common(MAX_CANDIDATES)}


def _owners(index: dict[str, list[int]], key: str) -> list[int]:
    owners = index.get(key, [])
    return owners if len(owners) <= COMMON_KEY_GROUPS else []


def _best_group(doc: _Doc, groups: list[list[_Doc]], candidates: set[int], threshold: float,
                rarity: dict[str, float]) -> int | None:
    """The candidate with the strongest evidence (the later one on a tie), if strong enough."""
    if not candidates:
        return None
    vector = dict(zip(doc.terms, doc.weights))
    scored = [(max(_evidence(doc, vector, other, rarity) for other in groups[i][:MAX_MEMBERS]), i)
              for i in candidates]
    scored = [(s, i) for s, i in scored if s >= threshold]
    return max(scored)[1] if scored else None


def _evidence(a: _Doc, vector: dict[str, float], b: _Doc, rarity: dict[str, float]) -> float:
    score = len(a.names & b.names) + sum(rarity.get(n, 1.0) for n in a.numbers & b.numbers)
    if a.language == b.language:
        score += TEXT_WEIGHT * sum(w * vector.get(t, 0.0) for t, w in zip(b.terms, b.weights))
    return score


def _near(doc: _Doc, group: list[_Doc]) -> bool:
    """Could the document have been written around the time of this group's event?"""
    lead = group[0]
    day = _day(lead.day) if lead.day else lead.anchor
    if day is None:
        return doc.year is None or lead.year is None or doc.year == lead.year
    if doc.anchor is not None:
        return abs((doc.anchor - day).days) <= UNDATED_WINDOW_DAYS
    return doc.year is None or doc.year == day.year


def _parse(value: str | None) -> date | None:
    try:
        return _day(value[:10]) if value else None
    except ValueError:
        return None


@cache
def _day(iso: str) -> date:
    return date.fromisoformat(iso)


def _terms(text: str, language: str) -> list[str]:
    stop = _stopwords(language)
    # Folding the whole text once costs a fraction of folding each of its words.
    return [w for w in _WORD.findall(fold(text)) if w not in stop]


@cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(toml(language, "stopwords").get("words", ()))
