"""Numbered tasks: enumerated directives such as "Firstly, ... Second, ... Fifth, ...",
"Thứ nhất, ... Thứ hai, ...", "Một là, ... Hai là, ..." or, where the lexicon allows
numerals, "1. ... 2) ...".

A list is a run of consecutive ordinals (1, 2, 3, ...) opening paragraphs or
sentences, as separate paragraphs or inline ("the following five key tasks:
First, ... Second, ..."). A run counts as tasks only when the sentence(s)
introducing it, or its first item, carry task cues (tasks, solutions,
requested, must; tâches, demandé, doit; nhiệm vụ, yêu cầu) and outweigh cues of
other kinds of lists (results, aspects, lessons; kết quả, bài học). Photo captions between the introduction and
the first item are skipped. Of several task lists the best-cued one is kept.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from .. import lexicons
from ..model import CleanDocument, Span, Task
from .dates import lower, phrase_pattern
from .patterns import trie

# An item opens a paragraph or follows a sentence, colon or semicolon (and spaces).
_LIST_MARKS = "\n.!?;:…"
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
_INNER_SENTENCE = re.compile(r"[.!?]\s+\S")
_URL_ONLY = re.compile(r"^\s*https?://\S+\s*$")
_MAX_GAP = 4000
_CLOSING_PARAGRAPHS = 2
_INTRO_SENTENCES = 2
_INTRO_PARAGRAPHS = 3
_POSITIVE, _NEGATIVE, _IN_ITEM = 2, 3, 1


@dataclass(frozen=True, slots=True)
class _Lang:
    items: re.Pattern[str]
    item_firsts: frozenset[str]
    """The characters an item can open with: a cheap test before trying `items` at a list position."""
    numbers: dict[str, int]
    closing: frozenset[str]
    positive: re.Pattern[str]
    negative: re.Pattern[str]
    count: re.Pattern[str]
    cardinals: dict[str, int]
    captions: tuple[str, ...]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cased_trie(words: list[str]) -> str:
    """`words` for a case-insensitive pattern, as a trie: the engine tries one branch per position, not each word.

    Lower-cased first, which changes nothing under IGNORECASE and keeps one branch per letter. Empty for no
    words, as `_alternation` gives.
    """
    return trie(w.lower() for w in words) if words else ""


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_cased_trie(words) or '(?!)'})(?!\w)", re.IGNORECASE)


@cache
def _lang(language: str) -> _Lang:
    lex = lexicons.toml(language, "tasks") or lexicons.toml("en", "tasks")
    numbers = {w.lower(): n for n, words in enumerate(lex["ordinals"], 1) for w in words}
    closing = [w.lower() for w in lex.get("closing", [])]
    firsts = {w[0] for w in [*numbers, *closing] if w}
    copulas = _alternation(lex.get("copulas", [])) or "(?!)"
    # A numeral opens an item only before "." or ")": "1,5 tỷ" is a number, not item 1.
    numerals = r"|(?P<num>10|[1-9])[.)]\s+" if lex.get("numerals") else ""
    words = phrase_pattern(list(numbers) + closing)
    items = re.compile(rf"(?P<ord>{words})(?:\s*[,:.)]\s*|\s+[–—-]\s+|\s+(?:{copulas})\s+){numerals}")
    if numerals:
        numbers.update({str(n): n for n in range(1, len(lex["ordinals"]) + 1)})
        firsts.update("123456789")
    cues = lex.get("cues", {})
    cardinals = {k.lower(): int(v) for k, v in lex.get("cardinals", {}).items()}
    nouns = _cased_trie(cues.get("positive", []) + cues.get("negative", []))
    count = re.compile(rf"(?<!\w)(?P<k>{_cased_trie(list(cardinals))}|\d{{1,2}})\s+(?:\w+\s+){{0,2}}?(?:{nouns})(?!\w)",
                       re.IGNORECASE)
    return _Lang(items, frozenset(firsts), numbers, frozenset(closing), _words(cues.get("positive", [])),
                 _words(cues.get("negative", [])), count, cardinals,
                 tuple(m.lower() for m in lex.get("captions", {}).get("markers", [])))


@dataclass(slots=True)
class _Item:
    start: int
    content: int
    n: int


@dataclass(slots=True)
class _Run:
    items: list[_Item] = field(default_factory=list)


def _paragraphs(doc: CleanDocument) -> list[tuple[int, int]]:
    if doc.paragraphs:
        return [(p.start, p.end) for p in doc.paragraphs]
    bounds, pos = [], 0
    for line in doc.text.split("\n"):
        bounds.append((pos, pos + len(line)))
        pos += len(line) + 1
    return bounds


def _paragraph_of(paragraphs: list[tuple[int, int]], starts: list[int], pos: int) -> int:
    """Index of the paragraph holding `pos` (its end included); the last one when none does.

    `starts` are the paragraphs' starts, taken once: a bisect keyed on each tuple costs a call per step.
    """
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos <= paragraphs[i][1] else len(paragraphs) - 1


def _list_positions(low: str, firsts: frozenset[str]) -> list[int]:
    """In order, 0 and where the text goes on after each list mark and its spaces, when an item can open there.

    str.find skips to each mark in C; a regex search would try every position of the report. Testing the
    next character spares a match at most positions.
    """
    positions = [0] if low[:1] in firsts else []
    n = len(low)
    for mark in _LIST_MARKS:
        i = low.find(mark)
        while i != -1:
            j = i + 1
            while j < n and low[j] in " \t":
                j += 1
            if j < n and low[j] in firsts:
                positions.append(j)
            i = low.find(mark, i + 1)
    positions.sort()
    return positions


def _items(text: str, lang: _Lang) -> list[re.Match[str]]:
    """Ordinals that open a paragraph or follow a sentence end, colon or semicolon (matched on lower case)."""
    low = lower(text)
    return [m for start in _list_positions(low, lang.item_firsts) if (m := lang.items.match(low, start))]


def _runs(text: str, lang: _Lang) -> list[_Run]:
    runs: list[_Run] = []
    current: _Run | None = None
    for m in _items(text, lang):
        group = "ord" if m.group("ord") is not None else "num"
        word = m.group(group)
        start, content = m.start(group), m.end()
        if word in lang.closing:
            last = current.items[-1] if current else None
            if last and len(current.items) >= 2 and text.count("\n", last.start, start) <= _CLOSING_PARAGRAPHS:
                current.items.append(_Item(start, content, last.n + 1))
                current = None
            continue
        n = lang.numbers[word]
        if n == 1:
            current = _Run([_Item(start, content, 1)])
            runs.append(current)
        elif current and n == current.items[-1].n + 1 and start - current.items[-1].start < _MAX_GAP:
            current.items.append(_Item(start, content, n))
    return [r for r in runs if len(r.items) >= 2]


def _is_caption(paragraph: str, lang: _Lang) -> bool:
    low = paragraph.lower()
    return (not paragraph.strip() or _URL_ONLY.match(paragraph) is not None or paragraph.rstrip().endswith("|")
            or any(m in low for m in lang.captions))


def _intro(text: str, first: _Item, paragraphs: list[tuple[int, int]], starts: list[int], lang: _Lang) -> str:
    """The sentence(s) just before the first item, skipping photo captions."""
    index = _paragraph_of(paragraphs, starts, first.start)
    head = text[paragraphs[index][0]:first.start].strip()
    if head:
        return " ".join(_SENTENCE_SPLIT.split(head)[-_INTRO_SENTENCES:])
    for i in range(index - 1, max(-1, index - 1 - _INTRO_PARAGRAPHS), -1):
        paragraph = text[paragraphs[i][0]:paragraphs[i][1]]
        if not _is_caption(paragraph, lang):
            return " ".join(_SENTENCE_SPLIT.split(paragraph.strip())[-_INTRO_SENTENCES:])
    return ""


def _announced(intro: str, lang: _Lang) -> int | None:
    m = lang.count.search(intro)
    if m is None:
        return None
    k = m.group("k").lower()
    return int(k) if k.isdigit() else lang.cardinals.get(k)


def _tasks(text: str, run: _Run, paragraphs: list[tuple[int, int]], starts: list[int]) -> list[Task]:
    tasks: list[Task] = []
    items = run.items
    inline_singles = True
    for i, item in enumerate(items):
        p = _paragraph_of(paragraphs, starts, item.start)
        end = paragraphs[p][1]
        if i + 1 < len(items):
            end = min(end, items[i + 1].start)
            inline_singles &= _INNER_SENTENCE.search(text, item.content, end) is None
        elif i and _paragraph_of(paragraphs, starts, items[i - 1].start) == p and inline_singles:
            # The last item of an inline list of one-sentence items ends with its sentence.
            stop = _INNER_SENTENCE.search(text, item.content, end)
            end = stop.start() + 1 if stop else end
        body = text[item.content:end]
        start = item.content + len(body) - len(body.lstrip())
        end = item.content + len(body.rstrip())
        if end > start:
            tasks.append(Task(item.n, text[start:end], Span(start, end)))
    return tasks


def _score(intro: str, first_item: str, lang: _Lang) -> int:
    return (_POSITIVE * len(lang.positive.findall(intro)) - _NEGATIVE * len(lang.negative.findall(intro))
            + _IN_ITEM * len(lang.positive.findall(first_item)))


def find_tasks(doc: CleanDocument) -> list[Task]:
    text, lang = doc.text, _lang(doc.language)
    paragraphs = _paragraphs(doc)
    starts = [p[0] for p in paragraphs]
    best: tuple[int, int, list[Task]] | None = None
    for run in _runs(text, lang):
        intro = _intro(text, run.items[0], paragraphs, starts, lang)
        announced = _announced(intro, lang)
        if announced is not None and 2 <= announced < len(run.items):
            run.items = run.items[:announced]
        tasks = _tasks(text, run, paragraphs, starts)
        if not tasks:
            continue
        score = _score(intro, _SENTENCE_SPLIT.split(tasks[0].text)[0], lang)
        if score > 0 and (best is None or (score, len(tasks)) > best[:2]):
            best = (score, len(tasks), tasks)
    return best[2] if best else []
