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
_DOMAIN = r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,10}"
# A caption's credit follows the caption text after a dash, a bar, a bracket or a sentence end.
_CREDIT_LEAD = r"(?:^|(?<=[.!?…])\s*|\s*[-–—|(]\s*)"


@dataclass(frozen=True, slots=True)
class Rules:
    widget: re.Pattern[str]
    tail: re.Pattern[str]
    source: re.Pattern[str]
    byline: re.Pattern[str]
    attribution: re.Pattern[str]
    """"Theo TTXVN": a line crediting the report to an outlet, whose words follow."""
    photo_credit: re.Pattern[str]
    photo_slot: re.Pattern[str]
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
    images = "|".join(map(re.escape, common.get("image_extensions", []))) or "(?!)"
    i = re.IGNORECASE
    return Rules(
        widget=re.compile(rf"\W*(?:{_patterns(_gather('widgets', [common, *langs]))})\W*", i),
        tail=re.compile(rf"\W*(?:{_patterns(_gather('tail', langs))})\W*", i),
        source=re.compile(rf"(?:{_words(_gather('source', langs))})\s*:\s*(?P<rest>.{{0,300}})", i),
        byline=re.compile(rf"(?:{_words(_gather('byline', langs))})(?:\s*:\s*|\s+)(?P<names>[^:]{{2,80}}?)\.?", i),
        attribution=re.compile(
            rf"(?:{_words(_gather('attribution', langs)) or '(?!)'})\s+(?P<outlet>[^\W\d_][^,;:!?]{{0,50}}?)\.?", i),
        photo_credit=re.compile(
            rf"{_CREDIT_LEAD}\(?(?:{photo})\s*:\s*(?P<credit>[^:|()]{{1,80}}?)\s*\)?\s*\|?\s*$", i),
        photo_slot=re.compile(rf"(?<=\S)\s*[-–—]?\s*(?:{photo})\s+\d{{1,3}}\s*\.?$", i),
        # " - " + the longest photo word + " 123 ." (each whitespace run being one space)
        photo_slot_chars=3 + max(map(len, photo_words), default=0) + 6,
        dateline=re.compile(rf"(?:{_TIME}{separators}{between})?{date}(?:{separators}{_TIME})?[\s)\]]*", i),
        month_word=re.compile(r"([^\W\d_]+)\.?,?\s*$"),
        months=months,
        banner=re.compile(rf"{_DOMAIN}(?:\s*[-–—|:]\s*[^.!?]{{0,80}})?", i),
        # "(site.gov.vn) - …", "(TTXVN) - …": an outlet's domain, or its acronym in capitals in brackets.
        outlet_prefix=re.compile(
            rf"(?:\(?{_DOMAIN}\)?|(?-i:\([A-ZĐ]{{2,10}}\)))\s*[-–—:]\s+(?=\S+\s+\S+\s+\S)", i),
        url=re.compile(r"(?:https?://|www\.)\S+", i),
        image_url=re.compile(rf"(?:https?://|www\.)\S+\.(?:{images})(?:[?#]\S*)?", i),
        name_particles=frozenset(common.get("name_particles", [])),
        name_joiners=re.compile(rf"\s*(?:[,;/]|\s(?:{_words(common.get('name_joiners', []))})\s)\s*", i),
        abbreviations=frozenset(a.lower() for code in codes
                                for a in lexicons.toml(code, "sentences").get("abbreviations", [])),
    )
