"""What the Spark job writes under its output folder, and one analysis as one Parquet row."""
from __future__ import annotations

import json
from typing import Any

from ..model import Analysis

ANALYSES = "analyses"
"""Parquet dataset, one row per document: the columns below."""
EXPORT = "export.json"
"""The linked knowledge base as `attache.export/1`, made on the driver."""

COLUMNS = ("id", "source", "url", "language", "title", "published", "content_hash", "analysis")
"""All strings, in this order; `analysis` is `Analysis.to_dict()` as JSON, the others are there to query by."""


def to_row(analysis: Analysis) -> tuple[Any, ...]:
    doc = analysis.document
    return (doc.id, doc.source, doc.url, doc.language, doc.title, doc.published, analysis.content_hash,
            json.dumps(analysis.to_dict(), ensure_ascii=False))


def from_json(text: str) -> Analysis:
    return Analysis.from_dict(json.loads(text))
