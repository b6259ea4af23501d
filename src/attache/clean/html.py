"""HTML pages: main text and metadata by trafilatura."""
from __future__ import annotations

from configparser import ConfigParser
from dataclasses import dataclass, field
from functools import cache

import trafilatura
from trafilatura.settings import use_config

from ..sources.dates import normalise_date


@dataclass(slots=True)
class Extracted:
    text: str = ""
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)


@cache
def _config() -> ConfigParser:
    config = use_config()
    # trafilatura's timeout uses signals, which only work in the main thread; callers may run in pools.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def extract_html(html: str) -> Extracted:
    """Main text (one paragraph per line) and the page's title, date and authors.

    Comments are left out and precision is favoured: on the ScrapingHub
    article benchmark these settings score best (see benchmarks/html_extraction.py).
    """
    doc = trafilatura.bare_extraction(html, config=_config(), with_metadata=True, include_comments=False,
                                      favor_precision=True)
    if doc is None:
        return Extracted()
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Extracted(text=doc.text or "", title=doc.title or None, published=normalise_date(doc.date),
                     authors=authors)
