"""Clean: a `RawDocument` in, a `CleanDocument` out.

HTML goes through our fast path for pages that mark their article plainly, else
trafilatura (`html.py`); its text, like a plain-text page, then goes
through the clutter rules of `plain`, which keep captions and credits apart
from the report and read the headline, dateline and source line. The text is
laid out one paragraph per line, with paragraph and sentence spans into it.
"""
from __future__ import annotations

from itertools import accumulate, starmap

from ..model import CleanDocument, Credit, RawDocument, Span
from .language import detect_language
from .plain import clean_text
from .sentences import split_sentences

__all__ = ["clean_document"]


def clean_document(raw: RawDocument) -> CleanDocument:
    """Pure and total: a page that cannot be cleaned gives an empty text and a warning."""
    try:
        return _clean(raw)
    except Exception as exc:  # one broken page must never stop a batch
        return CleanDocument(id=raw.id, source=raw.source, text="", language="und", title=raw.title,
                             published=raw.published, url=raw.url, warnings=[f"cleaning failed: {exc!r}"])


def _clean(raw: RawDocument) -> CleanDocument:
    warnings: list[str] = []
    credits: list[Credit] = []
    title, published = raw.title, raw.published
    content = raw.content if isinstance(raw.content, str) else ""
    if raw.media == "html":
        # Imported here: trafilatura, htmldate and lxml take a fifth of a second to import, in every worker,
        # and a plain-text ingest never needs them.
        from .html import extract_html

        extracted = extract_html(content)
        if not extracted.text:
            warnings.append("no main text found in the HTML")
        title = title or extracted.title
        published = published or extracted.published
        credits.extend(Credit(name, "author", name) for name in extracted.authors)
        content = extracted.text
    page = clean_text(content, title=title)
    text, paragraphs, sentences = _layout(page.paragraphs)
    if not text and not warnings:
        warnings.append("no report text left after cleaning")
    return CleanDocument(
        id=raw.id,
        source=raw.source,
        text=text,
        language=detect_language(text),
        title=title or page.title,
        published=published or page.published,
        url=raw.url or page.url,
        paragraphs=paragraphs,
        sentences=sentences,
        captions=page.captions,
        credits=_unique(credits + page.credits),
        warnings=warnings,
    )


def _layout(paragraphs: list[str]) -> tuple[str, list[Span], list[Span]]:
    text = "\n".join(paragraphs)
    starts = accumulate([len(para) + 1 for para in paragraphs], initial=0)  # a newline after each paragraph
    spans = [Span(start, start + len(para)) for para, start in zip(paragraphs, starts)]
    return text, spans, list(starmap(Span, split_sentences(text)))


def _unique(credits: list[Credit]) -> list[Credit]:
    seen: set[tuple[str, str]] = set()
    out = []
    for credit in credits:
        key = (credit.name, credit.kind)
        if key not in seen:
            seen.add(key)
            out.append(credit)
    return out
