"""The clutter lexicons of every language, compiled once into line patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import lexicons
from ..sources.dates import NUMERIC_DATE

_TIME = (r"\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*\(?(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?)?")
# Possessive: a label given back would leave a word character where only a dot may follow, so backtracking
# into it could never match; on a sentence (whose first word is no label) it made the test four times slower.
_DOMAIN = r"(?:www\.)?[\w-]++(?:\.[\w-]++)*\.[a-z]{2,10}"
# A caption's credit follows the caption text after a dash, a bar, a bracket or a sentence end.
_CREDIT_LEAD = r"(?:^|(?<=[.!?…])\s*|\s*[-–—|(]\s*)"


_WORD = re.compile(r"\w")
_HEAD_CHARS = 8
"""The most characters up to a line's first word character that pick alternatives; after longer runs of
punctuation ("=====…") all are tried."""


class Alternatives:
    """Case-insensitive alternatives, all of a line with non-word characters around them (`line`), or
    opening a text.

    Tried one by one at a line's first letter, a hundred alternatives took a microsecond a line, as long
    as the rest of its classification. Most of them tell what their matches open with ("share…",
    "(tin|bài) …"): those that cannot open with the character at hand are left out, in a pattern
    compiled once for that character. A line's leading non-word characters may be skipped, so any of
    them up to its first word character may open the match: "# date = …" is tried against those of "#", " ", "d".
    """

    __slots__ = ("_patterns", "_leads", "_any_lead", "_line", "_by_head", "_by_kept")

    def __init__(self, patterns: list[str], *, line: bool) -> None:
        self._patterns = patterns
        self._leads = [_leads(p) for p in patterns]
        self._any_lead = re.compile("|".join(lead for leads in self._leads if leads for lead in leads) or "(?!)",
                                    re.IGNORECASE)
        self._line = line
        self._by_head: dict[str, re.Pattern[str] | None] = {}
        # Compiled when first needed (the whole alternation, rarely); characters that no alternative names
        # (the letters of other scripts) share one pattern.
        self._by_kept: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    def matches(self, text: str, pos: int = 0) -> bool:
        head = text[pos:pos + 1]
        if self._line and head and not head.isalnum() and head != "_":
            word = _WORD.search(text, pos)
            head = text[pos:word.end() if word else len(text)]
        try:
            pattern = self._by_head[head]
        except KeyError:
            if len(head) > _HEAD_CHARS:
                pattern = self._compiled(tuple(range(len(self._patterns))))
            else:
                pattern = self._by_head[head] = self._narrowed(head)
        if pattern is None:
            return False
        m = pattern.fullmatch(text, pos) if self._line else pattern.match(text, pos)
        return m is not None

    def _narrowed(self, head: str) -> re.Pattern[str] | None:
        """The pattern of the alternatives that may open with a character of `head` (None: none may)."""
        named = [c for c in head if self._any_lead.fullmatch(c)]
        return self._compiled(tuple(i for i, leads in enumerate(self._leads) if leads is None or any(
            re.fullmatch(lead, c, re.IGNORECASE) for lead in leads for c in named)))

    def _compiled(self, kept: tuple[int, ...]) -> re.Pattern[str] | None:
        if kept not in self._by_kept:
            pattern = None
            if kept:
                alternation = _patterns([self._patterns[i] for i in kept])
                pattern = re.compile(rf"\W*(?:{alternation})\W*" if self._line else alternation, re.IGNORECASE)
            self._by_kept[kept] = pattern
        return self._by_kept[kept]


def _leads(pattern: str) -> tuple[str, ...] | None:
    """Patterns of one character, one of which matches (ignoring case) the first character of every match of
    `pattern`: its opening letters or digit, read through alternatives and groups ("(you )?may" -> y, m).
    None when the pattern does not tell them plainly (or may match nothing)."""
    depths = _depths(pattern)
    if "|" in pattern:
        if depths is None:
            return None
        bars = [i for i, c in enumerate(pattern) if c == "|" and depths[i] == 0]
        if bars:
            leads = [_leads(branch) for branch in _cut(pattern, bars)]
            return None if None in leads else tuple(lead for branch in leads for lead in branch)
    if pattern[:1].isalpha():
        first, rest = pattern[0], pattern[1:]
    elif pattern[:2] == r"\d":
        first, rest = r"\d", pattern[2:]
    elif pattern[:1] == "(" and depths is not None and (pattern[1:2] != "?" or pattern[1:3] == "?:"):
        close = next((i for i, c in enumerate(pattern) if c == ")" and depths[i] == 1), None)
        if close is None:
            return None
        inner = _leads(pattern[3 if pattern[1:2] == "?" else 1:close])
        after = pattern[close + 1:]
        if after[:1] == "?":  # an optional group: what follows may open the match as well
            following = _leads(after[1:])
            return None if inner is None or following is None else inner + following
        return None if after[:1] in ("*", "{") else inner
    else:
        return None
    return None if rest[:1] in ("?", "*", "{") else (first,)


def _depths(pattern: str) -> list[int] | None:
    """How deep in groups each character of `pattern` stands (-1: escaped). None when the pattern holds a
    set or a comment, whose brackets would be misread."""
    if "[" in pattern or "(?#" in pattern:
        return None
    depths = []
    depth = 0
    escaped = False
    for c in pattern:
        if escaped:
            depths.append(-1)
            escaped = False
            continue
        depths.append(depth)
        if c == "\\":
            escaped = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
    return depths


def _cut(pattern: str, bars: list[int]) -> list[str]:
    ends = [-1, *bars, len(pattern)]
    return [pattern[a + 1:b] for a, b in zip(ends, ends[1:])]


@dataclass(frozen=True, slots=True)
class Rules:
    widget: Alternatives
    tail: Alternatives
    furniture: Alternatives
    """A widget or a tail marker: most lines are neither, which one match tells."""
    opening: Alternatives
    """What the image, source, attribution and byline patterns open with: a line that opens with none is
    none of them, told in one test instead of four."""
    source: re.Pattern[str]
    byline: re.Pattern[str]
    attribution: re.Pattern[str]
    """"Theo TTXVN": a line crediting the report to an outlet, whose words follow."""
    photo_credit: re.Pattern[str]
    photo_credit_back: re.Pattern[str]
    """The end of `photo_credit` up to its colon, read on the reversed text before a line's last colon: the
    credit holds no colon, so a line without a photo word closing the text before its last colon has none
    (one match instead of a search through the line's end)."""
    photo_slot: re.Pattern[str]
    photo_slot_back: re.Pattern[str]
    """The photo word and number closing `photo_slot`, read on the reversed line."""
    photo_slot_chars: int
    """The longest a photo slot marker can be in a normalised line (single spaces)."""
    dateline: re.Pattern[str]
    """A dateline's text from its first digit on."""
    month_word: re.Pattern[str]
    months: dict[str, int]
    banner: re.Pattern[str]
    outlet_prefix: re.Pattern[str]
    url: re.Pattern[str]
    image_url: re.Pattern[str]
    name_particles: frozenset[str]
    name_joiners: re.Pattern[str]
    abbreviations: frozenset[str]


def _words(words: list[str]) -> str:
    """Alternation of literal words or phrases, longest first so that "photo credit" beats "photo"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _patterns(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


def _gather(key: str, langs: list[dict[str, Any]]) -> list[str]:
    return [item for lex in langs for item in lex.get(key, [])]


@cache
def rules() -> Rules:
    common = lexicons.toml("common", "clutter")
    codes = common.get("languages", [])
    langs = [lexicons.toml(code, "clutter") for code in codes]
    months = {k.lower(): int(v) for code in codes for k, v in lexicons.toml(code, "dates").get("months", {}).items()}
    month = _words(list(months)) or "(?!)"
    # The date part of a dateline, from its first digit: numeric, "6 janvier 2025", or the "6, 2025"
    # of "January 6, 2025" (whose month word closes the text before the first digit).
    date = (rf"(?:{NUMERIC_DATE}|(?P<td>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<tm>{month})\.?,?\s+(?P<ty>\d{{4}})"
            rf"|(?P<td2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ty2>\d{{4}}))")
    separators = r"[\s,:|–—-]*"
    # Words between a leading time and the date: "08:30, Thứ Năm, 08/01/2026", "11:20 ngày 08/01/2026".
    between = r"(?:[^\W\d_]+[\s,:|–—-]+){0,3}"
    photo_words = _gather("photo", langs)
    photo = _words(photo_words)
    photo_back = _words([w[::-1] for w in photo_words])
    images = "|".join(map(re.escape, common.get("image_extensions", []))) or "(?!)"
    i = re.IGNORECASE
    widgets = _gather("widgets", [common, *langs])
    tail = _gather("tail", langs)
    url = r"(?:https?://|www\.)"
    source = rf"(?:{_words(_gather('source', langs))})\s*:"
    byline = rf"(?:{_words(_gather('byline', langs))})(?:\s*:\s*|\s+)"
    attribution = rf"(?:{_words(_gather('attribution', langs)) or '(?!)'})\s+"
    return Rules(
        widget=Alternatives(widgets, line=True),
        tail=Alternatives(tail, line=True),
        furniture=Alternatives(widgets + tail, line=True),
        opening=Alternatives([url, source, attribution, byline], line=False),
        source=re.compile(rf"{source}\s*(?P<rest>.{{0,300}})", i),
        byline=re.compile(rf"{byline}(?P<names>[^:]{{2,80}}?)\.?", i),
        attribution=re.compile(rf"{attribution}(?P<outlet>[^\W\d_][^,;:!?]{{0,50}}?)\.?", i),
        photo_credit=re.compile(
            rf"{_CREDIT_LEAD}\(?(?:{photo})\s*:\s*(?P<credit>[^:|()]{{1,80}}?)\s*\)?\s*\|?\s*$", i),
        photo_credit_back=re.compile(rf"\s*(?:{photo_back})", i),
        photo_slot=re.compile(rf"(?<=\S)\s*[-–—]?\s*(?:{photo})\s+\d{{1,3}}\s*\.?$", i),
        photo_slot_back=re.compile(rf"\s*\.?\s*\d{{1,3}}\s+(?:{photo_back})", i),
        # " - " + the longest photo word + " 123 ." (each whitespace run being one space)
        photo_slot_chars=3 + max(map(len, photo_words), default=0) + 6,
        dateline=re.compile(rf"(?:{_TIME}{separators}{between})?{date}(?:{separators}{_TIME})?[\s)\]]*", i),
        month_word=re.compile(r"([^\W\d_]+)\.?,?\s*$"),
        months=months,
        banner=re.compile(rf"{_DOMAIN}(?:\s*[-–—|:]\s*[^.!?]{{0,80}})?", i),
        # "(site.gov.vn) - …", "(TTXVN) - …": an outlet's domain, or its acronym in capitals in brackets.
        outlet_prefix=re.compile(
            rf"(?:\(?{_DOMAIN}\)?|(?-i:\([A-ZĐ]{{2,10}}\)))\s*[-–—:]\s+(?=\S+\s+\S+\s+\S)", i),
        url=re.compile(rf"{url}\S+", i),
        image_url=re.compile(rf"{url}\S+\.(?:{images})(?:[?#]\S*)?", i),
        name_particles=frozenset(common.get("name_particles", [])),
        name_joiners=re.compile(rf"\s*(?:[,;/]|\s(?:{_words(common.get('name_joiners', []))})\s)\s*", i),
        abbreviations=frozenset(a.lower() for code in codes
                                for a in lexicons.toml(code, "sentences").get("abbreviations", [])),
    )
