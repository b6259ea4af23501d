"""Language of the cleaned text, by lingua on a bounded sample, after a cheap test for the clear cases."""
from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from ..lexicons import toml
from ..text import ascii_words, word_table

# Lingua's time grows with the sample; 500 characters of body text (a few sentences) tell English,
# French and Vietnamese news apart as well as 1500 did on the seeds and the benchmark corpora.
_SAMPLE = 500
_CODES = {Language.ENGLISH: "en", Language.FRENCH: "fr", Language.VIETNAMESE: "vi"}

# Lingua takes about 0.4 ms a document, as long as the rest of cleaning. Most news samples are
# plainly one of the three languages: dense in letters only Vietnamese writes, or in function words
# only English or only French uses. On 5,841 texts (generated reports, the Vietnamese corpus, the
# seeds and examples, and the multilingual pages of trafilatura-eval and scrapinghub) these
# thresholds decided 82% of them, always as lingua does; any other sample still goes to lingua.
_WORDS_NEEDED = 30
_VIETNAMESE_SHARE = 0.2
"""Share of words with a letter only Vietnamese writes ("ơ", "ư", "đ", "ạ"…)."""
_FUNCTION_SHARE = 0.1
_FUNCTION_DISTINCT = 5
"""Distinct function words needed: German repeats "des" often enough to pass the share alone."""
_OTHER_SHARE = 0.02
"""The most the other languages' markers may weigh in a sample that is decided."""
_WORD = re.compile(r"[^\W\d_]+")
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")
_ASCII_LETTERS = word_table(str.isalpha, lower=False)
_VIETNAMESE_LETTERS = frozenset("ơưđ" + "".join(map(chr, range(0x1EA0, 0x1EFA))))


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CODES).with_low_accuracy_mode().build()


@cache
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    """English and French function words that the other language does not write."""
    english = frozenset(toml("en", "stopwords").get("words", ()))
    french = frozenset(toml("fr", "stopwords").get("words", ()))
    return english - french, french - english


def detect_language(text: str) -> str:
    """"en", "fr" or "vi"; "und" when there is nothing to judge."""
    sample = _sample(text)
    if not any(c.isalpha() for c in sample):
        return "und"
    clear = _clear_case(sample)
    if clear:
        return clear
    found = _detector().detect_language_of(sample)
    return _CODES.get(found, "und") if found is not None else "und"


def _clear_case(sample: str) -> str | None:
    """The language when the sample leaves no doubt, else None (lingua decides)."""
    # Another script (Cyrillic, Han, Hangul…) is lingua's to judge: it finds none of the three there.
    if not sample.isascii() and any(c.isalpha() for c in _BEYOND_LATIN.findall(sample)):
        return None
    words = _words(sample.lower())
    n = len(words)
    if n < _WORDS_NEEDED:
        return None
    english, french = _function_words()
    # Vietnamese letters are none of them ASCII: most English and French samples need no word-by-word look.
    marked = 0 if sample.isascii() else n - sum(map(_VIETNAMESE_LETTERS.isdisjoint, words))
    en = list(filter(english.__contains__, words))
    fr = list(filter(french.__contains__, words))
    if marked >= _VIETNAMESE_SHARE * n and len(en) <= _OTHER_SHARE * n and len(fr) <= _OTHER_SHARE * n:
        return "vi"
    if marked:
        return None
    if len(en) >= _FUNCTION_SHARE * n and len(set(en)) >= _FUNCTION_DISTINCT and len(fr) <= _OTHER_SHARE * n:
        return "en"
    if len(fr) >= _FUNCTION_SHARE * n and len(set(fr)) >= _FUNCTION_DISTINCT and len(en) <= _OTHER_SHARE * n:
        return "fr"
    return None


def _words(text: str) -> list[str]:
    """The runs of letters of `text` (what `_WORD` finds, two to four times faster)."""
    if text.isascii():  # its letters are a-z and A-Z: every other character parts words
        return ascii_words(text, _ASCII_LETTERS)
    # A whitespace-separated token of letters only, as most are, is one run: no regex needed.
    words: list[str] = []
    for token in text.split():
        if token.isalpha():
            words.append(token)
        else:
            words += _WORD.findall(token)
    return words


def _sample(text: str) -> str:
    """The start of the text, cut at a word boundary so that no word is half read."""
    if len(text) <= _SAMPLE:
        return text
    cut = text.rfind(" ", 0, _SAMPLE)
    return text[:cut if cut > 0 else _SAMPLE]
