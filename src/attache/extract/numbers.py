"""Numbers as a language writes them: digits with its separators, and number words.

`numbers.toml` of each language says which character is the decimal mark, which
ones group thousands, and which words are numbers; everything here is built
from it once per language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicons import toml
from .patterns import trie

FALLBACK_LANGUAGE = "en"
NOTHING = "(?!)"
"""A regex that never matches."""


def lexicon_language(language: str) -> str:
    """The language whose number lexicon applies: its own when it has one."""
    return language if toml(language, "numbers") else FALLBACK_LANGUAGE


def fragment(entry: str) -> str:
    """A lexicon regex fragment, where a space stands for any run of whitespace."""
    return r"\s+".join(entry.split(" "))


def alternation(entries: list[str] | tuple[str, ...], *, literal: bool = False) -> str:
    """One non-capturing alternation, longest entry first so that "million billion" wins over "million".

    No entries match nothing (an empty group would match everywhere): a language may lack
    ordinal suffixes or glued scales."""
    if not entries:
        return NOTHING
    parts = sorted(entries, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p) if literal else fragment(p) for p in parts) + ")"


@dataclass(frozen=True, slots=True)
class NumberSyntax:
    digits: str
    """Regex with groups `grouped`, `alt` and `plain` for numbers in digits."""
    words: str
    """Regex for a number written in words ("twenty-one", "vingt et un", "a hundred")."""
    word_starts: str
    """Regex for where `words` may match: one of its first words, not followed by a letter or digit
    (inside a word too: `words` itself tells a word start)."""
    word_token: re.Pattern[str]
    values: dict[str, float]
    multipliers: dict[str, float]
    scales: dict[str, float]
    decimal: str
    thousands: str
    half: re.Pattern[str]
    """A half standing for a scale that follows ("half a million"): its words, matched from the start."""


@cache
def syntax(language: str) -> NumberSyntax:
    lex = toml(lexicon_language(language), "numbers")
    decimal: str = lex["decimal"]
    thousands = "".join(lex["thousands"])
    other = "," if decimal == "." else "."
    sep = "[" + re.escape(thousands) + "]"
    digits = (rf"(?P<grouped>\d{{1,3}}(?:{sep}\d{{3}})+(?:{re.escape(decimal)}\d+)?(?!\d))"
              # the other mark as a decimal only where it cannot be a thousands group ("17.6" in French)
              rf"|(?P<alt>\d+{re.escape(other)}(?!\d{{3}}(?!\d))\d+)"
              rf"|(?P<plain>\d+(?:{re.escape(decimal)}\d+)?)")
    values = {k.lower(): float(v) for k, v in lex["words"].items()}
    multipliers = {k.lower(): float(v) for k, v in lex["multipliers"].items()}
    scales = {k.lower(): float(v) for k, v in lex["scales"].items()}
    articles = [a.lower() for a in lex["articles"]]
    leading = [w.lower() for w in lex.get("leading", [])]
    trailing = [w.lower() for w in lex.get("trailing", [])]
    every = [w for w in list(values) + list(multipliers) if w not in leading and w not in trailing]
    # articles start a number only before a multiplier or scale ("a hundred"); leading words stand
    # only there, wherever they are ("năm trăm" is 500, "hai năm" two years); trailing words only
    # right after tens ("hai mươi lăm" is 25, "lăm le" no number)
    scale_ahead = r"(?=[\s-]+" + alternation(list(multipliers) + list(scales), literal=True) + r"(?![\w-]))"
    halves = lex.get("halves", [])
    # "one and a half": an article stands as a number before a half too
    before_scale = (f"(?:{scale_ahead}|(?=\\s+{alternation(halves)}(?![\\w-])))" if halves else scale_ahead)
    half = alternation(lex.get("half_scales", []))
    lead = "|" + alternation(leading, literal=True) + before_scale if leading else ""
    any_word = f"(?:{alternation(every, literal=True)}{lead})"
    starting = [w for w in every if w not in articles]
    starters = alternation(starting, literal=True)
    joiner = alternation(lex["joiners"], literal=True)
    # "and"/"et" joins words only after a multiplier ("one hundred and five") or between tens and
    # one/eleven ("vingt et un"); elsewhere it joins two numbers ("between three and five").
    glues = [rf"(?:{_after(multipliers)})\s+{joiner}\s+"]
    tens = [w for w, v in values.items() if v >= 20 and v % 10 == 0]
    ones = [w for w, v in values.items() if v in (1, 11)]
    if tens and ones:
        glues.append(rf"(?:{_after(tens)})[\s-]+{joiner}[\s-]+(?={alternation(ones, literal=True)}(?![\w-]))")
    glue = "(?:" + "|".join(glues) + r"|\s+|-)"
    tens_and_ten = [w for w, v in values.items() if 10 <= v < 100 and v % 10 == 0]
    trail = rf"|(?:{_after(tens_and_ten)})\s+{alternation(trailing, literal=True)}" if trailing else ""
    # an article is a number after a minus word too ("minus one"): a lookbehind per pair, each of fixed width,
    # tried only once an article matched
    negated = "".join(f"|(?<={re.escape(w.lower())} {re.escape(a)})"
                      for w in lex.get("minus_words", []) for a in articles)
    article = alternation(articles, literal=True) + f"(?:{before_scale}{negated})"
    # one branch per phrase, each opening with a letter: the engine skips such branches at a glance
    halves_scaled = "".join(f"|{fragment(h.lower())}{scale_ahead}"
                            for h in sorted(lex.get("half_scales", []), key=len, reverse=True))
    words = (rf"(?<![\w-])(?:(?:{starters}|{article}{lead})(?:{glue}{any_word}{trail})*(?![\w-]){halves_scaled})")
    # `words` opens with a look-behind, so the engine tries it at every position of a report: the
    # slowest scan of the figures. Its first words alone, as a trie, let the engine skip to their
    # first letters; `words` then runs only where one of them stands.
    firsts = {*starting, *articles, *leading, *(h.lower().split(" ")[0] for h in lex.get("half_scales", []))}
    word_starts = trie(firsts) + r"(?![\w])"
    tokens = alternation(list(values) + list(multipliers), literal=True)
    return NumberSyntax(digits=digits, words=words, word_starts=word_starts,
                        word_token=re.compile(tokens, re.IGNORECASE),
                        values=values, multipliers=multipliers, scales=scales, decimal=decimal,
                        thousands=thousands, half=re.compile(half + r"(?![\w-])", re.IGNORECASE))


def _after(words: dict[str, float] | list[str]) -> str:
    """Lookbehinds: right after one of `words`."""
    return "|".join(f"(?<={re.escape(w)})" for w in words) or NOTHING


def digits_value(text: str, kind: str, syn: NumberSyntax) -> float:
    """Value of a number in digits matched by `syn.digits` as group `kind`."""
    if kind == "grouped":
        whole, _, frac = text.partition(syn.decimal)
        whole = "".join(c for c in whole if c.isdigit())
        return float(f"{whole}.{frac}" if frac else whole)
    if kind == "alt":
        return float(text.replace(",", "."))
    return float(text.replace(syn.decimal, "."))


def words_value(text: str, syn: NumberSyntax) -> float:
    """Value of a number in words: units add up, multipliers scale what came before."""
    if syn.half.match(text):
        return 0.5
    total = current = 0.0
    for token in syn.word_token.findall(text.lower()):
        if token in syn.values:
            current += syn.values[token]
            continue
        factor = syn.multipliers[token]
        if factor >= 1000:
            total += max(current, 1.0) * factor
            current = 0.0
        else:
            current = max(current, 1.0) * factor
    return total + current


@cache
def _whole(language: str) -> re.Pattern[str]:
    syn = syntax(language)
    return re.compile(rf"(?:{syn.digits}|(?P<words>{syn.words}))\Z", re.IGNORECASE)


def number_value(text: str, language: str) -> float | None:
    """Value of a bare number ("3", "three", "trois"), None when `text` is not one."""
    m = _whole(language).match(text.strip())
    if m is None:
        return None
    syn = syntax(language)
    if m.group("words"):
        return words_value(m.group("words"), syn)
    kind = next(k for k in ("grouped", "alt", "plain") if m.group(k))
    return digits_value(m.group(kind), kind, syn)
