"""Figures tied to what they measure, when and where: claims.

A figure becomes a claim only when an indicator rule of its language names what
it measures (precision first: "among the 12 leading economies" is a number, not a
claim). Cues are looked for inside the figure's clause: the counted noun right
after the number first ("21 visits to other countries"), then the cue nearest
to the left ("FDI … reached 1.75 billion USD"). A clause that only continues
the one before it (", an increase of 39.5%") may borrow its cue from earlier
clauses of the sentence.

The period is the year governing the figure's clause or sentence, never a
baseline ("compared to 2023") nor a horizon ("vision to 2045"); relative
periods ("in the past 3 years") count back from the report's reference year;
otherwise the figure inherits the nearest year stated before its sentence.
Targets take the year they are set for, running totals only a year of their
own sentence. The scope is a province or city of the figure's clause or
sentence, or the one a paragraph opens with ("For X province, …"), else the
country the text is about.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass, replace
from functools import cache
from typing import Generic, TypeVar

from ..lexicons import toml
from ..model import Claim, CleanDocument, Figure, PlaceMention, Span, Timing, YearMention
from ..text import lower_text
from .numbers import alternation, fragment, lexicon_language, number_value
from .patterns import trie, word_starts

DEFAULT_COUNTRY = "VN"
FALLBACK_WORDS = 4
"""A clause with at most this many words before its figure continues the clause before it."""
RIGHT_GAP_WORDS = 2
"""Words allowed between a number and the counted noun that names its indicator."""
YEAR_WINDOW = 60
"""Characters looked at before a year to tell a baseline, horizon or plan from a period."""
LOCAL_KINDS = ("province", "city")
KINDS = ("%", "count", "money")
"""What a figure is to an indicator rule: a share, a count, an amount of money."""
BLOCKER = "-"


@dataclass(frozen=True, slots=True)
class Rx:
    """A compiled regex with strings one of which its every match contains (None: unknown).

    Most regexes here look for a few words that most stretches of text lack; finding none of
    them is much faster than running the regex, which is then skipped."""
    rx: re.Pattern[str]
    strings: tuple[str, ...] | None
    finder: re.Pattern[str] | None
    """Any of `strings`, as one regex."""

    @classmethod
    def of(cls, rx: re.Pattern[str]) -> Rx:
        strings = required_strings(rx)
        return cls(rx, strings, re.compile(trie(strings)) if strings else None)

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
        hi = len(text) if hi is None else hi
        # none of the strings, no match: finding that out is much faster than running the regex
        if self.finder is not None and self.finder.search(text, lo, hi) is None:
            return None
        return self.rx.search(text, lo, hi)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    order: int
    units: frozenset[str]
    left: Rx | None
    right: Rx | None
    need: Rx | None
    veto: Rx | None
    change: str
    change_id: str | None
    target_id: str | None
    can_target: bool
    stock: bool
    unit: str | None


K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class CueStrings(Generic[K]):
    """The strings that some regexes require (see `required_strings`), each regex known by a key: the cues of
    each rule on one side of figures, what rules need in a clause or veto there, relative periods. All are
    found in one scan: most regexes have none of theirs near a figure, and are then skipped without a search."""
    finder: re.Pattern[str]
    """Any such string, the longest at its offset."""
    matching: dict[str, tuple[K, ...]]
    """Such a string -> the regexes that may match there: those requiring it or a prefix of it."""
    always: tuple[K, ...]
    """Regexes that require no known string: looked for everywhere."""

    @classmethod
    def of(cls, regexes: dict[K, Rx]) -> CueStrings[K]:
        strings = {s for rx in regexes.values() for s in rx.strings or ()}
        return cls(re.compile(trie(strings)),
                   {s: tuple(key for key, rx in regexes.items() if any(s.startswith(p) for p in rx.strings or ()))
                    for s in strings},
                   tuple(key for key, rx in regexes.items() if rx.strings is None))

    def possible(self, text: str, lo: int, hi: int) -> set[K]:
        """The regexes that may match within text[lo:hi]."""
        found = set(self.always)
        pos = lo
        # strings may overlap ("export" in "exports", "port" inside it): each offset is looked at
        while (m := self.finder.search(text, pos, hi)):
            found.update(self.matching[m.group()])
            pos = m.start() + 1
        return found


def _regexes(rules: tuple[Rule, ...], side: str) -> dict[int, Rx]:
    """The regexes of rules on one side ("left", "right", "need" or "veto"), by rule order."""
    return {rule.order: rx for rule in rules if (rx := getattr(rule, side)) is not None}


@dataclass(frozen=True, slots=True)
class Context:
    """The compiled claims lexicon of one language."""
    language: str
    rules: tuple[Rule, ...]
    candidates: dict[tuple[str, bool], dict[int, tuple[Rule, str]]]
    """(figure kind, is a change) -> the rules that take such a figure, by order (and in it), with the indicator
    each gives."""
    left_strings: CueStrings[int]
    right_strings: CueStrings[int]
    needing: frozenset[int]
    """The rules with something a clause must have."""
    clause_strings: CueStrings[tuple[str, int]]
    """What rules need and what they veto, by ("need" or "veto", rule order): both are looked for in the same
    clauses."""
    boundary: re.Pattern[str]
    """Clause boundaries, as one pattern: what `_boundaries` gives, found slower (see there)."""
    marks: re.Pattern[str]
    """The boundaries that punctuation makes, a dash's without the space before it."""
    clause_words: re.Pattern[str]
    """The boundaries that a word makes, without the look-behind (see `patterns.word_starts`)."""
    continuation: re.Pattern[str]
    target: Rx
    target_after: re.Pattern[str] | None
    before_year: dict[str, Rx]
    """What the text before a year may end with, by what it makes the year: "date" (the year of a written
    date, no period), "baseline", "horizon" or "plan"."""
    before_year_strings: CueStrings[str]
    """The strings of `before_year`: all are looked for in one scan before each year."""
    plan_after: re.Pattern[str] | None
    year_range: re.Pattern[str]
    relative: tuple[tuple[str, Rx], ...]
    relative_strings: CueStrings[int]
    """The strings of `relative`, by index: looked for in each sentence with figures."""
    scope_intro: re.Pattern[str]
    national: Rx


@dataclass(frozen=True, slots=True)
class When:
    """A stated period: a year or range, and what it is to the figures around it."""
    start: int
    end: int
    period: str
    role: str
    """"period", "plan" (what is planned for it), "baseline" or "horizon"."""


_WORD_CHAR = re.compile(r"\w")


def _boundaries(text: str, lo: int, hi: int, ctx: Context) -> list[tuple[int, int]]:
    """The spans of `ctx.boundary` in text[lo:hi], as `finditer` gives them.

    That pattern gives the engine no first characters to jump to (an alternative opens with a class, another
    with a look-behind), so it is tried whole at every position; its marks and its words are searched apart,
    each jumping to the characters that may start it. Where no mark overlaps a word, the two searches' matches
    are those of the whole pattern.
    """
    found = sorted([(m.start() - 1 if m.lastgroup else m.start(), m.end()) for m in ctx.marks.finditer(text, lo, hi)
                    if not m.lastgroup or m.start() > lo]
                   + [m.span() for m in word_starts(ctx.clause_words, text, _WORD_CHAR, lo, hi)])
    if any(a[1] > b[0] for a, b in zip(found, found[1:])):
        return [m.span() for m in ctx.boundary.finditer(text, lo, hi)]
    return found


def _rx(entries: list[str]) -> Rx | None:
    return Rx.of(re.compile(alternation(entries))) if entries else None


def required_strings(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `rx` contains, None when that cannot be told.

    Scanning a sentence for each rule's cues is the costly part of finding claims; most rules
    have none of their words in a given sentence, which a plain substring search tells much faster.
    Read from the parsed pattern (the standard library's own parser; any surprise gives None).
    """
    if rx.flags & re.IGNORECASE:
        return None
    try:
        from re import _parser
        found = _required(list(_parser.parse(rx.pattern, rx.flags)))
    except Exception:  # a parser that changed with the Python version: do without the shortcut
        return None
    # a string that holds another is found wherever that one is: the shorter suffices
    return tuple(sorted(s for s in found if not any(t != s and t in s for t in found))) if found else None


RUN_OPTIONS = 16
"""The most strings a run of literal text may stand for before it is cut (see `_required`)."""


def _required(items: list) -> set[str] | None:
    """Required strings of a parsed sequence: its most telling literal run or group, None if it has none.

    A run may be one of a few strings: a class of a few letters goes on with each ("t[ỷỉ] lệ"), and so do
    the literal openings of a branch after it ("c(?:ông|hính)": the parser moves a prefix that all the
    alternatives share out of them, which alone would be a short and common string)."""
    from re import _constants as sre
    best: set[str] | None = None
    runs = {""}

    def consider(option: set[str] | None) -> None:
        nonlocal best
        if option and "" not in option and (best is None or min(map(len, option)) > min(map(len, best))):
            best = option

    for op, av in items:
        if op is sre.LITERAL:
            runs = {r + chr(av) for r in runs}
            continue
        if op is sre.IN and all(o is sre.LITERAL for o, _ in av) and len(runs) * len(av) <= RUN_OPTIONS:
            runs = {r + chr(c) for r in runs for _, c in av}
            continue
        if op is sre.BRANCH and "" not in runs:
            openings = {_opening(list(alt)) for alt in av[1]}
            if "" not in openings and len(runs) * len(openings) <= RUN_OPTIONS:
                consider({r + o for r in runs for o in openings})
        consider(runs)
        runs = {""}
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            consider(_required(list(av[-1])))
        elif op is sre.BRANCH:
            alternatives = [_required(list(alt)) for alt in av[1]]
            if all(alternatives):
                consider(set().union(*alternatives))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            consider(_required(list(av[2])))
    consider(runs)
    return best


def _opening(items: list) -> str:
    """The literal text a parsed sequence opens with."""
    from re import _constants as sre
    out = ""
    for op, av in items:
        if op is not sre.LITERAL:
            break
        out += chr(av)
    return out


def _rule(order: int, raw: dict) -> Rule:
    return Rule(id=raw["id"], order=order, units=frozenset(raw["units"]), left=_rx(raw.get("left", [])),
                right=_rx(raw.get("right", [])), need=_rx(raw.get("need", [])), veto=_rx(raw.get("veto", [])),
                change=raw.get("change", "level"), change_id=raw.get("change_id"), target_id=raw.get("target_id"),
                can_target=raw.get("target", True), stock=raw.get("stock", False), unit=raw.get("unit"))


def _months(lang: str) -> str | None:
    names = list(toml(lang, "dates").get("months", {}))
    return alternation(names, literal=True) if names else None


@cache
def context(language: str) -> Context:
    lang = lexicon_language(language)
    lex = toml(lang, "claims")
    # lexicon regexes are lower case and run on the lower-cased text: much faster than ignoring case
    months = _months(lang)
    ordinals = alternation(toml(lang, "numbers")["ordinal_suffixes"])
    fillers = alternation(lex["baseline_fillers"])
    hedges = toml(lang, "hedges")["ranges"]
    joiners = alternation(hedges["and"] + hedges["to"] + hedges["between"])
    # "từ năm 2021 đến năm 2025": the word for "year" may stand before the second year too
    year_word = alternation(toml(lang, "dates").get("year_words", []))
    rules = tuple(_rule(i, r) for i, r in enumerate(toml(lang, "indicators")["rule"]))
    relative = tuple((r["kind"], Rx.of(re.compile(fragment(r["pattern"])))) for r in lex.get("relative", []))
    before_year = {
        "baseline": Rx.of(re.compile(rf"(?<![\w]){alternation(lex['baseline'])}\s+(?:{fillers}\s+)*\Z")),
        "horizon": Rx.of(re.compile(rf"(?<![\w]){alternation(lex['horizon'])}\s+\Z")),
        "plan": Rx.of(re.compile(rf"(?<![\w]){alternation(lex['plan_before'])}\b[^.;:\d\n]{{0,30}}\Z")),
    }
    if months:
        before_year["date"] = Rx.of(re.compile(rf"(?:{months})\.?\s+\d{{1,2}}(?:{ordinals})?,?\s*\Z"
                                               rf"|\d{{1,2}}(?:{ordinals})?\s+(?:{months})\s+\Z"))
    return Context(
        language=lang,
        rules=rules,
        candidates={(kind, change): {rule.order: (rule, ind) for rule in rules
                                     if (ind := _indicator(rule, kind, change))}
                    for kind in KINDS for change in (False, True)},
        left_strings=CueStrings.of(_regexes(rules, "left")),
        right_strings=CueStrings.of(_regexes(rules, "right")),
        needing=frozenset(rule.order for rule in rules if rule.need),
        clause_strings=CueStrings.of({(side, order): rx for side in ("need", "veto")
                                      for order, rx in _regexes(rules, side).items()}),
        boundary=re.compile(rf"[;:\[\]]|,(?=\s)|\s[-–—]\s|(?<![\w]){alternation(lex['clause_words'])}(?![\w])"),
        # one class of rare characters first, then which of them it was: the engine jumps from one to the
        # next instead of trying each space; a dash's match lacks the space before it (see `_boundaries`)
        marks=re.compile(r"[;:\[\],\-–—](?:(?<=[;:\[\]])|(?<=,)(?=\s)|(?P<dash>(?<=\s[-–—])\s))"),
        clause_words=re.compile(rf"{alternation(lex['clause_words'])}(?![\w])"),
        continuation=re.compile(rf"\W*{alternation(lex['continuations'])}(?![\w])"),
        target=Rx.of(re.compile(rf"(?<![\w]){alternation(lex['target'])}(?![\w])")),
        target_after=re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{alternation(lex['target_after'])}(?![\w])")
        if lex.get("target_after") else None,
        before_year=before_year,
        before_year_strings=CueStrings.of(before_year),
        plan_after=re.compile(rf"\s+{alternation(lex['plan_after'])}(?![\w])") if lex.get("plan_after") else None,
        year_range=re.compile(rf"\s*(?:{joiners})\s*(?:{year_word}\s+)?((?:19|20)\d\d)(?!\d)"),
        relative=relative,
        relative_strings=CueStrings.of(dict(enumerate(rx for _, rx in relative))),
        national=Rx.of(re.compile(rf"(?<![\w]){alternation(lex['national'])}(?![\w])")),
        scope_intro=re.compile(rf"\W*{alternation(lex['scope_intro'])}\s+"
                               rf"(?:{alternation(lex['scope_fillers'])}\s+)?\Z"),
    )


# --- periods ---------------------------------------------------------------

def _periods(text: str, years: list[YearMention], timing: Timing, ctx: Context, spans: list[Span]) -> list[When]:
    """Every stated period; relative ones ("in the past 3 years") only within `spans`, where figures are."""
    out: list[When] = []
    taken = 0
    for y in sorted(years, key=lambda y: y.span.start):
        s, e = y.span.start, y.span.end
        if s < taken:
            continue
        rng = ctx.year_range.match(text, e)
        if rng and y.year < int(rng.group(1)) <= y.year + 50:
            taken = rng.end()
            out.append(When(s, rng.end(), f"{y.year}-{rng.group(1)}", "period"))
            continue
        lo = max(0, s - YEAR_WINDOW)
        before = _before_year(text, lo, s, ctx)
        if "date" in before:
            continue
        out.append(When(s, e, str(y.year), _year_role(text, e, before, ctx)))
    ref = timing.reference_year
    if ref is not None:
        for span in spans:
            possible = ctx.relative_strings.possible(text, span.start, span.end)
            for i, (kind, rx) in enumerate(ctx.relative):
                if i not in possible:
                    continue
                for m in rx.rx.finditer(text, span.start, span.end):
                    period = _relative(kind, m, ref, ctx.language)
                    if period:
                        out.append(When(m.start(), m.end(), period, "period"))
    return sorted(out, key=lambda w: w.start)


def _before_year(text: str, lo: int, s: int, ctx: Context) -> set[str]:
    """What text[lo:s], before a year, ends with (see `Context.before_year`)."""
    return {name for name in ctx.before_year_strings.possible(text, lo, s)
            if ctx.before_year[name].rx.search(text, lo, s)}


def _year_role(text: str, e: int, before: set[str], ctx: Context) -> str:
    if "baseline" in before:
        return "baseline"
    if "horizon" in before:
        return "horizon"
    if "plan" in before or (ctx.plan_after and ctx.plan_after.match(text, e)):
        return "plan"
    return "period"


def _relative(kind: str, m: re.Match[str], ref: int, language: str) -> str | None:
    if kind == "last_year":
        return str(ref - 1)
    if kind == "this_year":
        return str(ref)
    n = number_value(m.group("n"), language)
    if n is None or not 1 <= n <= 50 or n != int(n):
        return None
    return str(ref) if n == 1 else f"{ref - int(n) + 1}-{ref}"


@dataclass(frozen=True, slots=True)
class Periods:
    """The stated periods of a document in order, with their starts for bisecting: a figure looks
    only at those near it, not at every year of a long report."""
    whens: list[When]
    starts: list[int]

    @classmethod
    def of(cls, whens: list[When]) -> Periods:
        return cls(whens, [w.start for w in whens])

    def starting(self, lo: int, hi: int) -> list[When]:
        """The periods starting in [lo, hi]."""
        return self.whens[bisect_left(self.starts, lo):bisect_right(self.starts, hi)]

    def last(self, role: str, pos: int) -> When | None:
        """The last period of `role` ending by `pos`."""
        for w in reversed(self.whens[:bisect_right(self.starts, pos)]):
            if w.role == role and w.end <= pos:
                return w
        return None


def _nearest(periods: Periods, roles: tuple[str, ...], lo: int, hi: int, f: Figure) -> When | None:
    """The period of `roles` in [lo, hi] nearest the figure, looking left first."""
    left = [w for w in periods.starting(lo, f.start) if w.role in roles and w.end <= f.start]
    if left:
        return max(left, key=lambda w: w.end)
    return next((w for w in periods.starting(f.end, hi) if w.role in roles and w.end <= hi), None)


def _period(f: Figure, clause: Span, sentence: Span, periods: Periods, target: bool, stock: bool,
            timing: Timing) -> str | None:
    roles = ("period", "plan", "horizon") if target else ("period", "plan")
    for lo, hi in ((clause.start, clause.end), (sentence.start, sentence.end)):
        if (w := _nearest(periods, roles, lo, hi, f)):
            return w.period
    if target:
        plan = periods.last("plan", f.start) or next((w for w in periods.whens if w.role == "plan"), None)
        if plan:
            return plan.period
        return str(timing.reference_year) if timing.reference_year is not None else None
    if stock:
        return None
    before = periods.last("period", sentence.start)
    return before.period if before else None


# --- sentences and clauses -------------------------------------------------

def _sentences(doc: CleanDocument) -> list[Span]:
    """The document's sentences, rejoined where a split fell on a decimal point ("7." + "2 million")."""
    out: list[Span] = []
    text = doc.text
    for s in doc.sentences:
        if (out and out[-1].end == s.start and s.start < len(text) and text[s.start].isdigit()
                and text[out[-1].end - 1] == "." and out[-1].end > 1 and text[out[-1].end - 2].isdigit()):
            out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(s)
    return out


def _containing(spans: list[Span], starts: list[int], pos: int) -> Span | None:
    i = bisect_right(starts, pos) - 1
    return spans[i] if i >= 0 and spans[i].start <= pos < spans[i].end else None


class Sentence:
    """One sentence with the figures in it; clause boundaries and cue matches are found once."""

    def __init__(self, text: str, span: Span, inside: list[Figure], ctx: Context) -> None:
        """`inside`: the figures starting in the sentence, whose commas and dashes are no boundaries."""
        self.text = text
        self.span = span
        self.ctx = ctx
        # `inside` is in order of start: an offset lies in a figure when the figures starting by it reach past it
        starts, reach, furthest = [], [], -1
        for f in inside:
            furthest = max(furthest, f.end)
            starts.append(f.start)
            reach.append(furthest)
        self.boundaries = [b for b in _boundaries(text, span.start, span.end, ctx)
                           if (i := bisect_right(starts, b[0]) - 1) < 0 or reach[i] <= b[0]]
        self._left_rules: set[int] | None = None
        self._left: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}
        self._blocked: dict[tuple[int, int], frozenset[int]] = {}

    def left_rules(self) -> set[int]:
        """The rules whose left cues may lie in the sentence."""
        if self._left_rules is None:
            self._left_rules = self.ctx.left_strings.possible(self.text, self.span.start, self.span.end)
        return self._left_rules

    def left_cues(self, order: int) -> tuple[list[int], list[tuple[int, int]]]:
        """The left cues of one rule in the sentence as (start, end), in order, with their ends for bisecting:
        found once, and only for the rules that some figure of the sentence may take."""
        if (cues := self._left.get(order)) is None:
            rx = self.ctx.rules[order].left.rx  # type: ignore[union-attr]
            spans = [m.span() for m in rx.finditer(self.text, self.span.start, self.span.end)]
            cues = self._left[order] = ([end for _, end in spans], spans)
        return cues

    def blocked(self, clause: Span) -> frozenset[int]:
        """The rules that `clause` lacks what they need for, or has what they veto."""
        key = (clause.start, clause.end)
        if (blocked := self._blocked.get(key)) is None:
            ctx, text, lo, hi = self.ctx, self.text, clause.start, clause.end
            # searched in the clause cut out, as a regex at its edges must see it
            body = text[lo:hi]
            possible = ctx.clause_strings.possible(text, lo, hi)
            needed = {order for side, order in possible if side == "need"}
            lacking = [order for order in needed
                       if not ctx.rules[order].need.rx.search(body)]  # type: ignore[union-attr]
            vetoed = [order for side, order in possible
                      if side == "veto" and ctx.rules[order].veto.rx.search(body)]  # type: ignore[union-attr]
            blocked = self._blocked[key] = ctx.needing.difference(needed).union(lacking, vetoed)
        return blocked


def _clause(text: str, sent: Sentence, f: Figure) -> Span:
    """The clause of `f`: a parenthesis it stands in, else the stretch between clause boundaries,
    read past any parenthesis ("FDI (foreign direct investment) reached …" is one clause)."""
    sentence = sent.span
    opening = text.rfind("(", sentence.start, f.start)
    if opening >= 0 and text.find(")", opening, f.start) < 0:
        closing = text.find(")", f.end, sentence.end)
        return Span(opening + 1, closing if closing >= 0 else sentence.end)
    start, end = sentence.start, sentence.end
    for b_start, b_end in sent.boundaries:
        if b_end <= f.start:
            start = b_end
        elif b_start >= f.end:
            end = b_start
            break
    return Span(start, end)


# --- indicators ------------------------------------------------------------

def _kind(unit: str) -> str:
    return "%" if unit == "%" else "count" if unit in ("count", "people") else "money"


def _indicator(rule: Rule, kind: str, change: bool) -> str | None:
    """The indicator `rule` gives a figure of `kind`, None when the figure is not of its kind."""
    if change:
        if rule.change_id and (kind in rule.units or kind == "%"):
            return rule.change_id
        return rule.id if rule.change in ("also", "only") and kind in rule.units else None
    return rule.id if rule.change != "only" and kind in rule.units else None


@dataclass(frozen=True, slots=True)
class Cue:
    rule: Rule
    indicator: str
    start: int
    end: int


def _right_cue(text: str, f: Figure, clause: Span, rules: dict[int, tuple[Rule, str]], blocked: frozenset[int],
               ctx: Context) -> Cue | None:
    best: Cue | None = None
    possible = ctx.right_strings.possible(text, f.start, clause.end)
    for rule, indicator in rules.values():
        if rule.right is None or rule.order not in possible or rule.order in blocked:
            continue
        m = rule.right.rx.search(text, f.start, clause.end)
        if m is None or len(text[f.end:m.start()].split()) > RIGHT_GAP_WORDS:
            continue
        cue = Cue(rule, indicator, m.start(), m.end())
        if best is None or (cue.start, best.end - cue.end) < (best.start, 0):
            best = cue
    return best


def _left_cue(sent: Sentence, hi: int, floor: int, rules: dict[int, tuple[Rule, str]],
              blocked: frozenset[int]) -> Cue | None:
    """The cue of `rules` but the `blocked` ones ending nearest `hi` (the longer on a tie, then the earlier
    rule's) among those ending after `floor`."""
    best: tuple[int, int, int] | None = None  # (end, -start, -order) of the best cue so far
    for order in sent.left_rules():
        if order not in rules or order in blocked:
            continue
        ends, spans = sent.left_cues(order)
        i = bisect_right(ends, hi) - 1
        if i < 0 or ends[i] <= floor:
            continue
        # a rule's cues come in order: of those ending together, the first is the longest
        start, end = spans[bisect_left(ends, ends[i])]
        if best is None or (end, -start, -order) > best:
            best = (end, -start, -order)
    if best is None:
        return None
    end, start, order = best[0], -best[1], -best[2]
    return Cue(*rules[order], start, end)


def _continues(text: str, clause: Span, f: Figure, ctx: Context) -> bool:
    before = text[clause.start:f.start]
    return len(before.split()) <= FALLBACK_WORDS or bool(ctx.continuation.match(before))


def _cue(text: str, f: Figure, clause: Span, sent: Sentence, ctx: Context) -> Cue | None:
    rules = ctx.candidates[_kind(f.unit), f.change]
    blocked = sent.blocked(clause)
    if blocked.issuperset(rules):
        return None
    cue = _right_cue(text, f, clause, rules, blocked, ctx)
    if cue is None:
        cue = _left_cue(sent, f.start, clause.start, rules, blocked)
        if cue is None and _continues(text, clause, f, ctx):
            cue = _left_cue(sent, clause.start, sent.span.start - 1, rules, blocked)
    return cue if cue is not None and cue.indicator != BLOCKER else None


def _is_target(text: str, f: Figure, clause: Span, cue: Cue, ctx: Context) -> bool:
    if not cue.rule.can_target:
        return False
    if ctx.target.search(text, min(clause.start, cue.start), f.start):
        return True
    return bool(ctx.target_after and ctx.target_after.match(text, f.end))


# --- scope -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Locals:
    """The provinces and cities named in a document in order, with their starts for bisecting."""
    places: list[PlaceMention]
    starts: list[int]

    @classmethod
    def of(cls, places: list[PlaceMention]) -> Locals:
        local = sorted((p for p in places if p.kind in LOCAL_KINDS), key=lambda p: p.span.start)
        return cls(local, [p.span.start for p in local])

    def starting(self, lo: int, hi: int) -> list[PlaceMention]:
        """The places starting in [lo, hi)."""
        return self.places[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


def _scope(text: str, f: Figure, clause: Span, sentence: Span, paragraph: Span | None,
           local: Locals, country: str, ctx: Context) -> str:
    for lo, hi in ((clause.start, clause.end), (sentence.start, sentence.end)):
        near = [p for p in local.starting(lo, hi) if p.span.end <= hi]
        if near:
            return min(near, key=lambda p: abs(p.span.start - f.start)).name
        if lo == clause.start and ctx.national.search(text, lo, hi):
            return country
    if paragraph is not None:
        first = next(iter(local.starting(paragraph.start, paragraph.end)), None)
        if first and first.span.start <= f.start and ctx.scope_intro.match(text, paragraph.start, first.span.start):
            return first.name
    return country


def _country(places: list[PlaceMention]) -> str:
    """The country the report is about: its own provinces and cities speak for it too.

    A provincial report may name only foreign countries (where tourists came
    from), never its own; the gazetteer's provinces and cities are Vietnam's.
    """
    codes = Counter(p.code if p.kind == "country" else DEFAULT_COUNTRY for p in places if p.code or p.kind != "country")
    return codes.most_common(1)[0][0] if codes else DEFAULT_COUNTRY


# --- claims ----------------------------------------------------------------

def _lowered(text: str) -> str:
    """`text` in lower case, letter for letter, so that offsets stay those of `text`."""
    low = lower_text(text)
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def find_claims(doc: CleanDocument, figures: list[Figure], years: list[YearMention],
                places: list[PlaceMention], timing: Timing) -> list[Claim]:
    """The figures of `doc` whose indicator is known, with period, scope and target flag."""
    if not figures:
        return []
    ctx = context(doc.language)
    text = _lowered(doc.text)
    sentences = _sentences(doc)
    starts = [s.start for s in sentences]
    para_starts = [p.start for p in doc.paragraphs]
    located = [(f, _containing(sentences, starts, f.start) or Span(f.start, f.end)) for f in figures]
    spans = list({(span.start, span.end): span for _, span in located}.values())
    periods = Periods.of(_periods(text, years, timing, ctx, spans))
    local = Locals.of(places)
    country = _country(places)
    by_start = sorted(figures, key=lambda f: f.start)
    figure_starts = [f.start for f in by_start]
    cache: dict[tuple[int, int], Sentence] = {}
    claims = []
    for f, sentence in located:
        if (sent := cache.get((sentence.start, sentence.end))) is None:
            inside = by_start[bisect_left(figure_starts, sentence.start):bisect_left(figure_starts, sentence.end)]
            sent = cache[sentence.start, sentence.end] = Sentence(text, sentence, inside, ctx)
        clause = _clause(text, sent, f)
        cue = _cue(text, f, clause, sent, ctx)
        if cue is None:
            continue
        target = _is_target(text, f, clause, cue, ctx)
        indicator = (cue.rule.target_id or cue.indicator) if target else cue.indicator
        figure = replace(f, unit=cue.rule.unit) if cue.rule.unit and f.unit == "count" else f
        paragraph = _containing(doc.paragraphs, para_starts, f.start)
        claims.append(Claim(
            indicator=indicator, figure=figure,
            period=_period(f, clause, sentence, periods, target, cue.rule.stock, timing),
            scope=_scope(text, f, clause, sentence, paragraph, local, country, ctx),
            sentence=sentence, target=target))
    return claims
