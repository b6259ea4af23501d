"""Server-rendered pages: timeline, event, claim evidence, document, person, indicator, search."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from urllib.parse import urlencode
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, RedirectResponse

from ..store import queries
from ..store.search import KINDS, search, snippet
from . import render
from .app import BadRequest, NotFound, database, page

router = APIRouter(include_in_schema=False)
Db = Annotated[sqlite3.Connection, Depends(database)]
PAGE_SIZE = 50
_DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _blank_to_none(value: str | None) -> str | None:
    """Filter forms submit empty fields as empty strings: those mean "any"."""
    value = (value or "").strip()
    return value or None


def _date(name: str, value: str | None) -> str | None:
    value = _blank_to_none(value)
    if value is not None and not _DATE_PREFIX.match(value):
        raise BadRequest(f"bad parameters: {name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


@router.get("/", response_class=HTMLResponse)
def timeline(db: Db, date_from: Annotated[str | None, Query(alias="from")] = None,
             date_to: Annotated[str | None, Query(alias="to")] = None, type: str | None = None,
             language: str | None = None, place: str | None = None,
             offset: Annotated[int, Query(ge=0)] = 0):
    filters = queries.EventFilter(_date("from", date_from), _date("to", date_to), _blank_to_none(type),
                                  _blank_to_none(language), _blank_to_none(place))
    found, total = queries.events(db, filters, limit=PAGE_SIZE, offset=offset)
    languages = queries.event_languages(db, [e["id"] for e in found])
    base = "/?" + urlencode({k: v for k, v in (("from", filters.date_from), ("to", filters.date_to),
                                                ("type", filters.type), ("language", filters.language),
                                                ("place", filters.place)) if v}) + "&"
    return page("timeline.html", page="events", events=found, total=total, offset=offset, size=PAGE_SIZE, base=base,
                languages=languages, filters=filters, facets=queries.event_facets(db),
                counts=_claim_counts(db, [e["id"] for e in found]))


def _claim_counts(db: sqlite3.Connection, event_ids: list[str]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {e: {} for e in event_ids}
    if event_ids:
        marks = ",".join("?" * len(event_ids))
        for event_id, status, n in db.execute(
                f"SELECT event_id, status, count(*) FROM claims WHERE event_id IN ({marks}) GROUP BY 1, 2", event_ids):
            counts[event_id][status] = n
    return counts


@dataclass(slots=True)
class Participant:
    person: dict[str, Any]
    titles: list[str]


def titles_at(person: dict[str, Any], documents: list[str]) -> list[str]:
    """The titles the event's own sources give a person (titles change over the years)."""
    history = person["title_history"]
    stated = [t for t in history if set(t["documents"]) & set(documents)] or history
    return list(dict.fromkeys(f"{t['title']} ({t['place']})" if t["place"] else t["title"] for t in stated))


@dataclass(slots=True)
class FigureView:
    claim: dict[str, Any]
    notes: list[int]
    evidence: list[render.Evidence]
    columns: list[tuple[str, list[render.Evidence]]]
    """For a conflict: one column per distinct statement."""


def _figures(db: sqlite3.Connection, claims: list[dict[str, Any]], notes: dict[str, int]) -> list[FigureView]:
    doc_ids = sorted({m["document"] for c in claims for m in c["mentions"]})
    docs = queries.documents_by_id(db, doc_ids, text=True)
    views = []
    for c in claims:
        shown = [render.evidence(docs[m["document"]]["text"], m, docs[m["document"]])
                 for m in c["mentions"] if m["document"] in docs]
        columns = []
        if c["status"] == "conflicting":
            by_statement: dict[str, list[render.Evidence]] = {}
            for e in shown:
                by_statement.setdefault(render.stated(e.mention), []).append(e)
            columns = list(by_statement.items())
        views.append(FigureView(c, sorted({notes[m["document"]] for m in c["mentions"] if m["document"] in notes}),
                                shown, columns))
    return views


@router.get("/favicon.ico")
def favicon() -> RedirectResponse:
    """Browsers ask for it whatever the page says."""
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(db: Db, event_id: str):
    event = queries.event(db, event_id)
    if event is None:
        raise NotFound("event", event_id)
    people = queries.people_by_id(db, [*event["participants"], *([event["chair"]] if event["chair"] else [])])
    participants = [Participant(people[p], titles_at(people[p], event["documents"]))
                    for p in event["participants"] if p in people]
    chair = people.get(event["chair"]) if event["chair"] else None
    notes = {d: i + 1 for i, d in enumerate(event["documents"])}
    claims, _ = queries.claims(db, queries.ClaimFilter(event=event_id), limit=None)
    figures = _figures(db, claims, notes)
    sources = queries.documents_by_id(db, event["documents"])
    return page("event.html", page="events", event=event, chair=chair,
                chair_titles=titles_at(chair, event["documents"]) if chair else [],
                participants=participants, figures=[f for f in figures if not f.claim["target"]],
                targets=[f for f in figures if f.claim["target"]], tasks=queries.tasks(db, event_id),
                relations=queries.relations(db, event_id), notes=notes,
                sources=[(n, sources[d]) for d, n in notes.items() if d in sources])


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(db: Db, claim_id: str):
    claim = queries.claim(db, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    event = queries.event(db, claim["event"])
    notes = {d: i + 1 for i, d in enumerate(event["documents"])} if event else {}
    return page("claim.html", page="events", claim=claim, event=event, notes=notes,
                figure=_figures(db, [claim], notes)[0])


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(db: Db, doc_id: str, start: Annotated[int | None, Query(ge=0)] = None,
                  end: Annotated[int | None, Query(ge=0)] = None):
    document = queries.document(db, doc_id)
    if document is None:
        raise NotFound("document", doc_id)
    analysis = queries.document_analysis(db, doc_id) or {}
    spans = render.analysis_spans(analysis)
    anchors = {}
    if start is not None and end is not None and start < end <= len(document["text"]):
        spans.append((start, end, "quote"))
        anchors[start] = "quoted"
    kinds = ("person", "date", "figure", "place")
    counts = {k: sum(1 for s in spans if s[2] == k) for k in kinds}
    claims, _ = queries.claims(db, queries.ClaimFilter(document=doc_id), limit=200)
    event = queries.event(db, document["event"]) if document["event"] else None
    return page("document.html", page="documents", document=document, event=event, counts=counts, claims=claims,
                pieces=render.segments(document["text"], spans, anchors=anchors), kinds=kinds,
                captions=document["captions"])


@router.get("/people", response_class=HTMLResponse)
def people_page(db: Db, offset: Annotated[int, Query(ge=0)] = 0):
    found, total = queries.people(db, limit=PAGE_SIZE, offset=offset)
    return page("people.html", page="people", people=found, total=total, offset=offset, size=PAGE_SIZE)


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(db: Db, person_id: str):
    person = queries.person(db, person_id)
    if person is None:
        raise NotFound("person", person_id)
    documents = queries.documents_by_id(db, person["documents"][:200])
    return page("person.html", page="people", person=person, events=queries.events_of_person(db, person_id),
                documents=documents)


@router.get("/indicators", response_class=HTMLResponse)
def indicators_page(db: Db):
    return page("indicators.html", page="indicators", indicators=queries.indicators(db))


@router.get("/indicators/{indicator}", response_class=HTMLResponse)
def indicator_page(db: Db, indicator: str):
    claims = queries.indicator_claims(db, indicator)
    if not claims:
        raise NotFound("indicator", indicator)
    return page("indicator.html", page="indicators", indicator=indicator, claims=claims,
                charts=render.charts(claims))


@dataclass(slots=True)
class SearchView:
    kind: str
    ref: str
    href: str
    title: str
    detail: str
    pieces: list[render.Segment]


@router.get("/search", response_class=HTMLResponse)
def search_page(db: Db, q: Annotated[str, Query(max_length=500)] = "", kind: str | None = None,
                offset: Annotated[int, Query(ge=0)] = 0):
    kind = _blank_to_none(kind)
    if kind is not None and kind not in KINDS:
        raise BadRequest(f"bad parameters: kind: unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    result = search(db, q, kind=kind, limit=PAGE_SIZE, offset=offset)
    views = _describe(db, result.hits, result.terms)
    return page("search.html", page="search", q=q, kind=kind, result=result, views=views, offset=offset,
                size=PAGE_SIZE, kinds=KINDS)


def _describe(db: sqlite3.Connection, hits, terms: list[str]) -> list[SearchView]:
    """What a result shows: a title, a line of detail, and a snippet with the query words marked."""
    refs: dict[str, list[str]] = {}
    for h in hits:
        refs.setdefault(h.kind, []).append(h.ref)
    docs = queries.documents_by_id(db, refs.get("document", []), text=True)
    people = queries.people_by_id(db, refs.get("person", []))
    events = {e: queries.event(db, e) for e in refs.get("event", [])}
    claims = {c: queries.claim(db, c) for c in refs.get("claim", [])}
    views = []
    for h in hits:
        if h.kind == "document" and h.ref in docs:
            d = docs[h.ref]
            views.append(_view(h.kind, h.ref, render.path("/documents/", h.ref), d["title"] or d["id"],
                               f"{d['language']} · {d['published'] or 'undated'}", d["text"], terms))
        elif h.kind == "person" and h.ref in people:
            p = people[h.ref]
            views.append(_view(h.kind, h.ref, render.path("/people/", h.ref), p["name"], p["role"],
                               " · ".join([*p["aliases"], *p["titles"]]), terms))
        elif h.kind == "event" and events.get(h.ref):
            e = events[h.ref]
            views.append(_view(h.kind, h.ref, render.path("/events/", h.ref), e["title"] or e["id"],
                               f"{e['date'] or 'undated'} · {e['type'] or 'event'}",
                               " · ".join(filter(None, [e["place"], *e["bridge_points"]])), terms))
        elif h.kind == "claim" and claims.get(h.ref):
            c = claims[h.ref]
            quote = next((m["quote"] for m in c["mentions"] if snippet(m["quote"], terms)[1]),
                         c["mentions"][0]["quote"] if c["mentions"] else "")
            views.append(_view(h.kind, h.ref, render.path("/claims/", h.ref),
                               f"{render.indicator_label(c['indicator'])}: {render.stated(c)}",
                               f"{c['scope']} · {c['period'] or 'no period'} · {render.status_text(c)}", quote, terms))
    return views


def _view(kind: str, ref: str, href: str, title: str, detail: str, text: str, terms: list[str]) -> SearchView:
    window, spans = snippet(text, terms)
    return SearchView(kind, ref, href, title, detail,
                      render.segments(window, [(s.start, s.end, "match") for s in spans]))
