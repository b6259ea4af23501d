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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import repeat
from operator import mul
from sys import intern

from ..lexicons import toml
from ..model import Analysis
from ..text import ascii_words, fold, to_ascii, word_table
from .collector import without_cycle_collection

BLOCKING_TERMS = 8
"""Each document's strongest words also serve as keys: documents that share no key are never compared."""
KEPT_TERMS = 40
"""Text vectors are cut to their strongest words, so memory stays flat per document."""
COMMON_KEY_GROUPS = 200
"""A key shared by more events of one day (or of one month, for undated documents) than this — a head of
government, a common word — blocks nothing: the rarer keys the document has find its candidates."""
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
_ASCII_LETTERS = word_table(str.isalpha, lower=True)
"""Most texts are ASCII once folded: their words are then found without `_WORD` (see `ascii_words`)."""


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
        terms=_term_counts(doc.text, doc.language),
    )


@dataclass(slots=True)
class _Doc:
    """One document as grouping keeps it: word weights cut to the strongest, strings shared."""
    id: str
    language: str
    day: str | None
    anchor: date | None
    year: int | None
    names: tuple[str, ...]
    numbers: tuple[str, ...]
    terms: tuple[str, ...]
    weights: array


Owners = dict[str, int | list[int]]
"""Blocking key -> the events having it; most keys have one, kept as a bare number to save memory."""


@without_cycle_collection
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
    by_day_key: Owners = {}
    undated = [d for d in docs if not d.day]
    by_time = _TimeIndex(timeless=any(d.anchor is None and d.year is None for d in undated)) if undated else None
    current_day: str | None = None

    def join(doc: _Doc, best: int | None) -> None:
        if best is None:
            best = len(groups)
            groups.append([])
        keys = _keys(doc)
        if doc.day:
            for key in keys:
                _add_owner(by_day_key, key, best)
        if by_time is not None:
            by_time.add(groups[best][0] if groups[best] else doc, keys, best)
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
        shared = Counter(g for key in _keys(doc) for g in _owners(by_day_key, key))
        join(doc, _best_group(doc, groups, _most_shared(shared), SAME_DAY_EVIDENCE, corpus.rarity))
    for doc in undated:
        shared = Counter(g for g in by_time.owners(doc, _keys(doc)) if _near(doc, groups[g]))
        join(doc, _best_group(doc, groups, _most_shared(shared), UNDATED_EVIDENCE, corpus.rarity))
    order = {d.id: i for i, d in enumerate(docs)}
    result = [sorted((d.id for d in g), key=order.__getitem__) for g in groups]
    return sorted(result, key=lambda ids: order[ids[0]])


class _TimeIndex:
    """Events' keys by the month the event happened, for documents that do not state their day.

    An undated document may only join an event within UNDATED_WINDOW_DAYS of
    when it was written, so it looks up the months in reach, not the whole
    archive. Events known only by their year are filed under the year;
    documents without any date (rare) need the flat index of every key.
    """

    MONTHS_IN_REACH = 3
    """60 days can span three month boundaries (31 January to 1 April)."""

    def __init__(self, timeless: bool):
        self.buckets: dict[int | tuple[str, int | None], Owners] = {}
        self.years: set[int | None] = set()
        self.flat: Owners | None = {} if timeless else None

    def add(self, lead: _Doc, keys: list[str], group: int) -> None:
        when = _day(lead.day) if lead.day else lead.anchor
        if when is not None:
            bucket: int | tuple[str, int | None] = when.year * 12 + when.month - 1
        else:
            bucket = ("year", lead.year)
            self.years.add(lead.year)
        for index in (self.buckets.setdefault(bucket, {}), self.flat):
            if index is None:
                continue
            for key in keys:
                _add_owner(index, key, group)

    def owners(self, doc: _Doc, keys: list[str]) -> Iterator[int]:
        indexes = self._reach(doc)
        for key in keys:
            for index in indexes:
                yield from _owners(index, key)

    def _reach(self, doc: _Doc) -> list[Owners]:
        if doc.anchor is None and doc.year is None:
            return [self.flat]
        if doc.anchor is not None:
            month = doc.anchor.year * 12 + doc.anchor.month - 1
            months = range(month - self.MONTHS_IN_REACH, month + self.MONTHS_IN_REACH + 1)
        else:
            months = range(doc.year * 12, doc.year * 12 + 12)
        years = self.years if doc.year is None else {doc.year, None}
        found = [self.buckets.get(m) for m in months] + [self.buckets.get(("year", y)) for y in years]
        return [index for index in found if index]


_NO_WEIGHTS = array("f")


@cache
def _tf(count: int) -> float:
    """Sublinear term frequency; the same few counts recur in every document."""
    return 1 + math.log(count)


class _Corpus:
    """How common each word (per language) and each figure is, from the first pass."""

    def __init__(self) -> None:
        self.size = 0
        self.languages: Counter[str] = Counter()
        self.df: dict[str, Counter[str]] = {}
        self.rarity: dict[str, float] = {}
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
        words = list(f.terms)
        # map() over C-level callables: this runs for every word of every document.
        weights = list(map(mul, map(_tf, f.terms.values()), map(idf.__getitem__, words)))
        norm = math.hypot(*weights) or 1.0
        strongest = sorted(range(len(words)), key=weights.__getitem__, reverse=True)[:KEPT_TERMS]
        # Interned: the same word, name or day in many documents is one string in memory.
        return _Doc(
            id=f.id, language=intern(f.language), day=f.day and intern(f.day), anchor=_parse(f.anchor), year=f.year,
            names=tuple(map(intern, f.names)), numbers=tuple(map(intern, f.numbers)),
            terms=tuple([intern(words[i]) for i in strongest]),
            # Single precision: half the memory, and far finer than any threshold the evidence is held to.
            weights=array("f", (weights[i] / norm for i in strongest)))


def _keys(doc: _Doc) -> list[str]:
    return ([f"p:{n}" for n in doc.names] + [f"n:{n}" for n in doc.numbers]
            + [f"t:{doc.language}:{t}" for t in doc.terms[:BLOCKING_TERMS]])


def _most_shared(shared: Counter[int]) -> set[int]:
    """The events sharing the most keys with a document: the only ones worth a full comparison."""
    return {g for g, _ in shared.most_common(MAX_CANDIDATES)}


def _add_owner(index: Owners, key: str, group: int) -> None:
    owners = index.get(key)
    if owners is None:
        index[key] = group
    elif isinstance(owners, int):
        if owners != group:
            index[key] = [owners, group]
    elif owners[-1] != group:
        owners.append(group)


def _owners(index: Owners, key: str) -> list[int] | tuple[int]:
    owners = index.get(key, ())
    if isinstance(owners, int):
        return (owners,)
    return owners if len(owners) <= COMMON_KEY_GROUPS else ()


def _best_group(doc: _Doc, groups: list[list[_Doc]], candidates: set[int], threshold: float,
                rarity: dict[str, float]) -> int | None:
    """The candidate with the strongest evidence (the later one on a tie), if strong enough."""
    if not candidates:
        return None
    probe = _Probe(doc, rarity)
    scored = [(max(map(probe.evidence, groups[i][:MAX_MEMBERS])), i) for i in candidates]
    scored = [(s, i) for s, i in scored if s >= threshold]
    return max(scored)[1] if scored else None


class _Probe:
    """One document being placed, ready to be compared with many others."""

    def __init__(self, doc: _Doc, rarity: dict[str, float]):
        self.language = doc.language
        self.names = set(doc.names)
        self.numbers = set(doc.numbers)
        self.vector = dict(zip(doc.terms, doc.weights))
        self.rarity = rarity

    def evidence(self, other: _Doc) -> float:
        score = len(self.names.intersection(other.names))
        score += sum(self.rarity.get(n, 1.0) for n in self.numbers.intersection(other.numbers))
        if self.language == other.language:
            score += TEXT_WEIGHT * sum(map(mul, map(self.vector.get, other.terms, repeat(0.0)), other.weights))
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


def _term_counts(text: str, language: str) -> dict[str, int]:
    # Diacritics dropped from the whole text at once, and stop words from the distinct words only:
    # both cost a fraction of doing it word by word.
    folded = to_ascii(text)
    # A plain dict: Counter's own deletion runs in Python, a dict's in C.
    if folded.isascii():
        counts = dict(Counter(ascii_words(folded, _ASCII_LETTERS)))
        # Words of one or two letters are dropped once each, not looked at in every place they occur.
        short = [word for word in counts if len(word) < 3]
    else:
        counts = dict(Counter(_WORD.findall(folded.lower())))
        short = []
    for word in _stopwords(language).intersection(counts).union(short):
        del counts[word]
    return counts


@cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(toml(language, "stopwords").get("words", ()))
