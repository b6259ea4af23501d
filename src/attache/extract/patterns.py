"""Regex tries: one pattern for many words or names, shared prefixes factored out.

A flat alternation of a few hundred names makes the engine try each in turn
at every position; a trie reads one character per step. The longest entry
that starts at a position wins.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator


def trie(entries: Iterable[str], *, units: Callable[[str], list[str]] | None = None) -> str:
    """One non-capturing group matching the longest entry that starts here ("(?!)" for none).

    `units` cuts an entry into regex pieces; by default each character, escaped.
    """
    root: dict[str, dict] = {}
    for entry in entries:
        node = root
        for unit in (units(entry) if units else [re.escape(c) for c in entry]):
            node = node.setdefault(unit, {})
        node[""] = {}
    return f"(?:{_branches(root)})" if root else "(?!)"


def _branches(node: dict[str, dict]) -> str:
    branches = [unit + _branches(child) for unit, child in sorted(node.items()) if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # an entry that ends here is tried after the longer ones that go on
    return f"(?:{body})?" if "" in node else body


def word_starts(pattern: re.Pattern[str], text: str, inside_word: re.Pattern[str],
                start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of `pattern` that start a word, as a look-behind would give them.

    A look-behind at the front of a pattern makes the engine try it at every position; without one it
    jumps to the possible first characters. A match inside a word is dropped and the search resumes just
    after its start, so it hides nothing.
    """
    end = len(text) if end is None else end
    pos = start
    while True:
        m = pattern.search(text, pos, end)
        if m is None:
            return
        if m.start() and inside_word.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


def literal_heads(heads: Iterable[str]) -> tuple[str, ...]:
    """The heads that no shorter one begins: each occurrence of the others is already one of theirs."""
    kept: list[str] = []
    for head in sorted(set(heads), key=len):
        if not any(head.startswith(k) for k in kept):
            kept.append(head)
    return tuple(kept)


def headed_word_starts(pattern: re.Pattern[str], text: str, inside_word: re.Pattern[str], heads: tuple[str, ...],
                       start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """`word_starts` for a pattern each of whose matches opens with one of the literal `heads`.

    The pattern is tried only where a head occurs, found with str.find in C: a search steps through the
    text one position at a time in the regex engine, trying the pattern wherever a first character of it
    stands, which for lower-case words is most of the text.
    """
    end = len(text) if end is None else end
    found: set[int] = set()
    for head in heads:
        i = text.find(head, start, end)
        while i != -1:
            found.add(i)
            i = text.find(head, i + 1, end)
    pos = start
    for i in sorted(found):
        if i < pos:
            continue
        m = pattern.match(text, i, end)
        if m is None or (i and inside_word.match(text, i - 1)):
            continue
        yield m
        pos = max(m.end(), i + 1)
