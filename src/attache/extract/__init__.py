"""Per-document analysis: one document in, one `Analysis` out.

`analyze_document` is a pure function of the document and the lexicons (no
database, no global state), so it runs the same in one process, in a process
pool or as a map step elsewhere.
"""
from __future__ import annotations

import dataclasses
import hashlib

from ..clean import clean_document
from ..model import Analysis, RawDocument
from .claims import find_claims
from .dates import find_dates
from .figures import find_figures
from .people import find_people
from .places import find_places
from .relations import find_relations
from .setting import describe_setting
from .tasks import find_tasks


def content_hash(raw: RawDocument) -> str:
    return hashlib.sha256(raw.content.encode("utf-8", "surrogatepass")).hexdigest()


def analyze_document(raw: RawDocument, language: str | None = None) -> Analysis:
    """`language` overrides the detected one: detection guesses wrong on very short texts."""
    doc = clean_document(raw)
    if language:
        doc = dataclasses.replace(doc, language=language)
    dates, years, timing = find_dates(doc)
    places = find_places(doc.text, doc.language)
    figures = find_figures(doc.text, doc.language)
    return Analysis(
        document=doc,
        content_hash=content_hash(raw),
        timing=timing,
        dates=dates,
        years=years,
        places=places,
        people=find_people(doc, places),
        figures=figures,
        claims=find_claims(doc, figures, years, places, timing),
        tasks=find_tasks(doc),
        relations=find_relations(doc, places, years),
        setting=describe_setting(doc, places, timing),
    )
