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
    groups: list[list[_Doc]] = []
    for doc in sorted((d for d in docs if d.day), key=lambda d: d.day):
        best = _best_group(doc, [g for g in groups if g[0].day == doc.day], SAME_DAY_EVIDENCE)
        if best is None:
            groups.append([doc])
        else:
            best.append(doc)
    for doc in (d for d in docs if not d.day):
        candidates = [g for g in groups if _near(doc, g)]
        best = _best_group(doc, candidates, UNDATED_EVIDENCE)
        if best is None:
            groups.append([doc])
        else:
            best.append(doc)
    order = {d.id: i for i, d in enumerate(docs)}
    result = [sorted((d.id for d in g), key=order.__getitem__) for g in groups]
    return sorted(result, key=lambda ids: order[ids[0]])


def _best_group(doc: _Doc, groups: list[list[_Doc]], threshold: float) -> list[_Doc] | None:
    scored = [(max(_evidence(doc, other) for other in g), i) for i, g in enumerate(groups)]
    scored = [(s, i) for s, i in scored if s >= threshold]
    if not scored:
        return None
    return groups[max(scored)[1]]


def _evidence(a: _Doc, b: _Doc) -> float:
    score = len(a.names & b.names) + len(a.numbers & b.numbers)
    if a.language == b.language:
        score += TEXT_WEIGHT * _cosine(a.terms, b.terms)
    return score


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
    return [w for w in (fold(m.group()) for m in _WORD.finditer(text)) if w not in stop]


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
            d.terms = {t: w / norm for t, w in weights.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
