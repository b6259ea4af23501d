"""The export schema `attache.export/1` (see DESIGN.md), as JSON, JSONL or CSV.

Fields may be added to the schema, never renamed: tools and the scorer read it.
"""
from __future__ import annotations

import csv
import json
from dataclasses import asdict
from typing import Any, TextIO

from ..model import KnowledgeBase
from ..store.sqlite import StoredDocument

SCHEMA = "attache.export/1"
EXPORT_FORMATS = ("json", "jsonl", "csv")
CSV_COLUMNS = ("event", "event_date", "claim", "indicator", "value", "unit", "qualifier", "period", "scope",
               "status", "sources", "independent_sources", "document", "figure", "quote", "start", "end")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def build_export(documents: list[StoredDocument], kb: KnowledgeBase) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "documents": [
            {"id": d.id, "source": d.source, "url": d.url, "language": d.language, "title": d.title,
             "published": d.published, "event": d.event, "copy_of": d.copy_of, "text": d.text,
             "captions": d.captions}
            for d in documents
        ],
        "events": [
            {"id": e.id, "type": e.type, "plover": e.plover, "title": e.title, "date": e.date, "place": e.place,
             "documents": e.documents, "participants": e.participants, "chair": e.chair,
             "bridge_points": e.bridge_points}
            for e in kb.events
        ],
        "people": [
            {"id": p.id, "name": p.name, "aliases": p.aliases,
             "titles": list(dict.fromkeys(t.title for t in p.titles)),
             "title_history": [asdict(t) for t in p.titles],
             "role": p.role, "documents": p.documents}
            for p in kb.people
        ],
        "claims": [
            {"id": c.id, "event": c.event, "indicator": c.indicator, "value": number(c.value), "unit": c.unit,
             "qualifier": c.qualifier, "period": c.period, "scope": c.scope, "status": c.status,
             "target": c.target, "sources": c.sources, "independent_sources": c.independent_sources,
             "hedges_differ": c.hedges_differ,
             "mentions": [{**asdict(m), "value": number(m.value)} for m in c.mentions]}
            for c in kb.claims
        ],
        "tasks": [{"event": t.event, "n": t.n, "text": t.text, "documents": t.documents} for t in kb.tasks],
        "relations": [{"partner": r.partner, "level": r.level, "year": r.year, "event": r.event,
                       "documents": r.documents} for r in kb.relations],
    }


def write_export(data: dict[str, Any], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        kinds = {"documents": "document", "events": "event", "people": "person", "claims": "claim",
                 "tasks": "task", "relations": "relation"}
        for key, kind in kinds.items():
            for record in data[key]:
                out.write(json.dumps({"kind": kind, **record}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        _write_csv(data, out)
    else:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")


def _write_csv(data: dict[str, Any], out: TextIO) -> None:
    """One row per source mention of a claim: the shape a spreadsheet user filters."""
    dates = {e["id"]: e["date"] for e in data["events"]}
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for c in data["claims"]:
        for m in c["mentions"]:
            row = (c["event"], dates.get(c["event"]), c["id"], c["indicator"], m["value"], m["unit"],
                   m["qualifier"], c["period"], c["scope"], c["status"], c["sources"],
                   c["independent_sources"], m["document"],
                   m["figure"], m["quote"], m["start"], m["end"])
            writer.writerow([_safe_cell(v) for v in row])


def _safe_cell(value: object) -> object:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
