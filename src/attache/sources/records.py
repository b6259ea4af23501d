"""One JSON record or one page -> a checked `RawDocument`, shared by whole-file and streamed readers."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import Media, RawDocument
from .dates import normalise_date
from .problems import SourceProblem

_HTML_START = ("<!doctype html", "<html")
_HTML_OPEN = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)


def sniff_html(text: str) -> bool:
    return text.lstrip()[:20].lower().startswith(_HTML_START)


def checked(doc: RawDocument, shown: str) -> Iterator[RawDocument | SourceProblem]:
    """The document, preceded by a warning when its HTML stops before the closing tags."""
    if doc.media == "html" and _HTML_OPEN.search(doc.content, 0, 4096) and not _HTML_CLOSE.search(doc.content):
        yield SourceProblem(shown, "HTML looks truncated (no closing </body> or </html>); extracted what is there",
                            skipped=False)
    yield doc


def from_record(record: Any, fallback_id: str, source: str, shown: str,
                where: str) -> Iterator[RawDocument | SourceProblem]:
    if not isinstance(record, dict):
        yield SourceProblem(shown, f"{where}: not a JSON object")
        return
    html, text = _string(record.get("html")), _string(record.get("text"))
    if not (html or text):
        yield SourceProblem(shown, f"{where}: no 'text' or 'html' field")
        return
    url = _string(record.get("url"))
    rid = record.get("id")
    media: Media = "html" if html or sniff_html(text or "") else "text"
    doc = RawDocument(
        id=str(rid) if rid not in (None, "") else url or fallback_id,
        source=url or source,
        content=html or text or "",
        media=media,
        published=normalise_date(record.get("published")),
        url=url,
        title=_string(record.get("title")),
    )
    yield from checked(doc, f"{shown} ({where})")


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
