"""Plain-text pages: separate the report from the page furniture around it.

Text copied from a web page holds one paragraph per line, wrapped in menus,
widgets, captions, bylines and, after the end of the report, a list of other
headlines. Each line is classified on its own first; then the few rules that
need context (where the report ends, menu runs, headline, lone byline) look at
the classified sequence.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum, auto
from functools import cache
from itertools import repeat

from ..model import Credit
from ..sources.dates import iso_date, iso_from_match
from .rules import Rules, rules


class Kind(Enum):
    BODY = auto()
    SHORT = auto()
    """A line of at most a few words: a heading, or one item of a menu."""
    PUNCT = auto()
    IMAGE = auto()
    WIDGET = auto()
    TAIL = auto()
    SOURCE = auto()
    DATELINE = auto()
    BYLINE = auto()
    CAPTION = auto()
    SLOT = auto()
    """An image's alt text followed by its number ("… - Ảnh 3.")."""


# Kinds tested together, gathered once: looking enum members up (slow in Python 3.11) cost as much as the
# tests, line after line.
_TEXT = (Kind.BODY, Kind.SHORT)
"""The kinds of the report's paragraphs."""
_MENU_ITEM = (Kind.SHORT, Kind.PUNCT, Kind.WIDGET)
_REPORT_END = (Kind.TAIL, Kind.SOURCE)
_ABOVE_HEADLINE = (Kind.WIDGET, Kind.PUNCT, Kind.IMAGE, Kind.DATELINE)
_FURNITURE = (Kind.WIDGET, Kind.PUNCT)


@dataclass(slots=True)
class Line:
    kind: Kind
    text: str
    value: str | None = None
    """The caption text, the source URL or the ISO date, by kind."""
    names: Sequence[str] = ()


@dataclass(slots=True)
class Page:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    url: str | None = None
    captions: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)


_INVISIBLE = "\xad\u200b\u200c\u200d\u2060\ufeff"
_SHORT_WORDS = 3
_SHORT_CHARS = 40
_MENU_RUN = 3
_BODY_WORDS = 8
_HEADLINE_CHARS = 250
_HEADLINE_WORDS = 30
_IMAGE_CAPTION_CHARS = 300
_TERMINAL = ".!?…。！？"
_DATELINE_CHARS = 140
_DATELINE_HEAD = 100
_CREDIT_CHARS = 90
_CREDIT_MARKER_CHARS = 30


# Compiled at import, not behind a cached function: each line meets them, and the call costs as much as
# a failing match.
_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")
_PUNCT_ONLY = re.compile(r"[\W_]+")


@cache
def _dateline_head() -> re.Pattern[str]:
    """Words only (a weekday, "Published", an outlet's name), with separators: no sentence, no handle."""
    return re.compile(r"[^\W\d_]*(?:[\s,:|–—-]+[^\W\d_]+)*[\s,:|–—-]*")


@cache
def _invisible() -> re.Pattern[str]:
    return re.compile(f"[{_INVISIBLE}]")


def normalise(line: str) -> str:
    """Single spaces, no indentation, no invisible characters (soft hyphens, zero-width spaces), composed accents.

    Some Vietnamese pages write "ế" as "e" plus combining marks: composed (NFC), every lexicon word matches it.
    """
    # Most lines are printable: the invisible characters are all formats (Cf), which are not, and the
    # plain space is then the only whitespace, so spacing is all there can be to fix.
    if line.isprintable():
        text = " ".join(line.split()) if "  " in line or line[:1] == " " or line[-1:] == " " else line
        if text.isascii():  # no combining character either (half the time on the generated reports)
            return text
    else:
        # A regex substitution leaves most lines untouched far faster than str.translate walks them.
        text = " ".join(_invisible().sub("", line).split())
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _key(text: str | None) -> str:
    """Comparison key for lines of one page (cheaper than `fold`, which also drops diacritics)."""
    return " ".join(text.casefold().split()) if text else ""


def clean_text(content: str, *, title: str | None = None) -> Page:
    """Split a page's text into report paragraphs, captions, credits and what the page says about itself.

    `title` is a title already known (from metadata); the page's first line is then
    dropped when it repeats it, and no other headline is looked for.
    """
    r = rules()
    lines: list[Line] = []
    for raw in content.splitlines():
        text = normalise(raw) if raw and not raw.isspace() else ""
        if text:
            lines.append(Line(Kind.WIDGET, text) if _is_menu(raw) else _classify(text, r))
    page = Page(title=title)
    end = _report_end(lines)
    _read_tail(lines[end:], page)
    body = lines[:end]
    # Before menu runs: a byline followed by share and rating widgets would read as one more menu item.
    _lone_byline(body)
    _drop_menu_runs(body)
    if title:
        _drop_repeated_title(body, title)
    else:
        page.title = _headline(body)
    _image_captions(body)
    _collect(body, page, r)
    return page


def _classify(text: str, r: Rules) -> Line:
    if text[0] == "|" and text.count("|") > 1 and _WORD.search(text):  # a table row, as extractors write tables
        return Line(Kind.BODY, text)
    # [\W_] is what `str.isalnum` denies: a line opening with a letter or digit needs no match.
    if not text[0].isalnum() and _PUNCT_ONLY.fullmatch(text):
        return Line(Kind.PUNCT, text)
    # Image, source, attribution and byline lines open with what the lexicons name: one test rules all four out.
    opening = r.opening.matches(text)
    if opening:
        if r.image_url.fullmatch(text):
            return Line(Kind.IMAGE, text)
        m = r.source.fullmatch(text)
        if m:
            url = r.url.search(m.group("rest"))
            return Line(Kind.SOURCE, text, url.group(0) if url else None)
        if _attribution(text, r):
            return Line(Kind.SOURCE, text)
    key = _undouble(text)
    furniture = r.furniture.matches(key)  # widget or tail marker: one test for most lines, which are neither
    if (furniture and r.widget.matches(key)) or r.banner.fullmatch(text) or _widget_bar(text, r):
        return Line(Kind.WIDGET, text)
    if furniture and r.tail.matches(key):
        return Line(Kind.TAIL, text)
    digit = _DIGIT.search(text) if len(text) <= _DATELINE_CHARS else None
    if digit:
        line = _dateline(text, digit.start(), r)
        if line:
            return line
    line = (_byline(text, r) if opening else None) or _caption(text, r)
    if line:
        return line
    text = _strip_read_more(text, r)
    # Words counted only in a line short enough: most are paragraphs, whose spaces need no count.
    short = len(text) <= _SHORT_CHARS and text.count(" ") < _SHORT_WORDS and text[-1] not in _TERMINAL
    return Line(Kind.SHORT if short else Kind.BODY, text)


_READ_MORE_CHARS = 30


def _strip_read_more(text: str, r: Rules) -> str:
    """"… the last sentence. Đọc tiếp": a widget label glued after the paragraph's last sentence goes."""
    if text[-1] in _TERMINAL:  # most paragraphs end with a sentence: nothing to look for
        return text
    end = max(map(text.rfind, _TERMINAL, repeat(max(0, len(text) - _READ_MORE_CHARS), len(_TERMINAL))))
    if end > 0 and r.widget.matches(text, end + 1):
        return text[:end + 1]
    return text


_BAR_CHARS = "|·•»"


@cache
def _menu_separator() -> re.Pattern[str]:
    return re.compile(rf"\s{{2,}}|\s*[{_BAR_CHARS}]\s*|\t")


_MENU_ITEMS = 4
_MENU_ITEM_WORDS = 3


def _is_menu(raw: str) -> bool:
    """One line of several short capitalised items set apart by wide gaps or bars: a navigation bar."""
    line = raw.strip()
    if line[-1:] in _TERMINAL:  # most lines are sentences: no need to split them
        return False
    # Headings and paragraphs closing with a quote: only a bar, a tab or a run of whitespace parts items, and
    # every whitespace character but the plain space is unprintable.
    if (line.isprintable() and "  " not in line and "|" not in line and "·" not in line and "•" not in line
            and "»" not in line):
        return False
    items = [item for item in _menu_separator().split(line) if item]
    return (len(items) >= _MENU_ITEMS
            and all(item[0].isupper() and item.count(" ") < _MENU_ITEM_WORDS for item in items))


def _widget_bar(text: str, r: Rules) -> bool:
    """"Share | Print | Rate this article": a bar whose every item is a widget."""
    # The text is normalised (single spaces, no tabs): only a bar character can separate items. The
    # characters of _BAR_CHARS are looked for one by one, four times faster than through a generator.
    if "|" not in text and "·" not in text and "•" not in text and "»" not in text:
        return False
    parts = [p for p in _menu_separator().split(text) if p.strip()]
    return len(parts) >= 2 and all(r.widget.matches(p) for p in parts)


def _undouble(text: str) -> str:
    """A widget label some pages print twice on one line ("Hot news Hot news") reads once."""
    # The text is normalised (single spaces, no padding): twice the same words is the same half on
    # both sides of the middle space, told without splitting every paragraph into words.
    half = len(text) // 2
    if len(text) % 2 and text[half] == " " and text[:half] == text[half + 1:]:
        return text[:half]
    return text


def _dateline(text: str, first: int, r: Rules) -> Line | None:
    """A line that is only a date (and time) from its first digit (at `first`), after a few words: a weekday,
    "Published", an outlet's name."""
    head = text[:first]
    if len(head) > _DATELINE_HEAD:
        return None
    m = r.dateline.fullmatch(text, first)
    if not m:
        return None
    if m.group("ty2"):  # "January 6, 2025": the month is the head's last word
        w = r.month_word.search(head)
        month = r.months.get(w.group(1).lower()) if w else None
        if month is None:
            return None
        head = head[:w.start()]
        iso = iso_date(int(m.group("ty2")), month, int(m.group("td2")))
    elif m.group("tm"):
        month = r.months.get(m.group("tm").lower())
        iso = iso_date(int(m.group("ty")), month, int(m.group("td"))) if month else None
    else:
        iso = iso_from_match(m)
    if iso is None or not _dateline_head().fullmatch(head):
        return None
    return Line(Kind.DATELINE, text, iso)


_OUTLET_WORDS = 5


def _attribution(text: str, r: Rules) -> bool:
    """"Theo TTXVN", "Theo Dân trí": a few words naming an outlet, not a sentence ("Theo Bộ Y tế, …")."""
    m = r.attribution.fullmatch(text)
    return bool(m and m.group("outlet")[0].isupper() and m.group("outlet").count(" ") < _OUTLET_WORDS)


def _byline(text: str, r: Rules) -> Line | None:
    if len(text) > 100:
        return None
    m = r.byline.fullmatch(text)
    if not m:
        return None
    names = [n for n in r.name_joiners.split(m.group("names")) if n]
    if names and all(_is_name(n, r, max_words=5) for n in names):
        return Line(Kind.BYLINE, text, names=names)
    return None


def _caption(text: str, r: Rules) -> Line | None:
    colon = text.rfind(":")
    if colon > 0 and len(text) - colon <= _CREDIT_CHARS and r.photo_credit_back.match(text[colon - 1::-1]):
        # The credit closes the line: look for its marker just before the last colon only.
        m = r.photo_credit.search(text, max(0, colon - _CREDIT_MARKER_CHARS))
        if m and m.group("credit").count(" ") < 8:
            return Line(Kind.CAPTION, text, _caption_text(text[:m.start()]), _photo_names(m.group("credit"), r))
    if text.rstrip(". ")[-1:].isdigit() and r.photo_slot_back.match(text[::-1]):
        # The text is normalised (single spaces), so a slot marker lies within its last few characters;
        # searching from there spares trying the pattern at every position of a long paragraph.
        m = r.photo_slot.search(text, max(0, len(text) - r.photo_slot_chars))
        if m:
            return Line(Kind.SLOT, text, _caption_text(text[:m.start()]))
    if text.endswith("|"):
        return Line(Kind.CAPTION, text, _caption_text(text))
    return None


def _caption_text(text: str) -> str:
    return text.rstrip(" -–—|/(:")


def _photo_names(credit: str, r: Rules) -> list[str]:
    """Photographers named in a credit: "VGP/Nhat Bac" -> Nhat Bac; an agency or initials alone name nobody."""
    names = []
    for part in re.split(r"\s*[,;]\s*", credit.strip()):
        name = part.rsplit("/", 1)[-1].strip()
        for single in r.name_joiners.split(name):
            if _is_name(single, r, max_words=5) and not (single.isupper() and " " not in single):
                names.append(single)
    return names


def _is_name(text: str, r: Rules, *, max_words: int) -> bool:
    words = text.split()
    if not 1 <= len(words) <= max_words:
        return False
    for i, word in enumerate(words):
        if i and word.lower() in r.name_particles:
            continue
        letters = word.replace(".", "").replace("-", "").replace("'", "").replace("’", "")
        if not letters.isalpha() or not word[0].isupper():
            return False
    return any(len(w.strip(".")) > 1 for w in words)


def _report_end(lines: list[Line]) -> int:
    """Index of the first line after the report: a source line, comment counter or related-news marker."""
    # Only a marker after the report's first paragraph of some length ends it.
    body = Kind.BODY
    for start, line in enumerate(lines):
        if line.kind is body and line.text.count(" ") + 1 >= _BODY_WORDS:
            break
    else:
        return len(lines)
    for i in range(start + 1, len(lines)):
        if lines[i].kind in _REPORT_END:
            return i
    return len(lines)


def _read_tail(tail: list[Line], page: Page) -> None:
    """After the report only the source line and explicit bylines are kept; the rest is other pages' headlines."""
    for line in tail:
        if line.kind is Kind.SOURCE and line.value and page.url is None:
            page.url = line.value
        elif line.kind is Kind.BYLINE:
            page.credits.extend(Credit(name, "author", line.text) for name in line.names)


def _drop_menu_runs(lines: list[Line]) -> None:
    """Runs of very short lines (menus, tag lists), with lone punctuation between them, are navigation."""
    run: list[Line] = []
    for line in [*lines, Line(Kind.BODY, "")]:
        if line.kind in _MENU_ITEM:
            run.append(line)
        elif run:
            if sum(1 for x in run if x.kind is not Kind.PUNCT) >= _MENU_RUN:
                for x in run:
                    x.kind = Kind.WIDGET
            run = []


def _lone_byline(lines: list[Line]) -> None:
    """A personal name alone on the report's last line, or just before a source line, is its author.

    Not the last of several short lines: that is a menu or a tag list.
    """
    last = _last_index(lines, _TEXT)
    candidates = {last} if last is not None else set()
    source = Kind.SOURCE
    candidates.update(i - 1 for i, line in enumerate(lines) if line.kind is source and i)
    r = rules()
    for i in sorted(candidates):
        line = lines[i]
        previous = _last_index(lines[:i], _TEXT)
        if previous is not None and lines[previous].kind is Kind.SHORT:
            continue
        # "Thanh Hương (TTXVN)", "Thu Hà/CVN": the agency after the name is no part of it. Without a
        # bracket or a slash there is none, and no need to try the pattern at every position of the line.
        text = line.text
        name = _agency_suffix().sub("", text) if ")" in text or "/" in text else text
        if (line.kind in _TEXT and 2 <= name.count(" ") + 1 <= 4
                and _is_name(name, r, max_words=4)):
            line.kind = Kind.BYLINE
            line.names = (name,)


@cache
def _agency_suffix() -> re.Pattern[str]:
    return re.compile(r"\s*(?:\(\s*[A-ZĐ][A-ZĐ0-9.+-]+\s*\)|/\s*[A-ZĐ][A-ZĐ0-9.+-]+)$")


def _last_index(lines: list[Line], kinds: tuple[Kind, ...]) -> int | None:
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].kind in kinds:
            return i
    return None


def _drop_repeated_title(lines: list[Line], title: str) -> None:
    key = _key(title)
    for line in lines:
        if line.kind in _TEXT:
            if _key(line.text) == key:
                line.kind = Kind.WIDGET
            return


def _headline(lines: list[Line]) -> str | None:
    """The headline is the heading-like line right above the report (or above its dateline).

    Pages often open with the site's name or slogan before it; such a line
    among several headings is a banner, not the title, and is dropped.
    """
    headings = []
    for i, line in enumerate(lines):
        if line.kind in _ABOVE_HEADLINE:
            continue
        if line.kind not in _TEXT or not _heading_like(line.text):
            break
        headings.append(i)
    if not headings or not any(line.kind is Kind.BODY for line in lines[headings[-1] + 1:]):
        return None
    chosen = next((i for i in headings if _before_dateline(lines, i)), None)
    if chosen is None:
        chosen = next((i for i in headings if not _banner_like(lines[i].text)), headings[-1])
    for i in headings:
        if i < chosen and _banner_like(lines[i].text):
            lines[i].kind = Kind.WIDGET
    lines[chosen].kind = Kind.WIDGET
    return lines[chosen].text


def _heading_like(text: str) -> bool:
    return (len(text) <= _HEADLINE_CHARS and text.count(" ") < _HEADLINE_WORDS
            and text[-1] not in _TERMINAL + ":;,")


def _before_dateline(lines: list[Line], i: int) -> bool:
    following = next((x for x in lines[i + 1:] if x.kind not in _FURNITURE), None)
    return following is not None and following.kind is Kind.DATELINE


@cache
def _banner_parts() -> re.Pattern[str]:
    return re.compile(r"\s+[|–—-]\s+")


def _banner_like(text: str) -> bool:
    """"Site Name - slogan" or "Site | Section - Section": parts set apart by spaced dashes or bars."""
    parts = _banner_parts().split(text)
    return len(parts) >= 2 and min(len(p.split()) for p in parts) <= _BANNER_PART_WORDS


_BANNER_PART_WORDS = 4


def _image_captions(lines: list[Line]) -> None:
    """A short line right under a bare image URL describes the picture."""
    image = Kind.IMAGE
    for prev, line in zip(lines, lines[1:]):
        if prev.kind is image and line.kind is Kind.BODY and len(line.text) <= _IMAGE_CAPTION_CHARS:
            line.kind = Kind.CAPTION
            line.value = line.text


def _collect(lines: list[Line], page: Page, r: Rules) -> None:
    slot = Kind.SLOT
    slots = [_key(line.value) for line in lines if line.kind is slot]
    title = _key(page.title)
    for line in lines:
        kind = line.kind
        if kind in _TEXT:
            page.paragraphs.append(_strip_outlet(line.text, r) if not page.paragraphs else line.text)
        elif kind is Kind.CAPTION:
            if line.value:
                page.captions.append(line.value)
            page.credits.extend(Credit(name, "photo", line.text) for name in line.names)
        elif kind is slot:
            # CMSes fill every image's alt text with the headline: only a distinct one describes its picture.
            key = _key(line.value)
            if line.value and slots.count(key) == 1 and key != title:
                page.captions.append(line.value)
        elif kind is Kind.BYLINE:
            page.credits.extend(Credit(name, "author", line.text) for name in line.names)
        elif kind is Kind.SOURCE and line.value and page.url is None:
            page.url = line.value
        elif kind is Kind.DATELINE and page.published is None:
            page.published = line.value


def _strip_outlet(text: str, r: Rules) -> str:
    """The outlet's name opening the first paragraph ("(site.gov.vn) - On Monday …") is not report text."""
    m = r.outlet_prefix.match(text)
    return text[m.end():] if m else text
