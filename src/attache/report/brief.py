"""Readable briefs: one section per event, every figure footnoted to its sources."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import jinja2

from ..lexicons import toml
from ..model import Event, KnowledgeBase, Person, ReconciledClaim
from ..store.sqlite import StoredDocument

BRIEF_FORMATS = ("md", "html")
_SCALES = ((1e15, "million billion"), (1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@dataclass
class SourceNote:
    n: int
    document: StoredDocument


@dataclass
class FigureRow:
    claim: ReconciledClaim
    label: str
    value: str
    notes: list[int]
    variants: list[str]


@dataclass
class EventBrief:
    event: Event
    chair: Person | None
    participants: list[Person]
    figures: list[FigureRow] = field(default_factory=list)
    targets: list[FigureRow] = field(default_factory=list)
    tasks: list = field(default_factory=list)
    relations: list = field(default_factory=list)
    sources: list[SourceNote] = field(default_factory=list)


def render_brief(documents: list[StoredDocument], kb: KnowledgeBase, *, fmt: str = "md",
                 event_id: str | None = None) -> str:
    if fmt not in BRIEF_FORMATS:
        raise ValueError(f"unknown brief format {fmt!r} (choose from {', '.join(BRIEF_FORMATS)})")
    events = kb.events
    if event_id is not None:
        events = [e for e in events if e.id == event_id]
        if not events:
            raise LookupError(f"no event {event_id!r} (see 'attache export' for the event ids)")
    docs = {d.id: d for d in documents}
    people = {p.id: p for p in kb.people}
    briefs = [_brief(e, kb, docs, people) for e in sorted(events, key=lambda e: e.date or "", reverse=True)]
    return _templates().get_template(f"brief.{fmt}.j2").render(briefs=briefs)


def _brief(event: Event, kb: KnowledgeBase, docs: dict[str, StoredDocument],
           people: dict[str, Person]) -> EventBrief:
    notes = {doc_id: i + 1 for i, doc_id in enumerate(event.documents)}
    brief = EventBrief(
        event=event,
        chair=people.get(event.chair) if event.chair else None,
        participants=[people[p] for p in event.participants if p in people],
        tasks=[t for t in kb.tasks if t.event == event.id],
        relations=[r for r in kb.relations if r.event == event.id],
        sources=[SourceNote(n, docs[d]) for d, n in notes.items() if d in docs],
    )
    for claim in (c for c in kb.claims if c.event == event.id):
        row = FigureRow(
            claim=claim,
            label=indicator_label(claim.indicator),
            value=format_value(claim.value, claim.unit),
            notes=sorted({notes[m.document] for m in claim.mentions if m.document in notes}),
            variants=_variants(claim, notes) if claim.status == "conflicting" or claim.hedges_differ else [],
        )
        (brief.targets if claim.target else brief.figures).append(row)
    return brief


def _variants(claim: ReconciledClaim, notes: dict[str, int]) -> list[str]:
    """Each distinct statement once, with the sources that make it: "about 38.5 billion USD [1][3]"."""
    said: dict[str, set[int]] = {}
    for m in claim.mentions:
        said.setdefault(f"{m.qualifier} {format_value(m.value, m.unit)}", set()).add(notes.get(m.document, 0))
    return [text + " " + "".join(f"[{n}]" for n in sorted(ns)) for text, ns in sorted(said.items(), key=lambda x: min(x[1]))]


def indicator_label(indicator: str) -> str:
    lexicon = toml("en", "labels")
    if indicator in lexicon.get("labels", {}):
        return lexicon["labels"][indicator]
    acronyms = set(lexicon.get("acronyms", ()))
    words = [w.upper() if w in acronyms else w for w in indicator.split("_")]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


def status_text(claim: ReconciledClaim) -> str:
    text = claim.status
    if claim.status == "corroborated":
        text += f" by {claim.independent_sources} independent sources"
    elif claim.sources > claim.independent_sources:
        text += f" ({claim.sources} copies of one story)"
    if claim.hedges_differ:
        text += ", hedged differently"
    return text


def titles_at(person: Person, documents: list[str]) -> list[str]:
    """The titles the event's own sources give a person (titles change over the years)."""
    stated = [t for t in person.titles if set(t.documents) & set(documents)] or person.titles
    # "Vice Chairman" says nothing that "Vice Chairman of the City People's Committee" does not
    fuller = [t for t in stated if not any(o.title != t.title and o.title.startswith(t.title) for o in stated)]
    return list(dict.fromkeys(f"{t.title} ({t.place})" if t.place else t.title for t in fuller))


def format_value(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:g}%"
    magnitude = abs(value)
    for scale, word in _SCALES:
        if magnitude >= scale:
            text = f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
            break
    else:
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return text if unit in ("count",) else f"{text} {unit}"


@cache
def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("attache.report", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.globals.update(titles_at=titles_at, status_text=status_text)
    return env
