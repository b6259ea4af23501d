"""Sentence spans inside one paragraph, for English, French and Vietnamese.

A boundary is ". ! ? …" (or the Vietnamese "./." ending), possibly followed by
closing quotes or brackets, then a space and a capital, a digit or an opening
quote. Not a boundary: after an abbreviation or an initial ("Mr.", "M.",
"U.S."), inside a number ("7.2"), or before a lower-case continuation.
"""
from __future__ import annotations

import re

from .rules import rules

_CLOSERS = "\"'»”’)]"
_OPENERS = "«\"“‘'(["
_TOKEN_SPAN = 24


def _terminal(marks: str) -> re.Pattern[str]:
    # "./." or a run of marks; opening with one set of characters lets the engine skip between them
    # at C speed instead of trying a match at every position (three times faster on a report).
    # Looked ahead at: closing quotes or brackets (a French "« … . »" one after a space; group `close`), the
    # space, and the next visible character (group `next`), possessively, as the scan it replaced never gave
    # a closer back. Marks without a space after them ("7.2", the paragraph's last) are passed over in the
    # engine instead of in Python; a shorter run of marks is followed by a mark, so is never matched instead.
    after = rf"(?=(?P<close>(?:[{re.escape(_CLOSERS)}]| »)*+)\s++(?P<next>\S))"
    return re.compile(rf"[{marks}](?:(?<=\.)/\.|[{marks}]*){after}")


# Compiled at import, not behind cached functions: every paragraph meets them.
_ANY_MARK = _terminal(".!?…")
_FULL_STOP = _terminal(".")
"""Most paragraphs end their sentences with full stops only: "." alone is looked for like a literal, four
times faster than the set of every mark."""
_LAST_TOKEN = re.compile(r"[\w.°'’-]+$")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


def split_sentences(paragraph: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each trimmed sentence, relative to `paragraph`, plus `offset`."""
    spans: list[tuple[int, int]] = []
    # A sentence runs from a visible character to a mark or closer: only the paragraph's own ends need trimming.
    start = len(paragraph) - len(paragraph.lstrip())
    only_stops = "!" not in paragraph and "?" not in paragraph and "…" not in paragraph
    for m in (_FULL_STOP if only_stops else _ANY_MARK).finditer(paragraph):
        nxt = m.start("next")
        if not _starts_sentence(paragraph[nxt]):
            continue
        if m.group() == "." and _abbreviation(paragraph, m.start()):
            continue
        spans.append((offset + start, offset + m.end("close")))
        start = nxt
    end = len(paragraph.rstrip())
    if start < end:
        spans.append((offset + start, offset + end))
    return spans


def _starts_sentence(c: str) -> bool:
    return c.isupper() or c.isdigit() or c in _OPENERS or (c.isalpha() and not c.islower())


def _abbreviation(text: str, dot: int) -> bool:
    # The token holds no space: searching from after the last one spares trying every position before it.
    start = max(0, dot - _TOKEN_SPAN)
    m = _LAST_TOKEN.search(text, max(start, text.rfind(" ", start, dot) + 1), dot)
    if not m:
        return False
    token = m.group(0).lstrip("'’-").lower()
    if token in rules().abbreviations:
        return True
    word = m.group(0)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. Smith", "M. Dupont"
    return "." in word and _DOTTED.fullmatch(word) is not None
