"""Every number expression of a text, with its hedge, scale, unit, range and change.

A figure is read outward from its number: to the right a scale word ("billion"),
a currency or percent sign, a people noun, a trailing hedge ("or more"), a
second number closing a range; to the left a currency sign, a hedge standing
right before it ("nearly", "is estimated at") and a change word ("an increase
of"). Years, dates, times, ordinals, identifiers, URLs and phone numbers are
numbers but not figures and are dropped.

Ranges ("between 3 and 5 billion") keep both ends in `low`/`high` and take the
midpoint as `value`, with qualifier "about" unless a hedge says otherwise.
A minus sign glued to a number makes it negative ("-1.8"); "and a half" adds a
half of the number or of its scale ("3 million and a half").

A one-sided hedge sets one bound: "at least 8%" and "over 8%" give `low`;
"nearly", "at most" and "under" give `high`. A decrease makes the value negative.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..lexicons import toml
from ..model import Figure, Qualifier
from ..text import lower_text
from .numbers import NumberSyntax, alternation, digits_value, fragment, lexicon_language, syntax, words_value

LEFT_WINDOW = 48
"""Characters looked at before a number (or its currency sign) for its hedge and change word."""
NAME_WINDOW = 24
"""Characters looked at before a number for a word that makes it a name or a date ("No. 5", "March 3")."""
QUALIFIERS: tuple[Qualifier, ...] = ("exactly", "about", "nearly", "over", "at least", "at most", "under")
LOW_BOUND = {"over", "at least"}
HIGH_BOUND = {"nearly", "at most", "under"}
FIRST_YEAR, LAST_YEAR = 1900, 2100
TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|[^\w\s]")
"""Words (apostrophes inside kept) and single signs: how phrases before a number are compared."""
GAP_BREAK = re.compile(r"(?s:.*)[\d_]")
"""Everything up to the last digit or underscore: besides spaces, the only characters between tokens."""
DASHED_DATE = re.compile(r"\d{1,2}-\d{1,2}-\d{2,4}(?!\d)")
"""A date written with dashes ("08-01-2026"): its numbers would otherwise read as a range."""
NAME_SIGNS = frozenset(".°#:")
"""Signs that may stand between a naming word and its number ("No. 5", "n° 15", "số: 18")."""
SENTENCE_ENDS = ".!?:;…\n"
OPENERS = " \t\"“‘'«([-–—•*"
"""What may stand between the end of a sentence and the first word of the next one."""
MINUS_SIGNS = "-−"
"""Signs that make a number negative when glued to its left ("-1.8", "−5"), not closing a range or a word."""
URL_MARKS = ("://", "www.", "@", ".htm", ".php", ".jpg", ".jpeg", ".png", ".pdf", ".gov", ".com", ".vn", ".org")
URL_MARK = re.compile("|".join(re.escape(mark) for mark in URL_MARKS))
"""Any of `URL_MARKS`, in lower-cased text: one scan instead of one per mark, for the few words around a number."""
URL_DOTTED = re.compile(r"\.(?:" + "|".join(re.escape(mark[1:]) for mark in URL_MARKS if mark[0] == ".") + ")")
URL_UNDOTTED = tuple(mark for mark in URL_MARKS if mark[0] != ".")
"""`URL_MARKS` apart, to look for them in a whole text: a scan for the marks that open with a dot skips from
dot to dot, and the others are found one by one as fast, while `URL_MARK` stops at every "w" too."""
DIGIT = re.compile("[0-9]")
"""Where a number in digits (`Grammar.digits`) may begin."""
PHONE = re.compile(r"\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}\b|\(0\d{1,4}\)(?:[\s.-]?\d{2,4}){2,4}\b")
PHONE_OPENERS = ("+", "(0")
"""What every phone number of `PHONE` opens with: most texts hold neither, and then need no scan."""
OPENING = re.compile(r"(?:\(\?<[!=][^()]*\)|\(\?(?:-i)?:)*(?:\\[^\w\s,]|[^\s,\\.^$*+?{}\[\]|()])")
r"""How a lexicon entry read after spaces (and a comma, for a trailing hedge) opens: after any look-behinds and
groups that only set flags, with a character matched as written (a letter, a digit, a sign), never a space or
a comma; then the spaces before it are taken whole (`\s*+`), which spares the engine giving them back one by
one on every failed entry."""
WORD_CHARS_BELOW = 0x2000
"""Code points up to which `_before_word` spells out the word characters it leaves out."""


def _tokens(phrase: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(phrase.lower().replace("’", "'")))


def _words(phrase: str) -> tuple[str, ...]:
    """The tokens of `phrase` up to its last word: "No." is compared as "no", as the word before a number is."""
    tokens = _tokens(phrase)
    while tokens and not tokens[-1][0].isalpha():
        tokens = tokens[:-1]
    return tokens


@dataclass(slots=True)
class Run:
    """Tokens that follow each other with nothing but spaces between, and their keys: each token as
    phrases of the lexicon are compared (lower case, straight apostrophe), found once for every lookup.

    Tokens are kept as strings, not matches, which cost twice as much to make: where one starts is
    found from the end of the run when asked (`start`), and only the last few ever are."""
    text: str
    lo: int
    hi: int
    words: list[str]
    """The tokens as written."""
    keys: list[str]
    starts: list[int]
    """Where the last tokens start, last first: as many as have been asked for."""

    @classmethod
    def of(cls, text: str, lo: int, hi: int) -> Run:
        """The tokens of text[lo:hi], which holds nothing but tokens and spaces."""
        words = TOKEN.findall(text, lo, hi)
        keys = list(map(str.lower, words))
        if text.find("’", lo, hi) >= 0:  # rare: most runs need no second pass
            keys = [key.replace("’", "'") for key in keys]
        return cls(text, lo, hi, words, keys, [])

    def start(self, i: int) -> int:
        """Where token i starts."""
        words, starts = self.words, self.starts
        while len(starts) < len(words) - i:
            # The last occurrence of a token before where the next one starts is the token: only spaces
            # stand between them, and a token holds no space.
            starts.append(self.text.rindex(words[-1 - len(starts)], self.lo, starts[-1] if starts else self.hi))
        return starts[len(words) - 1 - i]

    def end(self, i: int) -> int:
        return self.start(i) + len(self.words[i])


@dataclass(frozen=True, slots=True)
class Phrases:
    """Phrases compared token by token, looked up from their last token (few tokens end any phrase)."""
    table: dict[tuple[str, ...], object]
    last: frozenset[str]
    longest: int

    @classmethod
    def of(cls, table: dict[tuple[str, ...], object]) -> Phrases:
        return cls(table, frozenset(p[-1] for p in table), max(map(len, table), default=0))

    def ending(self, keys: list[str], stop: int) -> tuple[object, int] | None:
        """The longest phrase that ends with the token of key keys[stop - 1]: (its value, how many tokens it takes)."""
        if stop == 0 or keys[stop - 1] not in self.last:
            return None
        for k in range(min(stop, self.longest), 0, -1):
            phrase = tuple(keys[stop - k:stop])
            if phrase in self.table:
                return self.table[phrase], k
        return None


@dataclass(frozen=True, slots=True)
class Grammar:
    """Every table and regex of one language, built once."""
    syn: NumberSyntax
    digits: re.Pattern[str]
    words: re.Pattern[str]
    """Numbers in words, matched in the lower-cased text (much faster than ignoring case)."""
    word_starts: re.Pattern[str]
    """The character before a place where `words` may match (see `NumberSyntax.word_starts`): `words` opens
    with a look-behind, so it matches at the start of the text or after a character that `_before_word` takes."""
    point: re.Pattern[str]
    """Numbers written from their decimal mark (".08"), with the groups of `digits`.

    The last group that a match of `digits`, `words` or `point` sets spans the whole match and names its kind
    (ratio, grouped, alt, plain, words, point): `Match.lastgroup` tells it at once."""
    minus_list: tuple[str, ...]
    minus_words: re.Pattern[str]
    """A word making the number right after it negative and its spaces ("minus 5"), in the lower-cased text."""
    hedges: Phrases
    """Phrase -> qualifier, None for a word that only ends like a hedge ("nhiệt độ")."""
    changes: Phrases
    """Phrase -> True for a decrease, None for a word that only ends like a change word ("xe tăng")."""
    identifiers: Phrases
    """Phrase right before a number -> True when it makes the number a name, a reference or a vague
    quantity ("Resolution 18", "hàng trăm"), False for a longer phrase that does not ("tổng số")."""
    day_words: frozenset[str]
    """Words before a day/month written like a fraction ("từ 1/5") that make it a date."""
    between: frozenset[str]
    months: frozenset[str]
    months_capitalised: bool
    prefix: re.Pattern[str]
    prefix_ends: frozenset[str] | None
    """The characters a currency sign before a number can end with; None when case makes that unsure."""
    month_after: re.Pattern[str] | None
    ordinal: re.Pattern[str]
    right: re.Pattern[str]
    """What may follow a number, in order, each part optional: scale word (S), unit or people noun (U),
    trailing hedge (H), change word (C). One match instead of one per part."""
    after: re.Pattern[str]
    """The trailing hedge (H) and change word (C) alone."""
    right_priced: re.Pattern[str]
    """`right` after a currency sign: a glued scale may follow ("$5m"), a people noun may not."""
    joiner: re.Pattern[str]
    clock: re.Pattern[str]
    currency_groups: dict[str, str]
    """Regex group name -> ISO 4217 code."""
    suffix_marks: re.Pattern[str]
    """The currency marks of `right`, with one group per code: which code the mark of a match names. `right`
    holds them without those groups, which the engine is much slower to try."""
    codes_seen: dict[str, str | None]
    """Currency mark as written -> its ISO code, filled as marks are met."""
    glued_scales: dict[str, float]
    half: re.Pattern[str]
    """"and a half" right after a number or its scale word."""
    bare_glued: re.Pattern[str]
    """A scale glued to digits without a currency ("10k", "10M"), matched case-sensitively."""
    bare_glued_scales: dict[str, float]
    bare_glued_starts: frozenset[str]
    scale: re.Pattern[str]
    """A scale word alone: after a currency code ("75 USD million") or a compound part ("4 thousand 3 hundred")."""
    compound: re.Pattern[str]
    """A smaller number after a multiplier ("3 hundred and 21"): group `n`."""
    compound_scales: frozenset[float]
    articles: frozenset[str]
    """Words that are numbers only where a scale, a joiner or a half makes them one ("one", "un")."""
    bare_articles: frozenset[str]
    """Articles that need "and" to add to a multiplier before them: "3 hundred and one", not "3 thousand one day"."""
    multiplier_after: re.Pattern[str]
    subunit: re.Pattern[str]
    """Hundredths after an amount in a currency ("15 dollars 50", "3 dollars and 50 cents"): groups `n`, `cents`."""
    weight_unit: re.Pattern[str] | None
    weight_context: re.Pattern[str] | None
    """A currency name that is a weight too ("pounds") and the words that make it one ("weighs", "tons")."""


def _qualifier_groups(table: dict[str, list[str]]) -> str:
    return "|".join(f"(?P<q{QUALIFIERS.index(q)}>{alternation(entries)})" for q, entries in table.items() if entries)


def _currencies(lang: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(marks before the number, marks after it) per ISO code, as regex fragments."""
    common = toml("common", "units")
    aliases = common.get("aliases", {})
    prefix: dict[str, list[str]] = {}
    for code in common["codes"]:
        prefix.setdefault(aliases.get(code, code), []).append(rf"(?-i:{code})(?![A-Za-z])")
    for symbol, code in common["symbols"].items():
        mark = re.escape(symbol)
        if symbol[0].isalpha():  # "C$" is no sign inside a word; some may be written "c $" (not "a $")
            spaced = symbol in common.get("symbols_spaced", [])
            mark = r"(?<![^\W\d_])" + (re.escape(symbol[:-1]) + r"\s?\$" if spaced else mark)
        prefix.setdefault(code, []).append(mark)
    any_case = {rf"(?-i:{code})(?![A-Za-z])" for code in common.get("codes_any_case_after", [])}
    # after a number some codes are read in any case: "300 usd" (lower-cased newswire)
    suffix = {code: [m.replace("(?-i:", "(?:", 1) if m in any_case else m for m in marks]
              for code, marks in prefix.items()}
    for code, names in toml(lang, "units").get("currencies", {}).items():
        suffix.setdefault(code, []).extend(fragment(n) + r"(?![\w-])" for n in names)
    return prefix, suffix


def _prefix_ends() -> frozenset[str] | None:
    """Last characters of the currency marks written before a number: codes match in capitals only,
    symbols ignoring case, so a symbol ending in a cased letter leaves the set unknown."""
    common = toml("common", "units")
    symbol_ends = {symbol[-1] for symbol in common["symbols"]}
    if any(c.lower() != c.upper() for c in symbol_ends):
        return None
    return frozenset({code[-1] for code in common["codes"]} | symbol_ends)


def _marks(table: dict[str, list[str]], groups: dict[str, str]) -> tuple[str, str]:
    """One alternation of the marks, with one group per code and length class and without: marks of several
    words first, so that "dollars australiens" wins over "dollars" (one group per mark would be as right,
    and twice as slow to match). Both try the same marks in the same order, so at one place they match
    the same mark, and the one with groups tells the code of a match of the other."""
    named, plain = [], []
    for several in (True, False):
        for code, marks in table.items():
            kept = [m for m in marks if (r"\s" in m) == several]
            if kept:
                name = f"c{len(groups)}"
                groups[name] = code
                marks_rx = "|".join(sorted(kept, key=len, reverse=True))
                named.append(f"(?P<{name}>{marks_rx})")
                plain.append(marks_rx)
    return "|".join(named), "|".join(plain)


def _optional(name: str, body: str) -> str:
    """Group `name` matching `body` or nothing: what `(?P<name>body)?` matches, without the bookkeeping
    that the engine does for a repeated group."""
    return f"(?:(?P<{name}>{body})|)"


def _check_openings(entries: list[str]) -> None:
    if (wrong := [e for e in entries if not OPENING.match(e)]):
        raise ValueError(f"entries read after spaces must open with a character of their own: {wrong}")


@cache
def _before_word() -> str:
    r"""One character that may stand right before a word: any but a word character or "-" below
    `WORD_CHARS_BELOW`, any above. Spelled out as ranges, which the engine tests on each character it
    skips much faster than `[^\w-]`; the few characters above that it takes in cost one try each.
    Matched as written even where a pattern ignores case, where folding could take in a character
    that some word character folds to."""
    inside = re.compile(r"[\w-]")
    spans: list[list[int]] = []
    for code in range(WORD_CHARS_BELOW):
        if inside.match(chr(code)):
            if spans and spans[-1][1] == code - 1:
                spans[-1][1] = code
            else:
                spans.append([code, code])
    return "(?-i:[^" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in spans) + "])"


@cache
def grammar(language: str) -> Grammar:
    lang = lexicon_language(language)
    syn = syntax(lang)
    nums = toml(lang, "numbers")
    hedges = toml(lang, "hedges")
    units = toml(lang, "units")
    dates = toml(lang, "dates")
    ci = re.IGNORECASE
    groups: dict[str, str] = {}
    prefix, suffix = _currencies(lang)
    prefix_rx = _marks(prefix, groups)[0]
    suffix_named, suffix_rx = _marks(suffix, groups)
    hedge_table: dict[tuple[str, ...], object] = {_tokens(p): None for p in hedges.get("not_before", [])}
    hedge_table.update({_tokens(p): q for q, phrases in hedges["before"].items() for p in phrases})
    identifier_table = {_words(p): False for p in nums.get("not_identifiers", [])}
    identifier_table.update({_words(p): True for p in nums["identifiers"] + nums.get("vague", [])})
    change_table: dict[tuple[str, ...], object] = {_tokens(p): None for p in hedges.get("not_before", [])}
    change_table.update({_tokens(p): direction == "down"
                         for direction, phrases in hedges["change_before"].items() for p in phrases})
    joiners = units.get("currency_joiners", [])
    joined = rf"(?:{alternation(joiners)}\s*+)?" if joiners else ""
    percents = toml("common", "units")["percent"] + units["percent"]
    percent = alternation(percents)
    ranges = hedges["ranges"]
    words_to = [w for w in ranges["to"] if w[0].isalpha()]
    signs_to = [w for w in ranges["to"] if not w[0].isalpha()]
    months = list(dates.get("months", {}))
    ordinals = alternation(nums["ordinal_suffixes"])
    _check_openings([*syn.scales, *percents, *joiners, *(m for marks in suffix.values() for m in marks),
                     *units["people"], *(e for entries in hedges["after"].values() for e in entries),
                     *hedges["change_after"]["up"], *hedges["change_after"]["down"]])
    scale = rf"(?:\s*+|-)(?P<scale>{alternation(list(syn.scales))})(?![\w])"
    number_words = alternation(list(syn.values) + list(syn.multipliers), literal=True)
    word_run = rf"{number_words}(?:[\s-]+{number_words})*"
    small = rf"(?P<n>\d{{1,3}}(?![\d.,]?\d)|{word_run})(?![\w-])"
    value_words = alternation(list(syn.values), literal=True)
    hundredths = rf"(?P<n>\d{{1,2}}(?![\d.,]?\d)|{value_words}(?:[\s-]+{value_words})*)(?![\w-])"
    and_joined = rf"(?:\s+(?P<j>{alternation(syn_joiners(nums))}))?\s+"
    weights = units.get("weight_context", [])
    glued = rf"(?P<glued>{alternation(list(nums.get('glued_scales', {})))})(?![\w])"
    unit = rf"\s*+(?:(?P<pct>{percent})(?![\w])|{joined}(?P<cur>{suffix_rx}))"
    people = rf"\s++(?:[^\W\d_]++\s++){{0,2}}?{alternation(units['people'])}(?![\w])"
    after = (_optional("H", rf"\s*+,?+\s*+(?:{_qualifier_groups(hedges['after'])})(?![\w])")
             + _optional("C", rf"\s++(?:(?P<up>{alternation(hedges['change_after']['up'])})"
                              rf"|(?P<down>{alternation(hedges['change_after']['down'])}))(?![\w])"))
    return Grammar(
        syn=syn,
        # the lookahead keeps matches to where `DIGIT` finds them
        digits=re.compile(rf"(?=[0-9])(?:(?P<ratio>(?<![\d/])\d{{1,4}}/\d{{1,4}}(?![/\d]))"
                          rf"|{syn.digits})"),
        # ".08": its own scan, which opens with the mark and so skips ahead as fast as the one for digits;
        # the empty groups let it be read like `digits`
        point=re.compile(rf"(?P<point>{re.escape(syn.decimal)}(?<![\w.,]{re.escape(syn.decimal)})\d+(?![.,]?\d))"
                         r"(?P<ratio>(?!))?(?P<grouped>(?!))?(?P<alt>(?!))?(?P<plain>(?!))?"),
        minus_list=tuple(w.lower() for w in nums.get("minus_words", [])),
        minus_words=re.compile(rf"(?<![\w-]){alternation([w.lower() for w in nums.get('minus_words', [])])}\s+"),
        words=re.compile(f"(?P<words>{syn.words})"),
        word_starts=re.compile(_before_word() + syn.word_starts),
        hedges=Phrases.of(hedge_table),
        changes=Phrases.of(change_table),
        identifiers=Phrases.of(identifier_table),
        day_words=frozenset(w.lower() for w in nums.get("day_words", [])),
        between=frozenset(_tokens(b)[0] for b in ranges["between"]),
        months=frozenset(m.lower() for m in months),
        months_capitalised=bool(dates.get("capitalised")),
        prefix=re.compile(rf"(?P<cur>{prefix_rx})\s*\Z", ci),
        prefix_ends=_prefix_ends(),
        month_after=re.compile(rf"(?:{ordinals})?\s+{alternation(months, literal=True)}(?![\w])", ci)
        if months else None,
        ordinal=re.compile(rf"{ordinals}(?![\w])", ci),
        right=re.compile(_optional("S", scale) + _optional("U", rf"{unit}|(?P<people>{people})") + after, ci),
        after=re.compile(after, ci),
        right_priced=re.compile(_optional("S", rf"{scale}|{glued}") + _optional("U", unit) + after, ci),
        joiner=re.compile(rf"(?:\s+(?P<and>{alternation(ranges['and'])})\s+"
                          rf"|\s+{alternation(words_to)}\s+|\s*{alternation(signs_to, literal=True)}\s*)", ci),
        clock=re.compile("|".join(nums.get("time_patterns", [])) or r"(?!)", ci),
        currency_groups=groups,
        suffix_marks=re.compile(suffix_named, ci),
        codes_seen={},
        glued_scales={k.lower(): float(v) for k, v in nums.get("glued_scales", {}).items()},
        half=re.compile(rf"\s+{alternation(nums.get('halves', []))}(?![\w-])", ci),
        bare_glued=re.compile(rf" ?(?P<glued>{alternation(list(nums.get('bare_glued_scales', {})))})(?![\w])"),
        bare_glued_scales={k: float(v) for k, v in nums.get("bare_glued_scales", {}).items()},
        bare_glued_starts=frozenset(k[0] for k in nums.get("bare_glued_scales", {})),
        scale=re.compile(scale, ci),
        compound=re.compile(and_joined + small, ci),
        multiplier_after=re.compile(rf"[\s-]+{alternation(list(syn.multipliers))}(?![\w-])", ci),
        articles=frozenset(a.lower() for a in nums["articles"]),
        bare_articles=frozenset(a.lower() for a in nums["articles"]
                                if a not in nums.get("articles_after_multiplier", [])),
        compound_scales=frozenset(syn.scales[w.lower()] for w in nums.get("compound_scales", [])),
        subunit=re.compile(and_joined + hundredths +
                           rf"(?P<cents>\s+{alternation(units.get('subunits', []))}(?![\w-]))?", ci),
        weight_unit=re.compile(alternation(units["weight_currencies"]) + r"\Z", ci)
        if units.get("weight_currencies") else None,
        weight_context=re.compile(rf"(?<![\w-]){alternation(weights)}(?![\w-])", ci) if weights else None,
    )


def syn_joiners(nums: dict) -> list[str]:
    return nums.get("joiners", []) or ["and"]


@dataclass(frozen=True, slots=True)
class Page:
    """The text being read, with what is found once for all its numbers."""
    text: str
    phones: list[tuple[int, int]]
    urls: bool
    """Whether any URL mark occurs at all: most texts have none, and then no number is in a URL."""
    words_text: str
    words: re.Pattern[str]
    word_starts: re.Pattern[str]
    """Numbers in words, where they may start, and the text they run on (lower-cased where that keeps offsets)."""
    minus: dict[int, int]
    """Offset of a number after a minus word ("minus 5") -> length of that word and its spaces."""


@dataclass(slots=True)
class Left:
    """What stands right before a number: currency sign, hedge, change word."""
    start: int
    currency: str | None = None
    qualifier: Qualifier | None = None
    change: bool | None = None
    """None without a change word, else True for a decrease."""
    last_word: str = ""


def _run(text: str, lo: int, hi: int) -> Run:
    """The tokens of text[lo:hi] that follow each other up to `hi` with nothing but spaces between.

    Whatever stands between two tokens is spaces, digits and underscores, so the run is every token
    after the last digit or underscore."""
    cut = GAP_BREAK.match(text, lo, hi)
    return Run.of(text, cut.end() if cut else lo, hi)


def _last_word(text: str, run: Run, lo: int) -> tuple[str, int, int | None] | None:
    """The last word of `run` inside text[lo:], lower-cased, with its offset and how many tokens of `run`
    go up to it; a token across `lo` counts from `lo` on, as if the text began there, and a word cut
    out of it is no token of `run` (None)."""
    for i in range(len(run.keys) - 1, -1, -1):
        start = run.start(i)
        if start < lo:
            end = run.end(i)
            if end <= lo:
                return None
            cut = _last_word(text, Run.of(text, lo, end), lo)
            return (cut[0], cut[1], None) if cut else None
        key = run.keys[i]
        if key[0].isalpha():
            return key, start, i + 1
    return None


def _left(text: str, s: int, run: Run, g: Grammar) -> Left:
    """What stands before the number at `s`, whose run of tokens is `run`."""
    left = Left(start=s)
    if (pm := _currency_before(text, s, g)):
        left.currency = _currency(pm, g)
        left.start = pm.start()
        run = _run(text, max(0, left.start - LEFT_WINDOW), left.start)
    word = _last_word(text, run, 0)
    left.last_word = word[0] if word else ""
    stop = len(run.keys)
    hedge = g.hedges.ending(run.keys, stop)
    if hedge and hedge[0] is not None:  # None: a word that only ends like one ("nhiệt độ")
        left.qualifier, k = hedge
        stop -= k
        left.start = run.start(stop)
    if (change := g.changes.ending(run.keys, stop)):
        left.change = change[0]
    return left


def _currency_before(text: str, s: int, g: Grammar) -> re.Match[str] | None:
    """A currency sign right before the number at `s`; its last character is checked first,
    which spares the search for almost every number."""
    lo = max(0, s - 8)
    if g.prefix_ends is not None:
        head = text[lo:s].rstrip()
        if not head or head[-1] not in g.prefix_ends:
            return None
    return g.prefix.search(text, lo, s)


def _currency(m: re.Match[str], g: Grammar, named: re.Pattern[str] | None = None) -> str | None:
    """The ISO code of the currency mark in group `cur` of `m`, told by the groups per code of `m`, or of
    `named` matched where the mark starts; marks repeat ("$", "dollars"), so each is looked up once."""
    mark = m.group("cur")
    if mark not in g.codes_seen:
        found = (named.match(m.string, m.start("cur")) if named else m).groupdict()
        g.codes_seen[mark] = next((code for name, code in g.currency_groups.items() if found.get(name)), None)
    return g.codes_seen[mark]


def _hedge(m: re.Match[str]) -> Qualifier | None:
    found = m.groupdict()
    return next((q for i, q in enumerate(QUALIFIERS) if found.get(f"q{i}")), None)


def _in_url(text: str, s: int, e: int) -> bool:
    lo = max(text.rfind(" ", 0, s), text.rfind("\n", 0, s)) + 1
    hi = min((i for i in (text.find(" ", e), text.find("\n", e)) if i >= 0), default=len(text))
    return URL_MARK.search(text[lo:hi].lower()) is not None


def _is_number(page: Page, m: re.Match[str], g: Grammar, joined: bool) -> bool:
    """False for the numbers that are dates, times, ordinals or parts of codes by what stands right around
    them; `_named` reads the words before them."""
    text = page.text
    s, e = m.span()
    if page.phones and any(a <= s < b for a, b in page.phones):
        return False
    if g.month_after and g.month_after.match(text, e):
        return False
    if g.ordinal.match(text, e):
        return False
    if m.lastgroup == "words":
        # a number word capitalised inside a sentence is part of a name ("Ba Đình", "Three Gorges")
        return not text[s].isupper() or _opens_sentence(text, s)
    prev = text[s - 1] if s else " "
    if prev.isalpha() and g.prefix.search(text, max(0, s - 8), s):
        prev = " "  # a code glued to its amount: "USD115"
    if prev.isalnum() or prev == "+" or (not joined and prev in "-/:.," and s > 1 and text[s - 2].isalnum()):
        return False
    if text[s] == "0" and e - s > 1 and text[s + 1].isdigit():
        return False
    nxt = text[e:e + 2]
    if nxt[:1] in "/:.," and nxt[1:2].isdigit():
        return False
    if nxt[:1] == "/" and nxt[1:2].isupper():
        return False  # a document number: "123/QĐ-TTg"
    if nxt[:1] == "-" and DASHED_DATE.match(text, s):
        return False
    if g.clock.match(text, s):
        return False
    return not (page.urls and _in_url(text, s, e))


def _named(text: str, m: re.Match[str], run: Run, g: Grammar) -> bool:
    """Whether the words before the number `m` (`run`) make it a name or a date: "Resolution 18", "March 3"."""
    s = m.start()
    last = ""
    if (word := _last_word(text, run, max(0, s - NAME_WINDOW))):
        last, at, stop = word
        if _names(run, last, stop, g):
            return True
        if last in g.months and (not g.months_capitalised or text[at].isupper()):
            return True
    return m.lastgroup == "ratio" and _is_date(m.group(), last, g)


def _names(run: Run, last: str, stop: int | None, g: Grammar) -> bool:
    """Whether the words ending with `last` (token stop - 1 of `run`) make the number after them a name."""
    if stop is None:  # a word cut by the window: alone it is all there is
        return g.identifiers.table.get((last,)) is True
    if not NAME_SIGNS.issuperset(run.keys[stop:]):
        return False  # "một số, 50 …": a comma ends what the word names
    found = g.identifiers.ending(run.keys, stop)
    return found is not None and found[0] is True


def _is_date(ratio: str, last: str, g: Grammar) -> bool:
    """Whether "a/b" is a date rather than a share ("14/14 targets"): a share never exceeds its whole,
    so "8/1" is a day and month; "12/2024" is a month; "1/5" after a day word ("từ 1/5") is a day."""
    a, b = (int(x) for x in ratio.split("/"))
    return a > b or FIRST_YEAR <= b <= LAST_YEAR or (b <= 12 and last in g.day_words)


def _opens_sentence(text: str, s: int) -> bool:
    """Whether only spaces, quotes or brackets stand between `s` and the end of a sentence or line."""
    kept = text[max(0, s - 12):s].rstrip(OPENERS)
    return not kept or kept[-1] in SENTENCE_ENDS


@dataclass(slots=True)
class Piece:
    """One number with what stands around it, before ranges are joined."""
    start: int
    end: int
    value: float
    unit: str | None
    factor: float
    """The scale word's multiplier, 1 without one."""
    qualifier: Qualifier | None
    up: bool
    down: bool
    year_like: bool
    last_word: str


def _value(m: re.Match[str], g: Grammar) -> float:
    kind, number = m.lastgroup, m.group()
    if kind == "words":
        return words_value(number, g.syn)
    if kind == "ratio":
        return float(number.split("/")[0])
    if kind == "point":  # ".08"
        return float("0." + number[1:])
    return digits_value(number, kind, g.syn)


def _piece(page: Page, m: re.Match[str], g: Grammar, joined: bool = False) -> Piece | None:
    """The number `m` with its surroundings; `joined` when it closes a range ("3-5")."""
    text = page.text
    s, e = m.span()
    # The characters around a number rule out as many numbers as the words before it (dates, times, codes),
    # and are read much faster: only a number they leave has its words read.
    if not _is_number(page, m, g, joined):
        return None
    lead = 0 if joined else 1 if _minus(text, s) else page.minus.get(s, 0)
    # hedges and change words stand before the sign: "about -3", "a fall of -5%"
    run = _run(text, max(0, s - lead - LEFT_WINDOW), s - lead)
    if _named(text, m, run, g):
        return None
    sign = -1.0 if lead else 1.0
    value = sign * _value(m, g)
    in_words = m.lastgroup == "words"
    left = _left(text, s - lead, run, g)
    unit = left.currency
    half = g.half.match(text, e)
    if half:  # "five and a half million": a half of one, before the scale
        value += sign * 0.5
    end, factor = half.end() if half else e, 1.0
    right = g.right_priced if unit else g.right
    r = right.match(text, end)
    if r.start("S") >= 0:
        word = (r.group("scale") if r.group("scale") is not None else r.group("glued")).lower()
        factor = g.syn.scales.get(word) or g.glued_scales[word]
        value *= factor
        end = r.end("S")
        if not half and (half := g.half.match(text, end)):  # "3 million and a half": a half of the scale
            value += sign * 0.5 * factor
            end = half.end()
            r = right.match(text, end)
    elif (not unit and r.start("U") < 0 and _glued_next(text, end) in g.bare_glued_starts and not in_words
          and (b := g.bare_glued.match(text, end))):
        factor = g.bare_glued_scales[b.group("glued")]  # "10k", "1.2b", "10M"
        value *= factor
        end = b.end()
        r = right.match(text, end)
    if factor in g.compound_scales and not half and not in_words and left.last_word not in g.between:
        value, moved = _compound(text, end, factor, value, sign, g)  # "4 thousand 3 hundred and 21"
        if moved != end:
            end = moved
            r = right.match(text, end)
    after = r
    if r.start("U") >= 0:
        people = r.re is g.right and r.group("people") is not None  # `right_priced` reads no people
        found = "people" if people else "%" if r.group("pct") else _currency(r, g, g.suffix_marks)
        if found in ("people", "%") or not _weight(text, s, r.group("U"), g):
            unit, end = found, r.end("U")
            if unit not in ("people", "%"):
                value, factor, end = _after_currency(text, end, value, factor, sign, left, g)
        if end != r.end("U"):  # what followed the unit was read, or the unit was a weight
            after = g.after.match(text, end)
    if end == e and e < len(text) and text[e].isalpha() and not in_words:
        return None  # glued to letters that are no unit: "5G", "15h30"
    qualifier = left.qualifier
    if after.start("H") >= 0:
        qualifier, end = _hedge(after), after.end("H")
    up = left.change is False or bool(after.group("up"))
    down = left.change is True or bool(after.group("down"))
    year_like = (not in_words and m.lastgroup == "plain" and e - s == 4 and FIRST_YEAR <= value <= LAST_YEAR
                 and unit is None and factor == 1 and qualifier is None)
    return Piece(left.start, end, value, unit, factor, qualifier, up, down, year_like, left.last_word)


def _glued_next(text: str, end: int) -> str:
    """The character a glued scale would start with: right after the number or after one space."""
    c = text[end:end + 1]
    return text[end + 1:end + 2] if c == " " else c


def _small(text: str, g: Grammar) -> float:
    return float(text) if text[0].isdigit() else words_value(text, g.syn)


def _compound(text: str, end: int, factor: float, value: float, sign: float, g: Grammar) -> tuple[float, int]:
    """A multiplier followed by smaller numbers adds them up: "4 thousand 3 hundred and 21"."""
    while (c := g.compound.match(text, end)):
        if not c.group("j") and c.group("n").lower() in g.bare_articles:
            break  # "3 thousand one day": "one" is no number without "and"
        n = _small(c.group("n"), g)
        sm = g.scale.match(text, c.end())
        part = g.syn.scales[sm.group("scale").lower()] if sm else 1.0
        if n == 0 or n * part >= factor or (sm and part not in g.compound_scales) or (
                not sm and g.multiplier_after.match(text, c.end())):
            break  # "and 0" adds nothing; "3 cents" is no 3
        value += sign * n * part
        end, factor = (sm.end() if sm else c.end()), part
        if part == 1.0:
            break
    return value, end


def _weight(text: str, s: int, unit: str, g: Grammar) -> bool:
    """Whether a currency name after the number at `s` is a weight here: "pounds" after "weighs" or "tons"."""
    return (g.weight_unit is not None and g.weight_unit.search(unit) is not None
            and g.weight_context.search(text, max(0, s - LEFT_WINDOW), s) is not None)


def _after_currency(text: str, end: int, value: float, factor: float, sign: float, left: Left,
                    g: Grammar) -> tuple[float, float, int]:
    """(value, factor, end) once what may follow a currency name is read: a scale after a code
    ("75 USD million"), or hundredths in a second unit ("15 dollars 50", "3 dollars and 50 cents")."""
    if factor == 1 and (sm := g.scale.match(text, end)):
        factor = g.syn.scales[sm.group("scale").lower()]
        return value * factor, factor, sm.end()
    if factor != 1 or left.last_word in g.between or not (su := g.subunit.match(text, end)):
        return value, factor, end
    n = _small(su.group("n"), g)
    if n >= 100 or n != int(n) or (not su.group("j") and su.group("n").lower() in g.articles):
        return value, factor, end
    if not su.group("cents"):
        nxt = g.right.match(text, su.end())
        if nxt.start("S") >= 0 or nxt.start("U") >= 0 or text[su.end():su.end() + 1].isalnum():
            return value, factor, end  # "50 dollars 40 rmb": two amounts
    return value + sign * n / 100, factor, su.end()


def _minus(text: str, s: int) -> bool:
    """A minus sign glued to the number at `s` and standing alone: "-1.8", "(−5%)", not "COVID-19" or "3-5"."""
    return s > 0 and text[s - 1] in MINUS_SIGNS and (s == 1 or not (text[s - 2].isalnum() or text[s - 2] in "-/"))


def _second(page: Page, first: Piece, g: Grammar) -> Piece | None:
    """The other end of a range that starts with `first`, if there is one."""
    j = g.joiner.match(page.text, first.end)
    if not j or (j.group("and") and first.last_word not in g.between):
        return None
    m = g.digits.match(page.text, j.end()) or page.words.match(page.words_text, j.end())
    second = _piece(page, m, g, joined=True) if m else None
    if second is None or (first.unit and second.unit and first.unit != second.unit):
        return None
    return second


def _figure(text: str, lowered: str, first: Piece, last: Piece, g: Grammar) -> Figure:
    """`lowered`: `text.lower()`."""
    start, qualifier = first.start, first.qualifier
    low = high = None
    if last is first:
        value = first.value
        qualifier = qualifier or "exactly"
        if qualifier in LOW_BOUND:
            low = value
        elif qualifier in HIGH_BOUND:
            high = value
    else:
        # "between 3 and 5 billion": the first end borrows the scale of the second
        low = first.value * (last.factor if first.factor == 1 else 1)
        high = last.value
        value = (low + high) / 2
        qualifier = qualifier or last.qualifier or "about"
        if first.last_word in g.between:
            start = lowered.rfind(first.last_word, 0, start)
    down = first.down or last.down
    if down and value > 0:  # "a fall of -5%" states the sign itself
        value = -value
        low, high = (-high if high is not None else None), (-low if low is not None else None)
    return Figure(text=text[start:last.end], start=start, end=last.end, value=value,
                  unit=last.unit or first.unit or "count", qualifier=qualifier, low=low, high=high,
                  change=down or first.up or last.up)


def _matches_from(starts: re.Pattern[str], pattern: re.Pattern[str], text: str,
                  before: int = 0) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` gives for a pattern whose matches are never empty and begin only where
    `starts` matches, or `before` characters after where it matches (then at the start of the text too):
    the engine skips to those places much faster alone than while trying `pattern` on the way."""
    pos = 0
    if before and (m := pattern.match(text)):
        yield m
        pos = m.end()
    while (start := starts.search(text, max(pos - before, 0))):
        at = start.start() + before
        m = pattern.match(text, at)
        if m:
            yield m
            pos = m.end()
        else:
            pos = at + 1


def find_figures(text: str, language: str) -> list[Figure]:
    """Every figure of `text`, in order, with offsets into `text`."""
    g = grammar(language)
    figures: list[Figure] = []
    low = lower_text(text)
    # lower-casing may change the length of rare letters; then offsets need the original text
    words = ((low, g.words, g.word_starts) if len(low) == len(text)
             else (text, *(re.compile(rx.pattern, re.IGNORECASE) for rx in (g.words, g.word_starts))))
    # most texts hold no minus word: a substring test spares the scan
    minus = ({m.end(): m.end() - m.start() for m in g.minus_words.finditer(words[0])}
             if any(w in words[0] for w in g.minus_list) else {})
    phones = [m.span() for m in PHONE.finditer(text)] if any(o in text for o in PHONE_OPENERS) else []
    urls = any(mark in low for mark in URL_UNDOTTED) or URL_DOTTED.search(low) is not None
    page = Page(text, phones, urls, *words, minus)
    numbers = sorted([*_matches_from(DIGIT, g.digits, text),
                      *_matches_from(page.word_starts, page.words, page.words_text, 1), *g.point.finditer(text)],
                     key=re.Match.start)
    consumed = 0
    for m in numbers:
        if m.start() < consumed:
            continue
        first = _piece(page, m, g)
        if first is None:
            continue
        last = _second(page, first, g) or first
        consumed = last.end
        if not (first.year_like or last.year_like):
            figures.append(_figure(text, low, first, last, g))
    return figures
