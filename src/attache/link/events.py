"""Group documents into events without translation.

Evidence that two reports describe one event is language-independent
first: the day it happened (different days are different events, so an
opening and a closing session stay apart), the people taking part and the
figures quoted; text similarity adds to it only between documents of the
same language. Documents that do not state the day join the best-matching
event whose day lies near the time the document was written.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

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
MAX_MEMBERS = 20
"""An event's first documents stand for it; a large event is not compared document by document."""
RARE_FIGURE_DOCS = 3
RARE_FIGURE_SHARE = 0.002
"""Events compared in full with one document, those sharing the most keys with it first."""
SAME_DAY_EVIDENCE = 1.0
"""Same day plus one shared participant, two shared figures, or similar text."""
UNDATED_EVIDENCE = 2.0
"""A document without a day needs more: e.g. two shared people, or one and a figure."""
UNDATED_WINDOW_DAYS = 60
TEXT_WEIGHT = 4.0

_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass
class _Doc:
    id: str
    language: str
    day: str | None
    anchor: date | None
    year: int | None
    names: set[str]
    numbers: set[tuple[str, float]]
    terms: dict[str, float] = field(default_factory=dict)


def group_events(analyses: list[Analysis]) -> list[list[str]]:
    """Document ids grouped by event, in input order within and across groups."""
    docs = [_features(a) for a in analyses]
    _weigh_terms(docs)
    rarity = _number_rarity(docs)
    groups: list[list[_Doc]] = []
    by_day_key: dict[tuple[str, str], list[int]] = {}
    by_key: dict[str, list[int]] = {}

    def join(doc: _Doc, best: int | None) -> None:
        if best is None:
            best = len(groups)
            groups.append([])
        groups[best].append(doc)
        day = groups[best][0].day
        for key in _keys(doc):
            for index, k in ((by_key, key), (by_day_key, (day, key))):
                owners = index.setdefault(k, [])
                if not owners or owners[-1] != best:
                    owners.append(best)

    for doc in sorted((d for d in docs if d.day), key=lambda d: d.day):
        shared = Counter(g for key in _keys(doc) for g in by_day_key.get((doc.day, key), ()))
        join(doc, _best_group(doc, groups, _most_shared(shared), SAME_DAY_EVIDENCE, rarity))
    for doc in (d for d in docs if not d.day):
        shared = Counter(g for key in _keys(doc) for g in _owners(by_key, key) if _near(doc, groups[g]))
        join(doc, _best_group(doc, groups, _most_shared(shared), UNDATED_EVIDENCE, rarity))
    order = {d.id: i for i, d in enumerate(docs)}
    result = [sorted((d.id for d in g), key=order.__getitem__) for g in groups]
    return sorted(result, key=lambda ids: order[ids[0]])


def _keys(doc: _Doc) -> list[str]:
    strongest = sorted(doc.terms, key=doc.terms.__getitem__, reverse=True)[:BLOCKING_TERMS]
    return ([f"p:{n}" for n in doc.names] + [f"n:{u}:{v}" for u, v in doc.numbers]
            + [f"t:{doc.language}:{t}" for t in strongest])


def _most_shared(shared: Counter[int]) -> set[int]:
    """The events sharing the most keys with a document: the only ones worth a full comparison."""
    return {g for g, _ in shared.most_common(MAX_CANDIDATES)}


def _owners(index: dict[str, list[int]], key: str) -> list[int]:
    owners = index.get(key, [])
    return owners if len(owners) <= COMMON_KEY_GROUPS else []


def _best_group(doc: _Doc, groups: list[list[_Doc]], candidates: set[int], threshold: float,
                rarity: dict[tuple[str, float], float]) -> int | None:
    """The candidate with the strongest evidence (the later one on a tie), if strong enough."""
    scored = [(max(_evidence(doc, other, rarity) for other in groups[i][:MAX_MEMBERS]), i) for i in candidates]
    scored = [(s, i) for s, i in scored if s >= threshold]
    return max(scored)[1] if scored else None


def _evidence(a: _Doc, b: _Doc, rarity: dict[tuple[str, float], float]) -> float:
    score = len(a.names & b.names) + sum(rarity[n] for n in a.numbers & b.numbers)
    if a.language == b.language:
        score += TEXT_WEIGHT * _cosine(a.terms, b.terms)
    return score


def _number_rarity(docs: list[_Doc]) -> dict[tuple[str, float], float]:
    """How much a shared figure says: "412 billion USD" in two reports is telling, "10%" is everywhere.

    A figure stated by more documents than RARE_FIGURE_SHARE of the corpus
    (never fewer than RARE_FIGURE_DOCS) weighs proportionally less.
    """
    df = Counter(n for d in docs for n in d.numbers)
    common = max(RARE_FIGURE_DOCS, len(docs) * RARE_FIGURE_SHARE)
    return {n: min(1.0, common / count) for n, count in df.items()}


def _near(doc: _Doc, group: list[_Doc]) -> bool:
    """Could the document have been written around the time of this group's event?"""
    lead = group[0]
    day = date.fromisoformat(lead.day) if lead.day else lead.anchor
    if day is None:
        return doc.year is None or lead.year is None or doc.year == lead.year
    if doc.anchor is not None:
        return abs((doc.anchor - day).days) <= UNDATED_WINDOW_DAYS
    return doc.year is None or doc.year == day.year


def _features(analysis: Analysis) -> _Doc:
    doc = analysis.document
    timing = analysis.timing
    anchor = timing.focal_date or doc.published
    return _Doc(
        id=doc.id,
        language=doc.language,
        day=timing.event_date,
        anchor=_parse(anchor),
        year=timing.reference_year,
        names={fold(p.name) for p in analysis.people if p.role != "author"},
        numbers={(f.unit, float(f"{f.value:.3g}")) for f in analysis.figures
                 if f.unit != "count" or abs(f.value) >= 10},
        terms=dict(Counter(_terms(doc.text, doc.language))),
    )


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _terms(text: str, language: str) -> list[str]:
    stop = _stopwords(language)
    # Folding the whole text once costs a fraction of folding each of its words.
    return [w for w in _WORD.findall(fold(text)) if w not in stop]


def _stopwords(language: str) -> frozenset[str]:
    return frozenset(toml(language, "stopwords").get("words", ()))


def _weigh_terms(docs: list[_Doc]) -> None:
    """Sublinear tf-idf within each language, so shared boilerplate words weigh little."""
    by_language: dict[str, list[_Doc]] = {}
    for d in docs:
        by_language.setdefault(d.language, []).append(d)
    for group in by_language.values():
        df = Counter(t for d in group for t in d.terms)
        n = len(group)
        for d in group:
            weights = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in d.terms.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            strongest = sorted(weights, key=weights.__getitem__, reverse=True)[:KEPT_TERMS]
            d.terms = {t: weights[t] / norm for t in strongest}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
