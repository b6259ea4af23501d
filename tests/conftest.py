"""Shared test helpers: hand-built analyses and paths to the shared evaluation data."""
from __future__ import annotations

from pathlib import Path

import pytest

from attache.model import (Analysis, Claim, CleanDocument, EventSetting, Figure, PersonMention, Span, Task,
                           Timing, TitleMention)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared (seeds and gold) is not beside the checkout")


def make_analysis(doc_id: str, text: str = "", *, language: str = "en", event_date: str | None = None,
                  reference_year: int | None = None, focal_date: str | None = None,
                  people: list[tuple[str, str, list[str]]] = (), claims: list[tuple] = (),
                  tasks: list[str] = (), event_type: str | None = "conference") -> Analysis:
    """An analysis as extract would produce it; `claims` are (indicator, value, unit, qualifier, period, scope)."""
    text = text or f"Report {doc_id}."
    doc = CleanDocument(id=doc_id, source=f"/tmp/{doc_id}", text=text, language=language,
                        paragraphs=[Span(0, len(text))], sentences=[Span(0, len(text))])
    return Analysis(
        document=doc, content_hash=doc_id,
        timing=Timing(event_date=event_date, reference_year=reference_year, focal_date=focal_date),
        people=[PersonMention(name=n, text=n, span=None, role=role,
                              titles=[TitleMention(title=t, text=t) for t in titles])
                for n, role, titles in people],
        figures=[Figure(text=str(v), start=0, end=1, value=v, unit=u, qualifier=q) for _, v, u, q, _, _ in claims],
        claims=[Claim(indicator=i, figure=Figure(text=str(v), start=0, end=1, value=v, unit=u, qualifier=q),
                      period=p, scope=s, sentence=Span(0, len(text)))
                for i, v, u, q, p, s in claims],
        tasks=[Task(n=i + 1, text=t, span=Span(0, 1)) for i, t in enumerate(tasks)],
        setting=EventSetting(type=event_type),
    )
