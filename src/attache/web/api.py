"""The JSON API under /api/: the records of `attache.export/1`, a page at a time, plus search and ingest."""
from __future__ import annotations

import hmac
import sqlite3
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator
from starlette.exceptions import HTTPException

from ..report.export import SCHEMA
from ..store import queries
from ..store.search import KINDS, search
from .app import BadRequest, NotFound, database, page, settings
from ..store import StoreError
from .ingest import MAX_BYTES, ingest_document

router = APIRouter(prefix="/api", tags=["api"])
Db = Annotated[sqlite3.Connection, Depends(database)]
Limit = Annotated[int, Query(ge=1, le=500, description="Records per page (1-500).")]
Offset = Annotated[int, Query(ge=0, description="Records to skip.")]
DatePrefix = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                         description="YYYY, YYYY-MM or YYYY-MM-DD.")]


def _page(key: str, records: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"schema": SCHEMA, "total": total, "limit": limit, "offset": offset, key: records}


@router.get("", include_in_schema=False)
@router.get("/", include_in_schema=False)
def api_index(request: Request):
    """The OpenAPI page: every endpoint with its parameters, rendered here (no CDN)."""
    return page("openapi.html", spec=request.app.openapi(), page="api")


@router.get("/events", summary="Events, newest first, with timeline filters")
def list_events(db: Db, limit: Limit = 50, offset: Offset = 0,
                date_from: Annotated[DatePrefix, Query(alias="from")] = None,
                date_to: Annotated[DatePrefix, Query(alias="to")] = None,
                type: str | None = None, language: str | None = None,
                place: Annotated[str | None, Query(description="Place, bridge point or figure scope.")] = None):
    filters = queries.EventFilter(date_from, date_to, type, language, place)
    records, total = queries.events(db, filters, limit=limit, offset=offset)
    return _page("events", records, total, limit, offset)


@router.get("/events/{event_id}", summary="One event with its claims, tasks and relations")
def get_event(db: Db, event_id: str):
    record = queries.event(db, event_id)
    if record is None:
        raise NotFound("event", event_id)
    found, _ = queries.claims(db, queries.ClaimFilter(event=event_id), limit=None)
    return {**record, "claims": found, "tasks": queries.tasks(db, event_id),
            "relations": queries.relations(db, event_id)}


@router.get("/documents", summary="Documents (without their text; fetch one for it)")
def list_documents(db: Db, limit: Limit = 50, offset: Offset = 0, event: str | None = None,
                   language: str | None = None):
    records, total = queries.documents(db, event=event, language=language, limit=limit, offset=offset)
    return _page("documents", records, total, limit, offset)


@router.get("/documents/{doc_id:path}", summary="One document with its cleaned text")
def get_document(db: Db, doc_id: str,
                 analysis: Annotated[bool, Query(description="Add the per-document analysis.")] = False):
    record = queries.document(db, doc_id)
    if record is None:
        raise NotFound("document", doc_id)
    if analysis:
        record["analysis"] = queries.document_analysis(db, doc_id)
    return record


class NewDocument(BaseModel):
    """One report, as a line of a .jsonl file for `attache ingest`: `text` or `html`."""
    id: str | None = Field(None, min_length=1, max_length=2000)
    text: str | None = None
    html: str | None = None
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100)
    title: str | None = Field(None, max_length=2000)

    @model_validator(mode="after")
    def _has_content(self) -> NewDocument:
        content = self.html or self.text
        if not (content and content.strip()):
            raise ValueError("give the report as 'text' or 'html'")
        if len(content.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise ValueError(f"the report is larger than {MAX_BYTES // 2**20} MB")
        if not (self.id or self.url):
            raise ValueError("give an 'id' (or a 'url', which then serves as the id)")
        return self


@router.post("/documents", status_code=201, summary="Ingest one report (needs the server's token)",
             responses={401: {"description": "missing or wrong token"}, 403: {"description": "writes are off"},
                        409: {"description": "another ingest is writing to the database"}})
def post_document(request: Request, body: NewDocument,
                  authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None):
    _check_token(settings(request).token, authorization)
    with settings(request).write_lock:
        try:
            result = ingest_document(settings(request).db_path, body.model_dump())
        except StoreError as exc:  # an ingest from the command line holds the database
            raise HTTPException(409, str(exc)) from None
    return JSONResponse(result, status_code=201 if result["status"] == "added" else 200)


def _check_token(expected: str | None, authorization: str | None) -> None:
    if expected is None:
        raise HTTPException(403, "writes are off: start the server with --token or ATTACHE_TOKEN to allow them")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong token (send 'Authorization: Bearer TOKEN')",
                            headers={"WWW-Authenticate": "Bearer"})


@router.get("/people", summary="People, most documented first")
def list_people(db: Db, limit: Limit = 50, offset: Offset = 0,
                role: Literal["participant", "mentioned", "author"] | None = None):
    records, total = queries.people(db, role=role, limit=limit, offset=offset)
    return _page("people", records, total, limit, offset)


@router.get("/people/{person_id}", summary="One person with the events they attended")
def get_person(db: Db, person_id: str):
    record = queries.person(db, person_id)
    if record is None:
        raise NotFound("person", person_id)
    return {**record, "events": [e["id"] for e in queries.events_of_person(db, person_id)]}


@router.get("/claims", summary="Claims (figures) with their source mentions")
def list_claims(db: Db, limit: Limit = 100, offset: Offset = 0, event: str | None = None,
                indicator: str | None = None, scope: str | None = None, period: str | None = None,
                status: Literal["corroborated", "single", "conflicting"] | None = None,
                document: str | None = None):
    records, total = queries.claims(db, queries.ClaimFilter(event, indicator, scope, period, status, document),
                                    limit=limit, offset=offset)
    return _page("claims", records, total, limit, offset)


@router.get("/claims/{claim_id}", summary="One claim")
def get_claim(db: Db, claim_id: str):
    record = queries.claim(db, claim_id)
    if record is None:
        raise NotFound("claim", claim_id)
    return record


@router.get("/indicators", summary="Indicators with their number of claims")
def list_indicators(db: Db):
    return {"indicators": [{"indicator": i, "claims": n} for i, n in queries.indicators(db)]}


@router.get("/search", summary="Full-text search over documents, events, people and claims")
def api_search(db: Db, q: Annotated[str, Query(min_length=1, max_length=500, description="Words; diacritics optional.")],
               kind: Annotated[str | None, Query(description="One of " + ", ".join(KINDS) + ".")] = None,
               limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0):
    if kind is not None and kind not in KINDS:
        raise BadRequest(f"bad parameters: kind: unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    result = search(db, q, kind=kind, limit=limit, offset=offset)
    return {"query": q, "terms": result.terms, "counts": result.counts,
            "hits": [{"kind": h.kind, "id": h.ref, "score": round(h.score, 4)} for h in result.hits]}
