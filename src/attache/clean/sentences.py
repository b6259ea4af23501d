"""Sentence spans inside a text of paragraphs set apart by newlines, for English, French and Vietnamese.

A boundary is ". ! ? …" (or the Vietnamese "./." ending), possibly followed by
closing quotes or brackets, then a space and a capital, a digit or an opening
quote. Not a boundary: after an abbreviation or an initial ("Mr.", "M.",
"U.S."), inside a number ("7.2"), or before a lower-case continuation. A newline
is always one: no sentence crosses a paragraph.
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
    # spaces of the same paragraph, and the next visible character (group `next`), possessively, as the scan it
    # replaced never gave a closer back. Marks without a space after them ("7.2", a paragraph's last) are passed
    # over in the engine instead of in Python; a shorter run of marks is followed by a mark, so is never
    # matched instead.
    after = rf"(?=(?P<close>(?:[{re.escape(_CLOSERS)}]| »)*+)[^\S\n]++(?P<next>\S))"
    return re.compile(rf"[{marks}](?:(?<=\.)/\.|[{marks}]*){after}")


# Compiled at import, not behind cached functions: every text meets them.
_ANY_MARK = _terminal(".!?…")
_FULL_STOP = _terminal(".")
"""Most texts end their sentences with full stops only: "." alone is looked for like a literal, four
times faster than the set of every mark."""
_PARAGRAPH = re.compile(r"\S(?:.*\S)?")
"""A paragraph without the spaces around it (`.` stops at a newline, and runs faster than `[^\\n]`)."""
_LAST_TOKEN = re.compile(r"[\w.°'’-]+\Z")
"""The token closing the text searched, up to its very end: `$` would also stop before a newline there."""
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each trimmed sentence of `text`, whose paragraphs newlines set apart."""
    # One scan of the whole text for boundaries and one for its paragraphs, instead of a scan per paragraph:
    # a boundary ends one sentence and starts the next; a paragraph starts its first and ends its last. Both
    # lists are in order once sorted, as a boundary lies strictly inside its paragraph.
    starts: list[int] = []
    ends: list[int] = []
    abbreviations = rules().abbreviations
    only_stops = "!" not in text and "?" not in text and "…" not in text
    for m in (_FULL_STOP if only_stops else _ANY_MARK).finditer(text):
        nxt = m.start("next")
        if not _starts_sentence(text[nxt]):
            continue
        if m.group() == "." and _abbreviation(text, m.start(), abbreviations):
            continue
        ends.append(m.end("close"))
        starts.append(nxt)
    for paragraph in _PARAGRAPH.finditer(text):
        starts.append(paragraph.start())
        ends.append(paragraph.end())
    starts.sort()
    ends.sort()
    return list(zip(starts, ends))


def _starts_sentence(c: str) -> bool:
    return c.isupper() or c.isdigit() or c in _OPENERS or (c.isalpha() and not c.islower())


def _abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    # The token holds no space: searching from after the last one spares trying every position before it.
    start = max(0, dot - _TOKEN_SPAN)
    m = _LAST_TOKEN.search(text, max(start, text.rfind(" ", start, dot) + 1), dot)
    if not m:
        return False
    token = m.group(0).lstrip("'’-").lower()
    if token in abbreviations:
        return True
    word = m.group(0)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. Smith", "M. Dupont"
    return "." in word and _DOTTED.fullmatch(word) is not None
