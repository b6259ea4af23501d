"""Dates, years and the timing of a report.

Date forms: "January 6, 2025", "6 January 2025", "6 janvier 2025", "le 6 janvier",
"06/01/2025" (day first, as Vietnamese and French sites write; month first only
when the day-first reading is impossible or contradicts a written weekday),
"2025-01-06", "ngày 6 tháng 1 năm 2025", each with an optional weekday and part of
day ("On the morning of March 3", "Ce matin, 3 mars", "Dans l'après-midi du
6 janvier", "Chiều ngày 6/1/2025"), plus relative words ("yesterday", "hier", "hôm
qua") when the publication date is known. A day and month without year written
with digits ("Sáng 6/1", "thứ Năm (8/1)") or a month word ("ngày 6 tháng 1") counts
only right after a date word of the language (a part of day, "ngày", a weekday):
elsewhere "1/3" is a fraction.

Year-less dates are resolved against an anchor, in this order:

1. the publication date (`doc.published`, else a dateline left in the text such
   as "Wednesday - 07/05/2025 03:22"): the latest such date not after the
   publication date plus `_GRACE_DAYS`;
2. otherwise the years the text talks about. Reports review a year (past-tense
   cues: "results", "review", "was") and plan the next one (future cues: "tasks",
   "targets", "will", "pour 2025"). Among the years within one of the
   most-mentioned year (horizons such as "vision to 2045" left out), the
   planned year P is the one with the most future evidence and the reviewed
   year R the one before P with the most past evidence; evidence from
   planning and review words counts before grammatical tense. The writing date sits at the boundary B = 1 January of P (of R+1
   when P is missing or lies further than R+1). A year-less date takes the year
   that puts it nearest B: July-December fall in B-1, January-June in B;
   "December 21" with "In 2024, there will be ..." -> 2023-12-21;
3. otherwise the most-mentioned year; with no year at all the value stays
   "--MM-DD".

A year's tense comes from a cue right before it ("compared to 2023", "pour
2025"), else the planning or review word nearest it in its own words ("review
the targets of 2025": targets), else the balance of grammatical cues ("will",
"was"), else the cues of its clause. Planning and review words outweigh
grammar because translated reports often write "In 2024, exports will reach"
about the past year.

The event date is the best date of the lead tied to the event (a part of day,
"On <date>", "Le <date>", a trigger word such as conference or attended in its
sentence), never a dateline.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from os.path import commonprefix
from typing import Literal

from .. import lexicons
from ..model import CleanDocument, DateMention, Span, Timing, YearMention
from .patterns import literal_heads, trie

Tense = Literal["past", "future", "unknown"]

# A clause ends at ";", a line end, ".!?" before a space (not "39.5") or ":" before no digit (not "03:22").
_CLAUSE_END = re.compile(r"[;\n]|[.!?](?![^ \n\t])|:(?!\d)")
# The commonest first: each mark found narrows the search for the others.
_CLAUSE_MARKS = "\n.;:!?"
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_SENTENCE_MARKS = "\n.!?"
_TRAILER = re.compile(r"[\s,|-]*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:\(?GMT[+-]?\d*\)?)?)?[\s|]*$")
_GRACE_DAYS = 7
_LEAD_PARAGRAPHS = 6
_LEAD_CHARS = 2000
_LEAD_MIN_CHARS = 600
_DATELINE_CHARS = 100
_WINDOW = 40
_WEEKDAY_CHARS = 20
_SEGMENT = 120
_JUST_BEFORE_CHARS = 40
_SHORT_LEAD_CHARS = 16
_MONTH_YEAR_CHARS = 12
# Keys the English and French lexicons leave out: their words, which every language read until Vietnamese.
_DEFAULT_YEAR_WORDS = ["the year", "l'année", "year"]
_DEFAULT_CONJUNCTIONS = ["and", "et"]
_DEFAULT_BEFORE_DAY = ["the"]

# Evidence weights: a cue right before the year decides, a planning/review word
# outweighs grammatical tense, and words of the whole clause count least.
_JUST_BEFORE, _STRONG, _WEAK = 4.0, 2.0, 1.0
_CLAUSE_FACTOR = 0.5


def _alternation(words: list[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def phrase_pattern(words: list[str] | set[str]) -> str:
    """Whole-word regex for lower-case phrases, as a trie: Python's re scans it far faster than a flat alternation."""
    return rf"\b{trie(w.lower() for w in words)}\b" if words else "(?!)"


def _is_word(text: str, i: int) -> bool:
    """Whether text[i] is a regex word character (out of range: no)."""
    if 0 <= i < len(text):
        c = text[i]
        return c.isalnum() or c == "_"
    return False


@dataclass(frozen=True, slots=True)
class Phrases:
    """Whole-word lower-case phrases found with str.find: what `phrase_pattern` matches, faster on a long text.

    A regex with a leading word boundary is tried at every position of the text; str.find skips to each
    occurrence in C. Worth it for a few phrases scanned over a whole report. Each scan of the text costs
    the most, so phrases that begin with a shorter one ("yesterday morning", "yesterday") are checked
    where it occurs instead of scanned for.
    """
    groups: tuple[tuple[str, bool, tuple[tuple[str, bool], ...]], ...]
    """Each head of the phrases (`patterns.literal_heads`, `_merged`), whether it opens with a word character,
    and the phrases that begin with it, each with whether it ends with one."""

    @classmethod
    def of(cls, words: list[str]) -> Phrases:
        phrases = {w.lower() for w in words if w}
        return cls(tuple((head, _is_word(head, 0),
                          tuple((w, _is_word(w, len(w) - 1)) for w in sorted(phrases) if w.startswith(head)))
                         for head in _merged(literal_heads(phrases))))

    def find(self, low: str) -> list[tuple[int, int]]:
        """(start, end) of each leftmost-longest, non-overlapping occurrence, as `re.finditer` gives them."""
        hits: list[tuple[int, int]] = []
        for head, opens_word, words in self.groups:
            i = low.find(head)
            while i != -1:
                # Every phrase of the group opens with the head: one test of the word edge before it serves
                # them all, and most occurrences ("end" in "attended") fail it.
                if _is_word(low, i - 1) != opens_word:
                    for word, closes_word in words:
                        end = i + len(word)
                        if low.startswith(word, i) and _is_word(low, end) != closes_word:
                            hits.append((i, end))
                i = low.find(head, i + 1)
        hits.sort(key=lambda h: (h[0], -h[1]))
        out: list[tuple[int, int]] = []
        for start, end in hits:
            if not out or start >= out[-1][1]:
                out.append((start, end))
        return out


def _merged(heads: tuple[str, ...]) -> list[str]:
    """`heads` where those sharing a prefix as long as the shortest head are replaced by that prefix: it is
    no more common in a text than the shortest head, and one scan for "connecti" serves "connection point"
    and "connecting point"."""
    shortest = min(map(len, heads), default=0)
    merged: list[str] = []
    for head in sorted(heads):
        common = commonprefix([merged[-1], head]) if merged else ""
        if len(common) >= shortest:
            merged[-1] = common
        else:
            merged.append(head)
    return merged


@lru_cache(maxsize=4)
def lower(text: str) -> str:
    """Lower case with the same offsets as `text`, and one kind of apostrophe.

    Cached: dates, tasks and the event setting each read the same report in lower case."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("’", "'")


def digit_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of ASCII digits, in order.

    A regex search tries every position of the text; finding each digit with str.find skips
    the text in C and is several times faster on a report, where digits are few.
    """
    positions = []
    for digit in "0123456789":
        i = text.find(digit)
        while i != -1:
            positions.append(i)
            i = text.find(digit, i + 1)
    positions.sort()
    runs = []
    start = end = -1
    for i in positions:
        if i != end:
            if start != -1:
                runs.append((start, end))
            start = i
        end = i + 1
    if start != -1:
        runs.append((start, end))
    return runs


def _cue_re(words: list[str]) -> re.Pattern[str] | None:
    return re.compile(phrase_pattern(words)) if words else None


@dataclass(frozen=True, slots=True)
class _Lang:
    month_before: re.Pattern[str] | None
    month_day: re.Pattern[str]
    day_month: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    capitalised: bool
    """Month names count only when written with a capital ("May 6", not "may 6")."""
    weekday: re.Pattern[str]
    short: re.Pattern[str] | None
    """A day and month without year ("6/1"); only for languages that write it."""
    short_lead: re.Pattern[str] | None
    """Words one of which must stand right before a date without year (None: none needed)."""
    month_year: re.Pattern[str] | None
    """The month word before "12/" in "tháng 12/2024", whose year is then a year mention."""
    months: dict[str, int]
    weekdays: dict[str, int]
    parts: dict[str, str]
    part_before: re.Pattern[str]
    part_after: re.Pattern[str] | None
    event_before: re.Pattern[str] | None
    event_words: re.Pattern[str] | None
    relative: Phrases
    relative_days: dict[str, int]
    just_before: re.Pattern[str]
    """A cue right before a year, matched on the reversed lower-case text before it (group `cue`, reversed)."""
    before_groups: dict[str, str]
    """Cue right before a year -> fh/fj/ph/pj: a future horizon, future, past horizon, past cue."""
    cues: re.Pattern[str]
    cue_labels: dict[str, int]
    """Cue phrase -> its kind: `_FS`, `_PS`, `_FW` or `_PW`."""
    after_cut: re.Pattern[str]
    """Where the words after a year stop being its own: a comma or a conjunction."""


# Kinds of tense cue, strong and weak future and past, numbered so that a clause's counts are a short list.
_FS, _PS, _FW, _PW = range(4)
_CUE_LABELS = ((_FS, "future", "strong"), (_PS, "past", "strong"), (_FW, "future", "weak"), (_PW, "past", "weak"))
_BEFORE_GROUPS = (("fh", "future", "horizon"), ("ph", "past", "horizon"), ("fj", "future", "just_before"),
                  ("pj", "past", "just_before"))


def _tense_res(tense: dict[str, dict[str, list[str]]], year_words: list[str]
               ) -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, int]]:
    before: dict[str, str] = {}
    for group, t, kind in _BEFORE_GROUPS:
        for word in tense.get(t, {}).get(kind, []):
            before.setdefault(word.lower(), group)
    labels: dict[str, int] = {}
    for label, t, kind in _CUE_LABELS:
        for word in tense.get(t, {}).get(kind, []):
            labels.setdefault(word.lower(), label)
    # Matched on the reversed text before a year, anchored at the year: one attempt instead of a search
    # through the window; the longest cue first, as the leftmost match of a forward search would be.
    reversed_before = _alternation([w[::-1] for w in before]) or "(?!)"
    reversed_years = _alternation([w[::-1] for w in year_words]) or "(?!)"
    return (re.compile(rf"\s+(?:(?:{reversed_years})\s+)?(?P<cue>{reversed_before})(?!\w)"), before,
            re.compile(phrase_pattern(list(labels))), labels)


@cache
def _lang(language: str) -> _Lang:
    lex = lexicons.toml(language, "dates") or lexicons.toml("en", "dates")
    events = lexicons.toml(language, "events") or lexicons.toml("en", "events")
    months = {k.lower(): int(v) for k, v in lex["months"].items()}
    weekdays = {k.lower(): int(v) for k, v in lex["weekdays"].items()}
    mon, wd = phrase_pattern(list(months)), phrase_pattern(list(weekdays))
    year_words = [w.lower() for w in lex.get("year_words", _DEFAULT_YEAR_WORDS)]
    year = rf"(?:,?\s+(?:(?:{_alternation(year_words)})\s+)?(?P<year>(?:19|20)\d\d)(?!\d))?"
    # Every pattern runs on lower-case text from a run of digits: that is what keeps the scan fast.
    month_before = re.compile(rf"(?P<mon>{mon})\.?\s+$") if lex.get("month_first") else None
    month_day = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?(?![\d:]){year}")
    day_month = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+)?(?P<mon>{mon})\.?{year}")
    numeric = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d/])")
    iso = re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mm>\d\d)-(?P<dd>\d\d)(?!\d)")
    links = lex.get("links", {})
    # A weekday (and "the") written before a date belongs to it: "Wednesday - 07/05/2025", "mardi 15 mars",
    # "thứ Năm (8/1)".
    day = _alternation(links.get("before_day", _DEFAULT_BEFORE_DAY)) or "(?!)"
    weekday = re.compile(rf"(?P<wd>{wd})\.?,?\s*(?:-\s*)?(?:\(\s*)?(?:(?:{day})\s+)?$")
    short_dates = lex.get("short_dates")
    short = short_lead = None
    if short_dates is not None:
        short = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/])")
        leads = [w.lower() for w in short_dates.get("after", [])] + list(weekdays)
        short_lead = re.compile(rf"(?<!\w)(?:{_alternation(leads) or '(?!)'})\s*[,(]?\s*$")
    month_year = (re.compile(rf"(?<!\w)(?:{_alternation(lex['month_year'])})\s*\d{{1,2}}/$")
                  if lex.get("month_year") else None)
    parts = {k.lower(): v for k, v in lex["parts_of_day"].items()}
    part = _alternation(parts)
    before_links = _alternation(links.get("before_date", [])) or "(?!)"
    after_links = _alternation(links.get("after_date", [])) or "(?!)"
    part_before = re.compile(
        rf"(?<!\w)(?P<part>{part})(?:\s*,\s*|\s*\(\s*|\s+(?:{before_links})\s+(?:the\s+)?|\s+)$", re.IGNORECASE)
    part_after = (re.compile(rf",?\s*(?:(?:{after_links})\s+)?(?P<part>{part})(?!\w)", re.IGNORECASE)
                  if lex.get("part_after_date", True) else None)
    event_cues = lex.get("event_cues", {})
    cues = event_cues.get("before", [])
    # "từ ngày 1/7" (from July 1) bounds a period: a cue right after such a word ties nothing to the event.
    not_after = "".join(f"(?<!{re.escape(w)} )" for w in event_cues.get("not_after", []))
    event_before = (re.compile(rf"(?:^|(?<!\w){not_after})(?:{_alternation(cues)})\s*,?\s*(?:the\s+)?$",
                               re.IGNORECASE) if cues else None)
    triggers = [w for t in events.get("trigger", []) for w in t.get("nouns", []) + t.get("verbs", [])]
    relative = {k.lower(): int(v) for k, v in lex.get("relative", {}).items()}
    tense = lex.get("tense", {})
    conjunctions = _alternation(lex.get("conjunctions", _DEFAULT_CONJUNCTIONS)) or "(?!)"
    return _Lang(month_before, month_day, day_month, numeric, iso, bool(lex.get("capitalised")), weekday,
                 short, short_lead, month_year, months, weekdays, parts, part_before, part_after, event_before,
                 _cue_re(triggers + events.get("cues", {}).get("verbs", [])),
                 Phrases.of(list(relative)), relative,
                 *_tense_res(tense, year_words), re.compile(rf",|\b(?:{conjunctions})\b"))


# --- years and their tense ---

@dataclass(frozen=True, slots=True)
class _Cues:
    """Tense cues of one clause, found once, counted per stretch of it."""
    starts: list[int]
    kinds: list[int]

    def tally(self, pos: int, *ranges: tuple[int, int]) -> tuple[int | None, list[int]]:
        """Kind of the strong cue nearest `pos` within `ranges` (the first of equals; None: none), and how many
        cues of each kind lie there."""
        counts = [0, 0, 0, 0]
        best: tuple[int, int] | None = None
        for a, b in ranges:
            for i in range(bisect_left(self.starts, a), bisect_left(self.starts, b)):
                kind = self.kinds[i]
                counts[kind] += 1
                if kind <= _PS and (best is None or abs(self.starts[i] - pos) < best[0]):
                    best = (abs(self.starts[i] - pos), kind)
        return (best[1] if best else None), counts


def _cues(lang: _Lang, low: str, start: int, end: int) -> _Cues:
    starts: list[int] = []
    kinds: list[int] = []
    for m in lang.cues.finditer(low, start, end):
        starts.append(m.start())
        kinds.append(lang.cue_labels[m.group()])
    return _Cues(starts, kinds)


def _decide(counts: list[int], factor: float) -> tuple[Tense, float, bool] | None:
    for future, past, weight in ((_FS, _PS, _STRONG), (_FW, _PW, _WEAK)):
        if counts[future] != counts[past]:
            return ("future" if counts[future] > counts[past] else "past"), weight * factor, weight == _STRONG
    return None


@dataclass(slots=True)
class _Year:
    mention: YearMention
    weight: float
    strong: bool
    """Decided by a cue right before it or by a planning/review word, not by grammar alone."""
    horizon: bool


def _cued_year(lang: _Lang, low: str, start: int, end: int) -> _Year | None:
    """A year with the tense of a cue right before it, if there is one."""
    cue = lang.just_before.match(low[max(0, start - _JUST_BEFORE_CHARS):start][::-1])
    if cue is None:
        return None
    group = lang.before_groups[cue.group("cue")[::-1]]
    mention = YearMention(Span(start, end), int(low[start:end]), "future" if group[0] == "f" else "past")
    return _Year(mention, _JUST_BEFORE, True, group[1] == "h")


def _year(low: str, start: int, end: int, cues: _Cues, own: tuple[tuple[int, int], ...],
          clause: list[int]) -> _Year:
    """A year without a cue right before it, with its tense: the nearest planning/review word of its own
    words, else the balance of grammatical cues, else the cues of its whole clause."""
    mention = YearMention(Span(start, end), int(low[start:end]))
    nearest, counts = cues.tally(start, *own)
    if nearest is not None:
        mention.tense = "future" if nearest == _FS else "past"
        return _Year(mention, _STRONG, True, False)
    decided = _decide(counts, 1.0) or _decide(clause, _CLAUSE_FACTOR)
    if decided is None:
        return _Year(mention, 0.0, False, False)
    mention.tense = decided[0]
    return _Year(mention, decided[1], decided[2], False)


def _last_edge(text: str, marks: str, edge: re.Pattern[str], start: int, end: int, cut: int) -> int:
    """Last position in [start, end) where `edge`, a single mark in context, matches text[:cut]; -1 if none.

    A regex search tries every position in the regex engine; str.rfind skips to each mark in C, and the
    last of one mark bounds the search for the others.
    """
    last = -1
    for mark in marks:
        i = text.rfind(mark, max(start, last + 1), end)
        while i != -1 and edge.match(text, i, cut) is None:  # "39.5", "03:22"
            i = text.rfind(mark, max(start, last + 1), i)
        if i != -1:
            last = i
    return last


def _first_edge(text: str, marks: str, edge: re.Pattern[str], start: int) -> int:
    """First position from `start` on where `edge`, a single mark in context, matches; len(text) if none.

    As `_last_edge`: each mark found bounds the search for the others.
    """
    end = len(text)
    for mark in marks:
        i = text.find(mark, start, end)
        while i != -1 and edge.match(text, i) is None:
            i = text.find(mark, i + 1, end)
        if i != -1:
            end = i
    return end


def _clause(text: str, marks: str, floor: int, pos: int) -> tuple[int, int]:
    """The clause holding `pos`, which starts at `floor` or after it; `marks`: the clause marks the text holds.

    Only the clauses holding a year are wanted: found around each year (back to the last clause end,
    on to the next), not by walking every clause of the report.
    """
    after_last = _last_edge(text, marks, _CLAUSE_END, floor, pos, len(text)) + 1
    return max(floor, after_last), _first_edge(text, marks, _CLAUSE_END, pos)


def _is_year(low: str, start: int, end: int, lang: _Lang) -> bool:
    """1950-2099 standing alone: not "2,024", "15/2024", "2024.5" or "2024/25"; "tháng 12/2024" is one."""
    if end - start != 4 or not 1950 <= int(low[start:end]) <= 2099:
        return False
    before = low[start - 2:start] if start >= 2 else " " + low[:start]
    after = low[end:end + 2]
    if before.endswith("/"):
        return (lang.month_year is not None and not after.startswith("/")
                and lang.month_year.search(low, max(0, start - _MONTH_YEAR_CHARS), start) is not None)
    return not ((before[-1:] in ".," and before[:1].isdigit())
                or after.startswith("/") or (after[:1] in ".," and after[1:2].isdigit()))


def _years(text: str, language: str, low: str, digits: list[tuple[int, int]], dates: list[_Raw]) -> list[_Year]:
    lang = _lang(language)
    # Most runs of digits are not years: the length test spares a call for each of them.
    fours = [d for d in digits if d[1] - d[0] == 4]
    starts = [d[0] for d in fours]
    in_dates = {i for r in dates if r.year is not None
                for i in range(bisect_left(starts, r.start), bisect_left(starts, r.end))}
    found = [d for i, d in enumerate(fours) if i not in in_dates and _is_year(low, *d, lang)]
    if not found:
        return []
    out: list[_Year] = []
    # Most reports lack some marks (";", "!"): looking for them around every year would scan the text each time.
    marks = "".join(mark for mark in _CLAUSE_MARKS if mark in text)
    c_start = c_end = -1
    cues: _Cues | None = None
    clause: list[int] = []
    for i, (start, end) in enumerate(found):
        if start >= c_end:
            c_start, c_end = _clause(text, marks, c_end + 1, start)
            cues = None
        year = _cued_year(lang, low, start, end)
        if year is not None:
            out.append(year)
            continue
        if cues is None:
            # Only clauses holding a year without a cue before it are read for cues; a year's own words
            # lie inside its clause.
            cues = _cues(lang, low, c_start, c_end)
            clause = cues.tally(c_start, (c_start, c_end))[1]
        prev_end = found[i - 1][1] if i and found[i - 1][1] > c_start else c_start
        nxt = found[i + 1][0] if i + 1 < len(found) and found[i + 1][0] < c_end else None
        # The words after a year belong to it only when no other year of the clause follows.
        cut = lang.after_cut.search(text, end, nxt) if nxt is not None else None
        after_end = c_end if nxt is None else cut.start() if cut else nxt
        own = ((max(prev_end, start - _SEGMENT), start), (end, min(after_end, end + _SEGMENT)))
        out.append(_year(low, start, end, cues, own, clause))
    return out


def find_years(text: str, language: str = "en") -> list[YearMention]:
    """Every year 1950-2099 used as a year (not the year of a written date), with its tense."""
    low = lower(text)
    digits = digit_runs(low)
    return [y.mention for y in _years(text, language, low, digits, _raw_dates(text, _lang(language), low, digits))]


def _boundary(years: list[_Year]) -> tuple[int | None, int | None]:
    """(B, M): the year whose 1 January separates reviewed from planned, and the most-mentioned year."""
    if not years:
        return None, None
    counts: dict[int, int] = {}
    for y in years:
        counts[y.mention.year] = counts.get(y.mention.year, 0) + 1
    most = max(counts, key=lambda y: (counts[y], y))
    # Year -> [weight of strong evidence, weight of all evidence], for each tense.
    evidence: dict[str, dict[int, list[float]]] = {"future": {}, "past": {}}
    for y in years:
        if y.horizon or abs(y.mention.year - most) > 1 or y.mention.tense == "unknown":
            continue
        weights = evidence[y.mention.tense].setdefault(y.mention.year, [0.0, 0.0])
        weights[0] += y.weight if y.strong else 0.0
        weights[1] += y.weight
    future, past = evidence["future"], evidence["past"]
    # Planning and review words outrank grammar: "In 2024, exports will reach ..." may be about the past.
    planned = min(future, key=lambda y: (-future[y][0], -future[y][1], y)) if future else None
    past_years = [year for year in past if planned is None or year < planned]
    reviewed = max(past_years, key=lambda y: (past[y][0], past[y][1], y)) if past_years else None
    if planned is not None and (reviewed is None or planned == reviewed + 1):
        return planned, most
    if reviewed is not None:
        return reviewed + 1, most
    return None, most


# --- dates ---

def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    month: int
    day: int
    year: int | None
    weekday: int | None
    part: str | None = None
    numeric: bool = False
    dateline: bool = False
    event_cue: bool = False
    offset: int | None = None
    """Days from publication, for relative words."""


def _numeric(a: int, b: int, year: int, weekday: int | None) -> tuple[int, int] | None:
    day_first = _make(year, b, a)
    month_first = _make(year, a, b)
    if day_first and (weekday is None or day_first.weekday() == weekday or not month_first
                      or month_first.weekday() != weekday):
        return b, a
    return (a, b) if month_first else None


def _date_at(text: str, low: str, start: int, end: int, lang: _Lang) -> _Raw | None:
    """The date written around the run of digits low[start:end], if any."""
    digits = low[start:end]
    before = low[start - 1] if start else " "
    m = month_before = None
    if len(digits) == 4:
        if before not in "/.-" and (m := lang.iso.match(low, start)):
            month, day, numeric = int(m.group("mm")), int(m.group("dd")), True
    elif len(digits) <= 2:
        if before not in "/." and (m := lang.numeric.match(low, start)):
            numeric = True
        elif before not in "/.," and (m := lang.day_month.match(low, start)):
            numeric = False
        elif lang.month_before and (month_before := lang.month_before.search(low, max(0, start - 12), start)):
            m, numeric = lang.month_day.match(low, start), False
        elif lang.short is not None and before not in "/.-" and (m := lang.short.match(low, start)):
            numeric = True
    if m is None:
        return None
    year = int(m.group("year")) if m.re is not lang.short and m.group("year") else None
    if year is None and lang.short_lead is not None and not lang.short_lead.search(
            low, max(0, start - _SHORT_LEAD_CHARS), start):
        return None
    mon = month_before or (m if not numeric else None)
    if mon is not None:
        if lang.capitalised and not text[mon.start("mon")].isupper():
            return None
        month, day = lang.months[mon.group("mon")], int(digits)
    begin = month_before.start() if month_before else start
    wd = lang.weekday.search(low, max(0, begin - _WEEKDAY_CHARS), begin)
    weekday = lang.weekdays[wd.group("wd")] if wd else None
    if m.re is lang.numeric:
        md = _numeric(int(m.group("a")), int(m.group("b")), year or 0, weekday)
        if md is None:
            return None
        month, day = md
    elif m.re is lang.short:  # day first, as every language that writes "6/1" does
        month, day = int(m.group("b")), int(m.group("a"))
    if not _make(year or 2000, month, day):
        return None
    return _Raw(wd.start() if wd else begin, m.end(), month, day, year, weekday, numeric=numeric)


def _raw_dates(text: str, lang: _Lang, low: str, digits: list[tuple[int, int]]) -> list[_Raw]:
    kept: list[_Raw] = []
    for start, end in digits:
        if kept and start < kept[-1].end:
            continue
        if end - start == 3 or end - start > 4:  # a date opens with a day or an ISO year: skip other figures at once
            continue
        raw = _date_at(text, low, start, end, lang)
        if raw is not None:
            kept.append(raw)
    return kept


def _paragraph_bounds(doc: CleanDocument) -> list[tuple[int, int]]:
    if doc.paragraphs:
        return [(p.start, p.end) for p in doc.paragraphs]
    bounds, pos = [], 0
    for line in doc.text.split("\n"):
        bounds.append((pos, pos + len(line)))
        pos += len(line) + 1
    return bounds


def _annotate(text: str, raw: list[_Raw], lang: _Lang, paragraphs: list[tuple[int, int]]) -> None:
    for r in raw:
        p_start, p_end = next(((s, e) for s, e in paragraphs if s <= r.start <= e), (0, len(text)))
        window_start = max(p_start, r.start - _WINDOW)
        sentence_start = _last_edge(text, _SENTENCE_MARKS, _SENTENCE_END, window_start, r.start, r.start) + 1
        window = text[max(window_start, sentence_start):r.start]
        before = lang.part_before.search(window)
        after = lang.part_after.match(text, r.end, p_end) if lang.part_after is not None else None
        hit = before or after
        r.part = lang.parts[hit.group("part").lower()] if hit else None
        r.event_cue = bool(lang.event_before and lang.event_before.search(window))
        r.dateline = _is_dateline(text, r, p_start, p_end)


def _is_dateline(text: str, r: _Raw, p_start: int, p_end: int) -> bool:
    """A stamp, not a sentence: a short paragraph ending with a dated stamp ("Wednesday - 07/05/2025 03:22")."""
    if r.year is None or p_end - p_start > _DATELINE_CHARS:
        return False
    rest = text[r.end:p_end]
    if _TRAILER.fullmatch(rest) is None or text[p_start:r.start].rstrip().endswith((".", "!", "?")):
        return False
    return r.numeric or r.weekday is not None or any(c.isdigit() for c in rest)


def _relative(low: str, raw: list[_Raw], lang: _Lang) -> list[_Raw]:
    out = []
    for start, end in lang.relative.find(low):
        near = any(-3 <= r.start - end <= 3 or r.start <= start < r.end for r in raw)
        if near or low.startswith("'", end):
            continue
        phrase = low[start:end]
        part = next((v for k, v in lang.parts.items() if k in phrase), None)
        out.append(_Raw(start, end, 0, 0, None, None, part, offset=lang.relative_days[phrase]))
    return out


def _parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _resolve(r: _Raw, anchor: dt.date | None, boundary: int | None, most: int | None) -> dt.date | None:
    if r.offset is not None:
        return anchor + dt.timedelta(days=r.offset) if anchor else None
    if r.year is not None:
        return _make(r.year, r.month, r.day)
    if anchor is not None:
        limit = anchor + dt.timedelta(days=_GRACE_DAYS)
        candidates = [_make(y, r.month, r.day) for y in (anchor.year + 1, anchor.year, anchor.year - 1)]
        candidates = [c for c in candidates if c and c <= limit]
    elif boundary is not None:
        pivot = dt.date(boundary, 1, 1)
        candidates = sorted((c for c in (_make(boundary, r.month, r.day), _make(boundary - 1, r.month, r.day)) if c),
                            key=lambda c: abs((c - pivot).days))
    elif most is not None:
        candidates = [c for c in (_make(most, r.month, r.day),) if c]
    else:
        return None
    if r.weekday is not None:
        matching = [c for c in candidates if c.weekday() == r.weekday]
        candidates = matching or candidates
    return candidates[0] if candidates else None


# --- the event date ---

def _lead_end(paragraphs: list[tuple[int, int]]) -> int:
    """End of the lead: the first paragraphs, at least _LEAD_MIN_CHARS (headlines are short), at most _LEAD_CHARS."""
    end = paragraphs[min(_LEAD_PARAGRAPHS, len(paragraphs)) - 1][1] if paragraphs else 0
    return min(max(end, _LEAD_MIN_CHARS), _LEAD_CHARS)


def _sentence(text: str, start: int, end: int) -> str:
    left = _last_edge(text, _SENTENCE_MARKS, _SENTENCE_END, max(0, start - 400), start, start) + 1
    return text[left:_first_edge(text, _SENTENCE_MARKS, _SENTENCE_END, end)]


def _event_score(low: str, r: _Raw, lang: _Lang) -> int:
    score = 2 * (r.part is not None) + 2 * r.event_cue
    if lang.event_words is not None and lang.event_words.search(_sentence(low, r.start, r.end)):
        score += 2
    return score


def _event_date(low: str, raw: list[tuple[_Raw, dt.date]], lang: _Lang,
                paragraphs: list[tuple[int, int]]) -> tuple[_Raw, dt.date] | None:
    lead_end = _lead_end(paragraphs)
    best: tuple[int, _Raw, dt.date] | None = None
    for r, value in raw:
        if r.dateline or r.start > lead_end:
            continue
        score = _event_score(low, r, lang)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, r, value)
    return (best[1], best[2]) if best else None


def find_dates(doc: CleanDocument) -> tuple[list[DateMention], list[YearMention], Timing]:
    text, lang = doc.text, _lang(doc.language)
    low = lower(text)
    digits = digit_runs(low)
    raw = _raw_dates(text, lang, low, digits)
    years = _years(text, doc.language, low, digits, raw)
    paragraphs = _paragraph_bounds(doc)
    _annotate(text, raw, lang, paragraphs)
    published = _parse_published(doc.published)
    dateline = next((_make(r.year, r.month, r.day) for r in raw if r.dateline and r.year), None)
    anchor = published or dateline
    raw = sorted(raw + (_relative(low, raw, lang) if anchor else []), key=lambda r: r.start)
    boundary, most = _boundary(years)
    mentions: list[DateMention] = []
    resolved: list[tuple[_Raw, dt.date]] = []
    for r in raw:
        value = _resolve(r, anchor, boundary, most)
        if value is not None:
            resolved.append((r, value))
        iso = value.isoformat() if value else f"--{r.month:02d}-{r.day:02d}"
        mentions.append(DateMention(Span(r.start, r.end), text[r.start:r.end], iso,
                                    year_inferred=r.year is None, part_of_day=r.part))
    event = _event_date(low, resolved, lang, paragraphs)
    timing = Timing()
    if event is not None:
        timing.event_date, timing.event_date_span = event[1].isoformat(), Span(event[0].start, event[0].end)
    if event is None and anchor is None and boundary is not None:
        timing.focal_date = dt.date(boundary, 1, 1).isoformat()
    timing.reference_year = (event[1].year if event else anchor.year if anchor
                             else boundary if boundary is not None else most)
    return mentions, [y.mention for y in years], timing
