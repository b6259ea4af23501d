"""Read queries for the web workspace and its JSON API.

Records have exactly the keys of `attache.export/1` (see report/export.py), so
the API mirrors the export; pages read the same records. Every query touches
only the rows it shows (indexed by event, claim, person or document), so a page
costs the same on five documents or a hundred thousand.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..report.export import number

Record = dict[str, Any]

_DOCUMENT_COLUMNS = ("d.id, d.source, d.url, d.language, d.title, d.published,"
                     " (SELECT ed.event_id FROM event_documents ed WHERE ed.document_id = d.id),"
                     " (SELECT c.original_id FROM copies c WHERE c.document_id = d.id)")
_EVENT_COLUMNS = "e.id, e.type, e.plover, e.title, e.date, e.place, e.participants, e.chair, e.bridge_points"


def connect(path: str, *, readonly: bool = True) -> sqlite3.Connection:
    """One connection per request: sqlite3 connections are cheap and not shared between threads."""
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    db = sqlite3.connect(uri, uri=True, check_same_thread=False)
    db.execute("PRAGMA query_only=ON" if readonly else "PRAGMA foreign_keys=ON")
    return db


def _marks(n: int) -> str:
    return ",".join("?" * n)


# --- documents ---

def _document(row: tuple, text: str | None = None, captions: list[str] | None = None) -> Record:
    record: Record = {"id": row[0], "source": row[1], "url": row[2], "language": row[3], "title": row[4],
                      "published": row[5], "event": row[6], "copy_of": row[7]}
    if text is not None:
        record.update(text=text, captions=captions or [])
    return record


def document(db: sqlite3.Connection, doc_id: str) -> Record | None:
    row = db.execute(f"SELECT {_DOCUMENT_COLUMNS}, d.text, json_extract(d.analysis, '$.document.captions')"
                     " FROM documents d WHERE d.id = ?", (doc_id,)).fetchone()
    return _document(row[:8], row[8], json.loads(row[9] or "[]")) if row else None


def document_analysis(db: sqlite3.Connection, doc_id: str) -> Record | None:
    row = db.execute("SELECT analysis FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return json.loads(row[0]) if row else None


def documents(db: sqlite3.Connection, *, event: str | None = None, language: str | None = None,
              limit: int = 50, offset: int = 0) -> tuple[list[Record], int]:
    where, params = [], []
    if event is not None:
        where.append("d.id IN (SELECT document_id FROM event_documents WHERE event_id = ?)")
        params.append(event)
    if language is not None:
        where.append("d.language = ?")
        params.append(language)
    clause = " WHERE " + " AND ".join(where) if where else ""
    total = db.execute(f"SELECT count(*) FROM documents d{clause}", params).fetchone()[0]
    rows = db.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents d{clause} ORDER BY d.id LIMIT ? OFFSET ?",
                      [*params, limit, offset]).fetchall()
    return [_document(r) for r in rows], total


def documents_by_id(db: sqlite3.Connection, ids: list[str], *, text: bool = False) -> dict[str, Record]:
    if not ids:
        return {}
    extra = ", d.text" if text else ""
    rows = db.execute(f"SELECT {_DOCUMENT_COLUMNS}{extra} FROM documents d WHERE d.id IN ({_marks(len(ids))})",
                      ids).fetchall()
    return {r[0]: _document(r[:8], r[8] if text else None) for r in rows}


def texts(db: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(db.execute(f"SELECT id, text FROM documents WHERE id IN ({_marks(len(ids))})", ids).fetchall())


# --- events ---

@dataclass(slots=True)
class EventFilter:
    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    language: str | None = None
    place: str | None = None
    """A province, city or country: the event's place, one of its bridge points or the scope of one of its figures."""

    def sql(self) -> tuple[str, list[Any]]:
        where, params = [], []
        if self.date_from:
            where.append("e.date >= ?")
            params.append(self.date_from)
        if self.date_to:
            # "2025" or "2025-01" as an upper bound include the whole year or month.
            where.append("e.date <= ?")
            params.append(self.date_to + "\uffff")
        if self.type:
            where.append("e.type = ?")
            params.append(self.type)
        if self.language:
            where.append("EXISTS (SELECT 1 FROM event_documents ed JOIN documents d ON d.id = ed.document_id"
                         " WHERE ed.event_id = e.id AND d.language = ?)")
            params.append(self.language)
        if self.place:
            where.append("(e.place = ? COLLATE NOCASE"
                         " OR EXISTS (SELECT 1 FROM json_each(e.bridge_points) b WHERE b.value = ? COLLATE NOCASE)"
                         " OR EXISTS (SELECT 1 FROM claims c WHERE c.event_id = e.id AND c.scope = ? COLLATE NOCASE))")
            params.extend([self.place] * 3)
        return (" WHERE " + " AND ".join(where) if where else ""), params


def _event(row: tuple, members: list[str]) -> Record:
    return {"id": row[0], "type": row[1], "plover": row[2], "title": row[3], "date": row[4], "place": row[5],
            "documents": members, "participants": json.loads(row[6]), "chair": row[7],
            "bridge_points": json.loads(row[8])}


def _members(db: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {e: [] for e in event_ids}
    if event_ids:
        for event_id, doc_id in db.execute(
                f"SELECT event_id, document_id FROM event_documents WHERE event_id IN ({_marks(len(event_ids))})"
                " ORDER BY event_id, position", event_ids):
            found[event_id].append(doc_id)
    return found


def events(db: sqlite3.Connection, filters: EventFilter, *, limit: int = 50,
           offset: int = 0) -> tuple[list[Record], int]:
    clause, params = filters.sql()
    total = db.execute(f"SELECT count(*) FROM events e{clause}", params).fetchone()[0]
    rows = db.execute(f"SELECT {_EVENT_COLUMNS} FROM events e{clause}"
                      " ORDER BY e.date IS NULL, e.date DESC, e.position LIMIT ? OFFSET ?",
                      [*params, limit, offset]).fetchall()
    members = _members(db, [r[0] for r in rows])
    return [_event(r, members[r[0]]) for r in rows], total


def event(db: sqlite3.Connection, event_id: str) -> Record | None:
    row = db.execute(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id = ?", (event_id,)).fetchone()
    return _event(row, _members(db, [event_id])[event_id]) if row else None


def event_languages(db: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {e: [] for e in event_ids}
    if event_ids:
        for event_id, language in db.execute(
                "SELECT DISTINCT ed.event_id, d.language FROM event_documents ed JOIN documents d"
                f" ON d.id = ed.document_id WHERE ed.event_id IN ({_marks(len(event_ids))}) ORDER BY 1, 2",
                event_ids):
            found[event_id].append(language)
    return found


def event_facets(db: sqlite3.Connection) -> dict[str, list[str]]:
    """Choices for the timeline's filters."""
    places = {r[0] for r in db.execute("SELECT place FROM events WHERE place IS NOT NULL")}
    places |= {r[0] for r in db.execute("SELECT DISTINCT b.value FROM events e, json_each(e.bridge_points) b")}
    return {
        "types": [r[0] for r in db.execute("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY 1")],
        "languages": [r[0] for r in db.execute("SELECT DISTINCT language FROM documents ORDER BY 1")],
        "places": sorted(places),
    }


def events_of_person(db: sqlite3.Connection, person_id: str) -> list[Record]:
    rows = db.execute(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.chair = ?"
                      " OR EXISTS (SELECT 1 FROM json_each(e.participants) p WHERE p.value = ?)"
                      " ORDER BY e.date IS NULL, e.date DESC, e.position", (person_id, person_id)).fetchall()
    members = _members(db, [r[0] for r in rows])
    return [_event(r, members[r[0]]) for r in rows]


def event_titles(db: sqlite3.Connection, event_ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Event id -> (title, date), for links."""
    if not event_ids:
        return {}
    return {r[0]: (r[1], r[2]) for r in db.execute(
        f"SELECT id, title, date FROM events WHERE id IN ({_marks(len(event_ids))})", event_ids)}


# --- people ---

def _people(db: sqlite3.Connection, rows: list[tuple]) -> list[Record]:
    ids = [r[0] for r in rows]
    history: dict[str, list[Record]] = {i: [] for i in ids}
    if ids:
        for r in db.execute("SELECT person_id, title, place, as_of, documents, until FROM person_titles"
                            f" WHERE person_id IN ({_marks(len(ids))}) ORDER BY person_id, position", ids):
            history[r[0]].append({"title": r[1], "place": r[2], "as_of": r[3], "documents": json.loads(r[4]),
                                  "until": r[5]})
    return [{"id": r[0], "name": r[1], "aliases": json.loads(r[3]),
             "titles": list(dict.fromkeys(t["title"] for t in history[r[0]])),
             "title_history": history[r[0]], "role": r[2], "documents": json.loads(r[4])} for r in rows]


def person(db: sqlite3.Connection, person_id: str) -> Record | None:
    rows = db.execute("SELECT id, name, role, aliases, documents FROM people WHERE id = ?", (person_id,)).fetchall()
    return _people(db, rows)[0] if rows else None


def people_by_id(db: sqlite3.Connection, ids: list[str]) -> dict[str, Record]:
    if not ids:
        return {}
    rows = db.execute(f"SELECT id, name, role, aliases, documents FROM people WHERE id IN ({_marks(len(ids))})",
                      ids).fetchall()
    return {p["id"]: p for p in _people(db, rows)}


def people(db: sqlite3.Connection, *, role: str | None = None, limit: int = 50,
           offset: int = 0) -> tuple[list[Record], int]:
    clause, params = (" WHERE role = ?", [role]) if role else ("", [])
    total = db.execute(f"SELECT count(*) FROM people{clause}", params).fetchone()[0]
    rows = db.execute(f"SELECT id, name, role, aliases, documents FROM people{clause} ORDER BY position"
                      " LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return _people(db, rows), total


# --- claims ---

_CLAIM_COLUMNS = ("id, event_id, indicator, value, unit, qualifier, period, scope, status, target,"
                  " independent_sources")


def _claims(db: sqlite3.Connection, rows: list[tuple]) -> list[Record]:
    ids = [r[0] for r in rows]
    mentions: dict[str, list[Record]] = {i: [] for i in ids}
    if ids:
        for r in db.execute('SELECT claim_id, document_id, quote, start, "end", value, unit, qualifier, figure'
                            f" FROM claim_mentions WHERE claim_id IN ({_marks(len(ids))})"
                            " ORDER BY claim_id, position", ids):
            mentions[r[0]].append({"document": r[1], "quote": r[2], "start": r[3], "end": r[4],
                                   "value": number(r[5]), "unit": r[6], "qualifier": r[7], "figure": r[8]})
    records = []
    for r in rows:
        said = mentions[r[0]]
        records.append({
            "id": r[0], "event": r[1], "indicator": r[2], "value": number(r[3]), "unit": r[4], "qualifier": r[5],
            "period": r[6], "scope": r[7], "status": r[8], "target": bool(r[9]),
            "sources": len({m["document"] for m in said}), "independent_sources": r[10],
            "hedges_differ": r[8] != "conflicting" and len({m["qualifier"] for m in said}) > 1,
            "mentions": said,
        })
    return records


def claim(db: sqlite3.Connection, claim_id: str) -> Record | None:
    rows = db.execute(f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE id = ?", (claim_id,)).fetchall()
    return _claims(db, rows)[0] if rows else None


@dataclass(slots=True)
class ClaimFilter:
    event: str | None = None
    indicator: str | None = None
    scope: str | None = None
    period: str | None = None
    status: str | None = None
    document: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        where, params = [], []
        for column in ("indicator", "period", "status"):
            if getattr(self, column) is not None:
                where.append(f"{column} = ?")
                params.append(getattr(self, column))
        if self.event is not None:
            where.append("event_id = ?")
            params.append(self.event)
        if self.scope is not None:
            where.append("scope = ? COLLATE NOCASE")
            params.append(self.scope)
        if self.document is not None:
            where.append("id IN (SELECT claim_id FROM claim_mentions WHERE document_id = ?)")
            params.append(self.document)
        return (" WHERE " + " AND ".join(where) if where else ""), params


def claims(db: sqlite3.Connection, filters: ClaimFilter, *, limit: int | None = 100,
           offset: int = 0) -> tuple[list[Record], int]:
    clause, params = filters.sql()
    total = db.execute(f"SELECT count(*) FROM claims{clause}", params).fetchone()[0]
    rows = db.execute(f"SELECT {_CLAIM_COLUMNS} FROM claims{clause} ORDER BY position LIMIT ? OFFSET ?",
                      [*params, -1 if limit is None else limit, offset]).fetchall()
    return _claims(db, rows), total


def indicators(db: sqlite3.Connection) -> list[tuple[str, int]]:
    return db.execute("SELECT indicator, count(*) FROM claims GROUP BY indicator ORDER BY indicator").fetchall()


def indicator_claims(db: sqlite3.Connection, indicator: str, *, limit: int = 2000) -> list[Record]:
    """The indicator's claims with their event's date: the points of its chart."""
    claims_found, _ = claims(db, ClaimFilter(indicator=indicator), limit=limit)
    dates = event_titles(db, sorted({c["event"] for c in claims_found}))
    for c in claims_found:
        c["event_title"], c["event_date"] = dates.get(c["event"], (None, None))
    return claims_found


# --- tasks and relations ---

def tasks(db: sqlite3.Connection, event_id: str) -> list[Record]:
    return [{"event": r[0], "n": r[1], "text": r[2], "documents": json.loads(r[3])}
            for r in db.execute("SELECT event_id, n, text, documents FROM tasks WHERE event_id = ? ORDER BY n",
                                (event_id,))]


def relations(db: sqlite3.Connection, event_id: str) -> list[Record]:
    return [{"partner": r[0], "level": r[1], "year": r[2], "event": r[3], "documents": json.loads(r[4])}
            for r in db.execute("SELECT partner, level, year, event_id, documents FROM relations"
                                " WHERE event_id = ? ORDER BY position", (event_id,))]
