"""PROVISIONAL minimal cleaner (to be replaced by the clean-stage owner)."""
from __future__ import annotations

import re

from ..model import CleanDocument, RawDocument, Span

_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def clean_document(raw: RawDocument) -> CleanDocument:
    text = "\n".join(line.strip() for line in raw.content.splitlines() if line.strip())
    paragraphs, sentences, pos = [], [], 0
    for line in text.split("\n"):
        paragraphs.append(Span(pos, pos + len(line)))
        for m in _SENT.finditer(line):
            s, e = m.start(), m.end()
            while s < e and line[s] == " ":
                s += 1
            if s < e:
                sentences.append(Span(pos + s, pos + e))
        pos += len(line) + 1
    lang = "fr" if re.search(r"\b(le|la|les|des|du)\b", text[:2000]) and " the " not in text[:2000] else "en"
    return CleanDocument(id=raw.id, source=raw.source, text=text, language=lang, published=raw.published,
                         url=raw.url, title=raw.title, paragraphs=paragraphs, sentences=sentences)
