"""The setting of the reported event: type, PLOVER code, title, place, bridge points.

The event sentence is the one holding the event date, else the first sentence
of the lead with an event trigger. Its first trigger gives the type; the noun
phrase around a noun trigger gives the title ("the 32nd Diplomatic Conference
with the theme ..." -> "32nd Diplomatic Conference"), a bare noun ("the
conference") gives none. Vietnamese puts the modifiers after the head noun
("Hội nghị tổng kết công tác năm 2025 ... của ngành Công Thương"): only the words
after the trigger count, and a trigger inside a venue's name ("Trung tâm Hội nghị
Quốc gia") is none. The place is a city or province right after "in"/"à"/"tại"
in the event sentence (else in the lead), never a bridge point. Bridge points,
the provinces that joined online, are read from the whole text and the
captions: a PlaceMention where there is one, else the capitalised words next to
the bridge words ("at the Ca Mau province bridge" -> "Ca Mau", "tại điểm
cầu tỉnh Nghệ An" -> "Nghe An"); weak wording ("điểm cầu X") needs a known province.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicons
from ..model import CleanDocument, EventSetting, PlaceMention, Span, Timing
from ..text import fold, to_ascii
from .dates import Phrases, lower, phrase_pattern

_LEAD_PARAGRAPHS = 6
_LEAD_CHARS = 2000
_TITLE_WORDS = 30
_MODIFIERS = 4
_MODIFIER_CHARS = 60
_PLACE_WORDS = 4
_PROVINCE_WORDS = 2
_VENUE_CHARS = 20
_NAME_WINDOW = 80
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
# A title ends at punctuation that closes the noun phrase, or a dash between words. Opening with one character
# class lets the engine skip in C to where a match can start (only its start is used).
_TITLE_END = re.compile(r"[,.;:!?()\[\]\"“”«»|\n\s](?:(?<=[,.;:!?()\[\]\"“”«»|\n])|(?<=\s)[-–—]\s)")
_TOKEN = re.compile(r"[\w'’-]+")
_NAME_TOKEN = r"[\w'’-]+"
_NAME_AFTER = re.compile(rf"[ \t]*(?P<place>(?:{_NAME_TOKEN}[ \t]+){{0,{_PLACE_WORDS - 1}}}{_NAME_TOKEN})")
_ORDINAL_NUMBER = re.compile(r"\d+(?:st|nd|rd|th|e|er|ème|eme)?$", re.IGNORECASE)
# What may follow a place preposition up to the place: spaces and "the" (see `_preposition_before`).
_AFTER_PREPOSITION = re.compile(r"[\sthe]*", re.IGNORECASE)
_PREPOSITION_REACH = 40


@dataclass(frozen=True, slots=True)
class _Trigger:
    type: str
    plover: str
    noun: bool


@dataclass(frozen=True, slots=True)
class _Lang:
    triggers: re.Pattern[str]
    """On lower-case text, like every word pattern here."""
    kinds: dict[str, _Trigger]
    stops: re.Pattern[str]
    stops_cased: bool
    """Whether stop words count only as written in lower case (matched on the text, not its lower case)."""
    dangling: frozenset[str]
    """Words a title cannot end with: dropped from its end."""
    determiners: frozenset[str]
    continues: frozenset[str] | None
    """Words that may open the words after the trigger; None: any word may."""
    continues_capitalised: bool
    """Whether a capitalised word may open them too ("Diễn đàn Kinh tế ...")."""
    modifiers_before: bool
    """Whether words before the trigger can belong to the title (not in head-first languages)."""
    venue_before: re.Pattern[str] | None
    """Words right before a trigger that make it part of a venue's name ("trung tâm" hội nghị)."""
    place_prepositions: re.Pattern[str]
    longest_preposition: int
    """Characters of the longest place preposition, which bound where `place_prepositions` can start."""
    bridge_after: Phrases
    """Words that follow the province name ("bridge point")."""
    weak: frozenset[str]
    """Those of them that need a province word or a known province ("side")."""
    bridge_before: Phrases
    """Words that precede the province name ("au pont de")."""
    weak_before: frozenset[str]
    """Those of them that need a known province ("điểm cầu")."""
    name_before: re.Pattern[str]
    province_words: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@cache
def _lang(language: str) -> _Lang:
    lex = lexicons.toml(language, "events") or lexicons.toml("en", "events")
    kinds: dict[str, _Trigger] = {}
    for t in lex.get("trigger", []):
        for word in t.get("nouns", []):
            kinds.setdefault(word.lower(), _Trigger(t["type"], t["plover"], True))
        for word in t.get("verbs", []):
            kinds.setdefault(word.lower(), _Trigger(t["type"], t["plover"], False))
    title, bridge = lex.get("title", {}), lex.get("bridge", {})
    province_words = [w.lower() for w in bridge.get("province_words", [])]
    weak = [w.lower() for w in bridge.get("after_place_weak", [])]
    weak_before = [w.lower() for w in bridge.get("before_place_weak", [])]
    return _Lang(
        re.compile(phrase_pattern(list(kinds))),
        kinds,
        re.compile(phrase_pattern([w.lower() for w in title.get("stop_words", [])])),
        bool(title.get("stop_words_cased")),
        frozenset(w.lower() for w in title.get("dangling", [])),
        frozenset(w.lower() for w in title.get("determiners", [])),
        frozenset(w.lower() for w in title["continues"]) if "continues" in title else None,
        bool(title.get("continues_capitalised")),
        title.get("modifiers_before", True),
        re.compile(rf"(?<!\w)(?:{_alternation([w.lower() for w in title['venues']])})\s+$")
        if title.get("venues") else None,
        re.compile(rf"(?<!\w)(?:{_alternation(title.get('place_prepositions', []))})\s+(?:the\s+)?$", re.IGNORECASE),
        max(map(len, title.get("place_prepositions", [])), default=0),
        Phrases.of(bridge.get("after_place", []) + weak),
        frozenset(weak),
        Phrases.of(bridge.get("before_place", []) + weak_before),
        frozenset(weak_before),
        re.compile(rf"(?P<place>(?:{_NAME_TOKEN}[ \t]+){{0,{_PLACE_WORDS - 1}}}{_NAME_TOKEN})[ \t]+"
                   rf"(?P<province>(?i:{_alternation(province_words)})[ \t]+)?$"),
        frozenset(province_words),
    )


# --- the event sentence, type and title ---

def _lead_sentences(doc: CleanDocument) -> list[Span]:
    end = doc.paragraphs[min(_LEAD_PARAGRAPHS, len(doc.paragraphs)) - 1].end if doc.paragraphs else len(doc.text)
    end = min(end, _LEAD_CHARS)
    if doc.sentences:
        return [s for s in doc.sentences if s.start < end]
    return [Span(m.start(), m.end()) for m in _SENTENCE.finditer(doc.text, 0, end)]


def _event_sentences(doc: CleanDocument, timing: Timing) -> list[Span]:
    """Lead sentences, the one holding the event date first."""
    lead = _lead_sentences(doc)
    span = timing.event_date_span
    if span is None:
        return lead
    holding = [s for s in lead if s.start <= span.start < s.end]
    if not holding and doc.sentences:
        holding = [s for s in doc.sentences if s.start <= span.start < s.end]
    return holding + [s for s in lead if s not in holding]


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or bool(_ORDINAL_NUMBER.match(token))


def _title_start(text: str, sentence: Span, start: int, lang: _Lang) -> int:
    """Start of the modifiers before the trigger: all words back to a close determiner, else capitalised ones."""
    # The words are those of a scan from the sentence start, only the last few wanted: a scan of the
    # characters just before the trigger finds them, unless it holds too few words to drop the first, which
    # may be the end of a longer one.
    near = list(_TOKEN.finditer(text, max(sentence.start, start - _MODIFIER_CHARS), start))
    if len(near) <= _MODIFIERS + 1:
        near = list(_TOKEN.finditer(text, sentence.start, start))
    left = near[-_MODIFIERS - 1:]
    modifiers: list[re.Match[str]] = []
    edge = start
    for token in reversed(left):
        if _TITLE_END.search(text, token.end(), edge):
            break
        if token.group().lower() in lang.determiners:
            return modifiers[-1].start() if modifiers else start
        modifiers.append(token)
        edge = token.start()
    first = start
    for token in modifiers:
        if not _is_cap(token.group()):
            break
        first = token.start()
    return first


def _preposition_before(text: str, start: int, end: int, lang: _Lang) -> re.Match[str] | None:
    """`lang.place_prepositions` searched in text[start:end], trying only where its match can start.

    Its match ends at `end` with spaces and "the" after the preposition, so it starts at most the longest
    preposition before the run of such characters that ends there: a search from `start` would try every
    position of the sentence.
    """
    tail = text[max(start, end - _PREPOSITION_REACH):end]
    run = _AFTER_PREPOSITION.match(tail[::-1]).end()
    first = start if run == len(tail) else max(start, end - run - lang.longest_preposition)
    return lang.place_prepositions.search(text, first, end)


def _continues(word: str, lang: _Lang) -> bool:
    return (word.lower() in (lang.continues or ())
            or (lang.continues_capitalised and (word[:1].isupper() or word[:1].isdigit())))


def _title_end(text: str, low: str, sentence: Span, end: int, lang: _Lang) -> int:
    """End of the words after the trigger: punctuation, a stop word, "in <Place>", or the length limit."""
    stop = sentence.end
    stops = lang.stops.search(text if lang.stops_cased else low, end, stop)
    for found in (_TITLE_END.search(text, end, stop), stops):
        if found is not None:
            stop = min(stop, found.start())
    tokens = list(_TOKEN.finditer(text, end, stop))
    if tokens and lang.continues is not None and not _continues(tokens[0].group(), lang):
        return end
    # Only a capitalised word can be the place, and most titles have none: one test spares a look at each word.
    if not text[end:stop].islower():
        for token in tokens:
            if token.group()[:1].isupper():
                preposition = _preposition_before(text, end, token.start(), lang)
                if preposition is not None:
                    return preposition.start()
    return tokens[_TITLE_WORDS - 1].end() if len(tokens) > _TITLE_WORDS else stop


def _title(text: str, low: str, sentence: Span, start: int, end: int, lang: _Lang) -> str | None:
    """The noun phrase headed by the trigger at [start, end), or None when it is the bare noun."""
    first = _title_start(text, sentence, start, lang) if lang.modifiers_before else start
    words = text[first:_title_end(text, low, sentence, end, lang)].split()
    while len(words) > 1 and words[-1].lower() in lang.dangling:
        words.pop()
    phrase = " ".join(words)
    if fold(phrase) == fold(text[start:end]):
        return None
    return phrase[:1].upper() + phrase[1:]


def _type_and_title(doc: CleanDocument, low: str, sentences: list[Span],
                    lang: _Lang) -> tuple[_Trigger | None, str | None]:
    chosen: _Trigger | None = None
    for sentence in sentences:
        for m in lang.triggers.finditer(low, sentence.start, sentence.end):
            if lang.venue_before is not None and lang.venue_before.search(low, max(0, m.start() - _VENUE_CHARS),
                                                                           m.start()):
                continue  # "Trung tâm Hội nghị Quốc gia" is a venue, not a conference
            trigger = lang.kinds[m.group()]
            chosen = chosen or trigger
            if trigger.type != chosen.type or not trigger.noun:
                continue
            title = _title(doc.text, low, sentence, m.start(), m.end(), lang)
            if title:
                return chosen, title
    return chosen, None


# --- bridge points and place ---

def _name(text: str, start: int, end: int, place_first: bool, lang: _Lang) -> tuple[Span, bool] | None:
    """The capitalised words of text[start:end] nearest the bridge words, and whether a province word sat between."""
    tokens = list(_TOKEN.finditer(text, start, end))
    province = False
    if place_first:
        tokens.reverse()
        while tokens and tokens[0].group().lower() in lang.province_words:
            tokens.pop(0)
            province = True
    name: list[re.Match[str]] = []
    for token in tokens:
        word = token.group()
        if not word[:1].isupper() or word.lower() in lang.province_words:
            break
        name.append(token)
    if not name:
        return None
    name.sort(key=lambda t: t.start())
    return Span(name[0].start(), name[-1].end()), province


def _canonical(words: str, span: Span | None, places: list[PlaceMention], lang: _Lang) -> str | None:
    if span is not None:
        for p in places:
            if p.kind != "country" and p.span.start < span.end and span.start < p.span.end:
                return p.name
    tokens = words.split()
    # "The Lao Cai bridge point": a capitalised determiner opens the phrase, not the name.
    while len(tokens) > 1 and tokens[0].lower() in lang.determiners:
        tokens.pop(0)
    if not tokens or tokens[0].lower() in lang.determiners:
        return None
    words = " ".join(tokens)
    key = fold(words)
    known = next((p.name for p in places if fold(p.name) == key or fold(p.text) == key), None)
    return known or to_ascii(words)


def _known_province(name: str, places: list[PlaceMention]) -> bool:
    return any(p.kind != "country" and fold(p.name) == fold(name) for p in places)


def _name_before(text: str, end: int, lang: _Lang) -> re.Match[str] | None:
    """`name_before` searched in the window before `end`, trying only where its leftmost match can start.

    That is a word start among the last few words (a name and its province words): searching the
    whole window tries every position and backtracks at each.
    """
    window = max(0, end - _NAME_WINDOW)
    starts = [t.start() for t in _TOKEN.finditer(text, window, end)][-_PLACE_WORDS - _PROVINCE_WORDS:]
    return next((m for p in starts if (m := lang.name_before.match(text, p, end))), None)


def _bridge_names(text: str, low: str, lang: _Lang) -> list[tuple[Span, bool]]:
    """(name span, whether the wording alone makes it a bridge point) for each bridge phrase of one text."""
    found: list[tuple[Span, bool]] = []
    for start, end in lang.bridge_after.find(low):
        before = _name_before(text, start, lang)
        named = before and _name(text, before.start("place"), before.end("place"), True, lang)
        if named:
            found.append((named[0], low[start:end] not in lang.weak or named[1] or bool(before.group("province"))))
    for start, end in lang.bridge_before.find(low):
        after = _NAME_AFTER.match(text, end)
        named = after and _name(text, after.start("place"), after.end("place"), False, lang)
        if named:
            found.append((named[0], low[start:end] not in lang.weak_before))
    return found


def _bridge_points(doc: CleanDocument, low: str, places: list[PlaceMention],
                   lang: _Lang) -> tuple[dict[str, bool], list[Span]]:
    """Bridge point names (whether some wording alone made each one), and their spans in the text."""
    names: dict[str, bool] = {}
    spans: list[Span] = []
    sources = [(doc.text, low, True)] + [(c, lower(c), False) for c in doc.captions]
    for text, text_low, in_text in sources:
        for span, sure in _bridge_names(text, text_low, lang):
            name = _canonical(span.cut(text), span if in_text else None, places, lang)
            if name is None or not (sure or _known_province(name, places)):
                continue
            if in_text:
                spans.append(span)
            known = next((n for n in names if fold(n) == fold(name)), None)
            names[known or name] = names.get(known or name, False) or sure
    return names, spans


def _place(doc: CleanDocument, sentences: list[Span], places: list[PlaceMention], bridges: list[Span],
           lang: _Lang) -> str | None:
    for sentence in sentences:
        for p in sorted(places, key=lambda p: p.span.start):
            if p.kind == "country" or not (sentence.start <= p.span.start < sentence.end):
                continue
            if any(b.start < p.span.end and p.span.start < b.end for b in bridges):
                continue
            if _preposition_before(doc.text, sentence.start, p.span.start, lang):
                return p.name
    return None


def describe_setting(doc: CleanDocument, places: list[PlaceMention], timing: Timing) -> EventSetting:
    lang = _lang(doc.language)
    low = lower(doc.text)
    sentences = _event_sentences(doc, timing)
    trigger, title = _type_and_title(doc, low, sentences, lang)
    bridge_points, bridge_spans = _bridge_points(doc, low, places, lang)
    place = _place(doc, sentences, places, bridge_spans, lang)
    return EventSetting(
        type=trigger.type if trigger else None,
        plover=trigger.plover if trigger else None,
        title=title,
        place=place,
        # The venue's own bridge ("điểm cầu Hà Nội" of a conference held in Hanoi) is the host, not a guest,
        # unless the wording alone makes it a bridge point.
        bridge_points=[b for b, sure in bridge_points.items() if sure or fold(b) != fold(place)],
    )
