"""Sentence spans inside one paragraph, for English, French and Vietnamese.

A boundary is ". ! ? …" (or the Vietnamese "./." ending), possibly followed by
closing quotes or brackets, then a space and a capital, a digit or an opening
quote. Not a boundary: after an abbreviation or an initial ("Mr.", "M.",
"U.S."), inside a number ("7.2"), or before a lower-case continuation.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .rules import rules

_CLOSERS = "\"'»”’)]"
_OPENERS = "«\"“‘'(["
_TOKEN_SPAN = 24


@cache
def _terminal() -> re.Pattern[str]:
    # "./." or a run of marks; opening with one set of characters lets the engine skip between them
    # at C speed instead of trying a match at every position (three times faster on a report)
    return re.compile(r"[.!?…](?:(?<=\.)/\.|[.!?…]*)")


@cache
def _last_token() -> re.Pattern[str]:
    return re.compile(r"[\w.°'’-]+$")


@cache
def _dotted() -> re.Pattern[str]:
    return re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


def split_sentences(paragraph: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each trimmed sentence, relative to `paragraph`."""
    start = 0
    n = len(paragraph)
    for m in _terminal().finditer(paragraph):
        end = _after_closers(paragraph, m.end())
        if end >= n or not paragraph[end].isspace():
            continue
        nxt = _next_visible(paragraph, end)
        if nxt is None or not _starts_sentence(paragraph[nxt]):
            continue
        if m.group(0) == "." and _abbreviation(paragraph, m.start()):
            continue
        yield from _trimmed(paragraph, start, end)
        start = nxt
    yield from _trimmed(paragraph, start, n)


def _after_closers(text: str, i: int) -> int:
    n = len(text)
    while i < n:
        if text[i] in _CLOSERS:
            i += 1
        elif text[i] == " " and i + 1 < n and text[i + 1] == "»":  # French: « … . »
            i += 2
        else:
            break
    return i


def _next_visible(text: str, i: int) -> int | None:
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i if i < n else None


def _starts_sentence(c: str) -> bool:
    return c.isupper() or c.isdigit() or c in _OPENERS or (c.isalpha() and not c.islower())


def _abbreviation(text: str, dot: int) -> bool:
    m = _last_token().search(text, max(0, dot - _TOKEN_SPAN), dot)
    if not m:
        return False
    token = m.group(0).lstrip("'’-").lower()
    if token in rules().abbreviations:
        return True
    word = m.group(0)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. Smith", "M. Dupont"
    return bool(_dotted().fullmatch(word))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
