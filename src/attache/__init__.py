"""attache: news reports in, a sourced knowledge base out.

The library calls below run the same per-document analysis as `attache ingest`,
without a database. Importing `attache` stays cheap: the pipeline (trafilatura,
lingua, the lexicons) loads on the first call.

>>> import attache
>>> [(f.text, f.value, f.unit, f.qualifier) for f in attache.figures("Exports rose to nearly $40 billion.", "en")]
[('nearly $40 billion', 40000000000.0, 'USD', 'nearly')]
"""
from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Analysis, Figure, Media

__all__ = ["analyze", "figures"]

_HTML = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6])\b", re.IGNORECASE)
"""How a page or an HTML fragment starts; plain text never starts with one of these tags."""


def analyze(text_or_html: str, *, language: str | None = None, published: str | None = None,
            url: str | None = None) -> Analysis:
    """The whole per-document analysis of one report, as `attache ingest` stores it.

    HTML (a page or a fragment starting with a tag) goes through main-text
    extraction first. `language` ("en", "fr", "vi") forces the language instead
    of detecting it; `published` (a date, best ISO "2026-01-05") anchors relative dates such as
    "last Tuesday"; `url` is kept as the document's id and source.
    `Analysis.to_dict()` gives plain JSON-ready data.

    >>> import attache
    >>> page = ("<html><body><article><p>The ministry said exports grew by at least 8% in 2025.</p>"
    ...         "<p>Officials expect nearly 40 billion USD of investment.</p></article></body></html>")
    >>> a = attache.analyze(page, language="en", published="2026-01-05")
    >>> a.document.language, a.document.text.splitlines()[0]
    ('en', 'The ministry said exports grew by at least 8% in 2025.')
    >>> [(f.text, f.qualifier, f.low, f.high) for f in a.figures]
    [('at least 8%', 'at least', 8.0, None), ('nearly 40 billion USD', 'nearly', None, 40000000000.0)]
    >>> sorted(a.to_dict())[:3]
    ['claims', 'content_hash', 'dates']
    """
    from .extract import analyze_document
    from .model import RawDocument
    from .sources import normalise_date

    media: Media = "html" if _HTML.match(text_or_html) else "text"
    # the same text gives the same id, so that analyses can be compared or stored later
    doc_id = url or "sha256:" + hashlib.sha256(text_or_html.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    raw = RawDocument(id=doc_id, source=url or "attache.analyze", content=text_or_html, media=media,
                      published=normalise_date(published), url=url)
    return analyze_document(raw, language=language)


def figures(text: str, language: str) -> list[Figure]:
    """Every figure of a plain `text` in `language` ("en", "fr", "vi"), in order.

    Each `Figure` has its `text` as written, `start`/`end` offsets into `text`,
    `value` in base units, `unit` (ISO 4217 code, "%", "count" or "people"),
    `qualifier` (the hedge) and `low`/`high` when the phrase gives bounds.

    >>> import attache
    >>> f, = attache.figures("FDI reached between 3 and 5 billion USD.", "en")
    >>> f.text, f.value, f.low, f.high, f.unit, f.qualifier
    ('between 3 and 5 billion USD', 4000000000.0, 3000000000.0, 5000000000.0, 'USD', 'about')
    >>> text = "Le chômage a atteint près de 7,5 %."
    >>> f, = attache.figures(text, "fr")
    >>> f.text, f.value, f.unit, f.qualifier, f.high
    ('près de 7,5 %', 7.5, '%', 'nearly', 7.5)
    >>> text[f.start:f.end] == f.text
    True
    """
    from .extract.figures import find_figures

    return find_figures(text, language)
