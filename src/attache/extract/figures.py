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
from dataclasses import dataclass
from functools import cache

from ..lexicons import toml
from ..model import Figure, Qualifier
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


def _tokens(phrase: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(phrase.lower().replace("’", "'")))


def _words(phrase: str) -> tuple[str, ...]:
    """The tokens of `phrase` up to its last word: "No." is compared as "no", as the word before a number is."""
    tokens = _tokens(phrase)
    while tokens and not tokens[-1][0].isalpha():
        tokens = tokens[:-1]
    return tokens


def _key(token: re.Match[str]) -> str:
    """A token of the text as phrases of the lexicon are compared: lower case, straight apostrophe."""
    return token.group().lower().replace("’", "'")


@dataclass(frozen=True, slots=True)
class Phrases:
    """Phrases compared token by token, looked up from their last token (few tokens end any phrase)."""
    table: dict[tuple[str, ...], object]
    last: frozenset[str]
    longest: int

    @classmethod
    def of(cls, table: dict[tuple[str, ...], object]) -> Phrases:
        return cls(table, frozenset(p[-1] for p in table), max(map(len, table), default=0))

    def ending(self, run: list[re.Match[str]], stop: int) -> tuple[object, int] | None:
        """The longest phrase that ends with token run[stop - 1]: (its value, how many tokens it takes)."""
        if stop == 0 or _key(run[stop - 1]) not in self.last:
            return None
        keys = [_key(token) for token in run[max(0, stop - self.longest):stop]]
        for k in range(len(keys), 0, -1):
            phrase = tuple(keys[-k:])
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
    right_priced: re.Pattern[str]
    """`right` after a currency sign: a glued scale may follow ("$5m"), a people noun may not."""
    joiner: re.Pattern[str]
    clock: re.Pattern[str]
    phone: re.Pattern[str]
    currency_groups: dict[str, str]
    """Regex group name -> ISO 4217 code."""
    glued_scales: dict[str, float]
    half: re.Pattern[str]
    """"and a half" right after a number or its scale word."""


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
        prefix.setdefault(code, []).append(re.escape(symbol))
    suffix = {code: list(marks) for code, marks in prefix.items()}
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


def _marks(table: dict[str, list[str]], groups: dict[str, str]) -> str:
    parts = []
    for code, marks in table.items():
        name = f"c{len(groups)}"
        groups[name] = code
        parts.append(f"(?P<{name}>" + "|".join(sorted(marks, key=len, reverse=True)) + ")")
    return "|".join(parts)


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
    prefix_rx = _marks(prefix, groups)
    suffix_rx = _marks(suffix, groups)
    hedge_table: dict[tuple[str, ...], object] = {_tokens(p): None for p in hedges.get("not_before", [])}
    hedge_table.update({_tokens(p): q for q, phrases in hedges["before"].items() for p in phrases})
    identifier_table = {_words(p): False for p in nums.get("not_identifiers", [])}
    identifier_table.update({_words(p): True for p in nums["identifiers"] + nums.get("vague", [])})
    change_table: dict[tuple[str, ...], object] = {_tokens(p): None for p in hedges.get("not_before", [])}
    change_table.update({_tokens(p): direction == "down"
                         for direction, phrases in hedges["change_before"].items() for p in phrases})
    joiners = units.get("currency_joiners", [])
    joined = rf"(?:{alternation(joiners)}\s*)?" if joiners else ""
    percent = alternation(toml("common", "units")["percent"] + units["percent"])
    ranges = hedges["ranges"]
    words_to = [w for w in ranges["to"] if w[0].isalpha()]
    signs_to = [w for w in ranges["to"] if not w[0].isalpha()]
    months = list(dates.get("months", {}))
    ordinals = alternation(nums["ordinal_suffixes"])
    scale = rf"\s*(?P<scale>{alternation(list(syn.scales))})(?![\w])"
    glued = rf"(?P<glued>{alternation(list(nums.get('glued_scales', {})))})(?![\w])"
    unit = rf"\s*(?:(?P<pct>{percent})(?![\w])|{joined}(?:{suffix_rx}))"
    people = rf"\s+(?:[^\W\d_]+\s+){{0,2}}?{alternation(units['people'])}(?![\w])"
    after = (rf"(?P<H>\s*,?\s*(?:{_qualifier_groups(hedges['after'])})(?![\w]))?"
             rf"(?P<C>\s+(?:(?P<up>{alternation(hedges['change_after']['up'])})"
             rf"|(?P<down>{alternation(hedges['change_after']['down'])}))(?![\w]))?")
    return Grammar(
        syn=syn,
        # the lookahead lets the scanner skip to digits fast
        digits=re.compile(rf"(?=[0-9])(?:(?P<ratio>(?<![\d/])\d{{1,4}}/\d{{1,4}}(?![/\d]))|{syn.digits})"),
        words=re.compile(f"(?P<words>{syn.words})"),
        hedges=Phrases.of(hedge_table),
        changes=Phrases.of(change_table),
        identifiers=Phrases.of(identifier_table),
        day_words=frozenset(w.lower() for w in nums.get("day_words", [])),
        between=frozenset(_tokens(b)[0] for b in ranges["between"]),
        months=frozenset(m.lower() for m in months),
        months_capitalised=bool(dates.get("capitalised")),
        prefix=re.compile(rf"(?:{prefix_rx})\s*\Z", ci),
        prefix_ends=_prefix_ends(),
        month_after=re.compile(rf"(?:{ordinals})?\s+{alternation(months, literal=True)}(?![\w])", ci)
        if months else None,
        ordinal=re.compile(rf"{ordinals}(?![\w])", ci),
        right=re.compile(rf"(?P<S>{scale})?(?P<U>{unit}|(?P<people>{people}))?{after}", ci),
        right_priced=re.compile(rf"(?P<S>{scale}|{glued})?(?P<U>{unit})?{after}", ci),
        joiner=re.compile(rf"(?:\s+(?P<and>{alternation(ranges['and'])})\s+"
                          rf"|\s+{alternation(words_to)}\s+|\s*{alternation(signs_to, literal=True)}\s*)", ci),
        clock=re.compile("|".join(nums.get("time_patterns", [])) or r"(?!)", ci),
        phone=re.compile(r"\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}\b|\(0\d{1,4}\)(?:[\s.-]?\d{2,4}){2,4}\b"),
        currency_groups=groups,
        glued_scales={k.lower(): float(v) for k, v in nums.get("glued_scales", {}).items()},
        half=re.compile(rf"\s+{alternation(nums.get('halves', []))}(?![\w-])", ci),
    )


@dataclass(frozen=True, slots=True)
class Page:
    """The text being read, with what is found once for all its numbers."""
    text: str
    phones: list[tuple[int, int]]
    urls: bool
    """Whether any URL mark occurs at all: most texts have none, and then no number is in a URL."""
    words_text: str
    words: re.Pattern[str]
    """Numbers in words and the text they run on (lower-cased where that keeps offsets)."""


@dataclass(slots=True)
class Left:
    """What stands right before a number: currency sign, hedge, change word."""
    start: int
    currency: str | None = None
    qualifier: Qualifier | None = None
    change: bool | None = None
    """None without a change word, else True for a decrease."""
    last_word: str = ""


def _run(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The tokens of text[lo:hi] that follow each other up to `hi` with nothing but spaces between.

    Whatever stands between two tokens is spaces, digits and underscores, so the run is every token
    after the last digit or underscore."""
    cut = GAP_BREAK.match(text, lo, hi)
    return list(TOKEN.finditer(text, cut.end() if cut else lo, hi))


def _last_word(text: str, run: list[re.Match[str]], lo: int) -> tuple[str, int] | None:
    """The last word of `run` inside text[lo:], lower-cased, with its offset; a token across `lo`
    counts from `lo` on, as if the text began there."""
    for token in reversed(run):
        if token.start() < lo:
            return _last_word(text, list(TOKEN.finditer(text, lo, token.end())), lo) if token.end() > lo else None
        key = _key(token)
        if key[0].isalpha():
            return key, token.start()
    return None


def _left(text: str, s: int, run: list[re.Match[str]], g: Grammar) -> Left:
    """What stands before the number at `s`, whose run of tokens is `run`."""
    left = Left(start=s)
    if (pm := _currency_before(text, s, g)):
        left.currency = _currency(pm, g)
        left.start = pm.start()
        run = _run(text, max(0, left.start - LEFT_WINDOW), left.start)
    word = _last_word(text, run, 0)
    left.last_word = word[0] if word else ""
    stop = len(run)
    hedge = g.hedges.ending(run, stop)
    if hedge and hedge[0] is not None:  # None: a word that only ends like one ("nhiệt độ")
        left.qualifier, k = hedge
        stop -= k
        left.start = run[stop].start()
    if (change := g.changes.ending(run, stop)):
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


def _currency(m: re.Match[str], g: Grammar) -> str | None:
    found = m.groupdict()
    return next((code for name, code in g.currency_groups.items() if found.get(name)), None)


def _hedge(m: re.Match[str]) -> Qualifier | None:
    found = m.groupdict()
    return next((q for i, q in enumerate(QUALIFIERS) if found.get(f"q{i}")), None)


def _in_url(text: str, s: int, e: int) -> bool:
    lo = max(text.rfind(" ", 0, s), text.rfind("\n", 0, s)) + 1
    hi = min((i for i in (text.find(" ", e), text.find("\n", e)) if i >= 0), default=len(text))
    token = text[lo:hi].lower()
    return any(mark in token for mark in URL_MARKS)


def _is_number(page: Page, m: re.Match[str], run: list[re.Match[str]], g: Grammar, joined: bool) -> bool:
    """False for the numbers that are names, dates, times, ordinals or parts of codes."""
    text = page.text
    s, e = m.span()
    if any(a <= s < b for a, b in page.phones):
        return False
    last = ""
    if (word := _last_word(text, run, max(0, s - NAME_WINDOW))):
        last, at = word
        if _names(run, last, at, g):
            return False
        if last in g.months and (not g.months_capitalised or text[at].isupper()):
            return False
    if g.month_after and g.month_after.match(text, e):
        return False
    if g.ordinal.match(text, e):
        return False
    if _in_words(m):
        # a number word capitalised inside a sentence is part of a name ("Ba Đình", "Three Gorges")
        return not text[s].isupper() or _opens_sentence(text, s)
    prev = text[s - 1] if s else " "
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
    if m.group("ratio") and _is_date(m.group("ratio"), last, g):
        return False
    if g.clock.match(text, s):
        return False
    return not (page.urls and _in_url(text, s, e))


def _names(run: list[re.Match[str]], last: str, at: int, g: Grammar) -> bool:
    """Whether the words ending with `last` (at offset `at`) make the number after them a name."""
    stop = next((i + 1 for i in range(len(run) - 1, -1, -1) if run[i].start() == at), None)
    if stop is None:  # a word cut by the window: alone it is all there is
        return g.identifiers.table.get((last,)) is True
    if any(t.group() not in NAME_SIGNS for t in run[stop:]):
        return False  # "một số, 50 …": a comma ends what the word names
    found = g.identifiers.ending(run, stop)
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


def _in_words(m: re.Match[str]) -> bool:
    return "words" in m.re.groupindex


def _value(m: re.Match[str], g: Grammar) -> float:
    if _in_words(m):
        return words_value(m.group("words"), g.syn)
    if m.group("ratio"):
        return float(m.group("ratio").split("/")[0])
    kind = next(k for k in ("grouped", "alt", "plain") if m.group(k))
    return digits_value(m.group(kind), kind, g.syn)


def _piece(page: Page, m: re.Match[str], g: Grammar, joined: bool = False) -> Piece | None:
    """The number `m` with its surroundings; `joined` when it closes a range ("3-5")."""
    text = page.text
    s, e = m.span()
    minus = not joined and _minus(text, s)
    # hedges and change words stand before the sign: "about -3", "a fall of -5%"
    run = _run(text, max(0, s - minus - LEFT_WINDOW), s - minus)
    if not _is_number(page, m, run, g, joined):
        return None
    sign = -1.0 if minus else 1.0
    value = sign * _value(m, g)
    left = _left(text, s - minus, run, g)
    unit = left.currency
    half = g.half.match(text, e)
    if half:  # "five and a half million": a half of one, before the scale
        value += sign * 0.5
    end, factor = half.end() if half else e, 1.0
    r = (g.right_priced if unit else g.right).match(text, end)
    if r.start("S") >= 0:
        word = (r.group("scale") if r.group("scale") is not None else r.group("glued")).lower()
        factor = g.syn.scales.get(word) or g.glued_scales[word]
        value *= factor
        end = r.end("S")
        if not half and (half := g.half.match(text, end)):  # "3 million and a half": a half of the scale
            value += sign * 0.5 * factor
            end = half.end()
            r = (g.right_priced if unit else g.right).match(text, end)
    if r.start("U") >= 0:
        people = "people" in r.re.groupindex and r.group("people") is not None
        unit = "people" if people else "%" if r.group("pct") else _currency(r, g)
        end = r.end("U")
    if end == e and e < len(text) and text[e].isalpha() and not _in_words(m):
        return None  # glued to letters that are no unit: "5G", "15h30"
    qualifier = left.qualifier
    if r.start("H") >= 0:
        qualifier, end = _hedge(r), r.end("H")
    up = left.change is False or bool(r.group("up"))
    down = left.change is True or bool(r.group("down"))
    year_like = (not _in_words(m) and bool(m.group("plain")) and e - s == 4 and FIRST_YEAR <= value <= LAST_YEAR
                 and unit is None and factor == 1 and qualifier is None)
    return Piece(left.start, end, value, unit, factor, qualifier, up, down, year_like, left.last_word)


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


def _figure(text: str, first: Piece, last: Piece, g: Grammar) -> Figure:
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
            start = text.lower().rfind(first.last_word, 0, start)
    down = first.down or last.down
    if down and value > 0:  # "a fall of -5%" states the sign itself
        value = -value
        low, high = (-high if high is not None else None), (-low if low is not None else None)
    return Figure(text=text[start:last.end], start=start, end=last.end, value=value,
                  unit=last.unit or first.unit or "count", qualifier=qualifier, low=low, high=high,
                  change=down or first.up or last.up)


def find_figures(text: str, language: str) -> list[Figure]:
    """Every figure of `text`, in order, with offsets into `text`."""
    g = grammar(language)
    figures: list[Figure] = []
    low = text.lower()
    # lower-casing may change the length of rare letters; then offsets need the original text
    words = (low, g.words) if len(low) == len(text) else (text, re.compile(g.words.pattern, re.IGNORECASE))
    page = Page(text, [m.span() for m in g.phone.finditer(text)], any(mark in low for mark in URL_MARKS), *words)
    numbers = sorted([*g.digits.finditer(text), *page.words.finditer(page.words_text)], key=lambda m: m.start())
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
            figures.append(_figure(text, first, last, g))
    return figures
