"""`POST /api/documents`: one report through the same pipeline as `attache ingest`.

Analyse, store, then rebuild the knowledge base (and with it the search
index) from every stored analysis, exactly as the command does after a batch.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..extract import analyze_document, content_hash
from ..knowledge import relink
from ..model import Media, RawDocument
from ..sources import normalise_date
from ..store import Store

MAX_BYTES = 20 * 2**20
"""The same cap as `attache ingest --max-bytes`' default."""


def raw_document(fields: dict[str, Any]) -> RawDocument:
    """The document a .jsonl line with these fields would give (see attache.sources)."""
    html, text = fields.get("html"), fields.get("text")
    content = html or text or ""
    media: Media = "html" if html or content.lstrip()[:20].lower().startswith(("<!doctype html", "<html")) else "text"
    url = fields.get("url")
    return RawDocument(id=fields.get("id") or url, source=url or "api", content=content, media=media,
                       published=normalise_date(fields.get("published")), url=url, title=fields.get("title"))


def ingest_document(db_path: Path, fields: dict[str, Any]) -> dict[str, Any]:
    raw = raw_document(fields)
    with Store(db_path) as store, store.writing():
        previous = store.content_hash(raw.id)
        if previous == content_hash(raw):
            status = "unchanged"
        else:
            store.put([analyze_document(raw)])
            relink(store)
            status = "added" if previous is None else "updated"
        event = store.db.execute("SELECT event_id FROM event_documents WHERE document_id = ?", (raw.id,)).fetchone()
        return {"document": raw.id, "status": status, "event": event[0] if event else None,
                "events": store.count("events"), "claims": store.count("claims")}
