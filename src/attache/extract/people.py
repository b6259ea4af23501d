"""People: names, their titles, their province and what they did at the event.

Names are Vietnamese names (a surname from the lexicon followed by one to three
capitalised syllables of Vietnamese shape) or any capitalised name right after
a title. Titles ([modifier] head [connector complement], or a rank) attach to
the name they precede, or follow it in apposition until ";" or the next
person. A mention's sentence says whether the person took part (attended,
spoke, chaired...) or was only mentioned; commemorated figures are dropped;
bylines and photo credits are authors, never participants.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .. import lexicons
from ..model import CleanDocument, PersonMention, PlaceMention, Span, TitleMention
from ..text import fold, to_ascii
from .places import find_places, key as place_key, provinces, trie_pattern

# Vietnamese syllable shape on the folded form: onset, one to three vowels, coda.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|&")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s$")
_SPACES = re.compile(r"\s+")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
_WORD_CHAR = re.compile(r"[\w'’-]")


@dataclass(frozen=True, slots=True)
class _Title:
    start: int
    end: int
    title: str
    place: str | None


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    titles: list[_Title] = field(default_factory=list)


@dataclass(frozen=True)
class _Lang:
    surname: re.Pattern[str]
    """Matches inside words too: see `_surnames`."""
    function_words: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    place_nouns: re.Pattern[str]
    honorific: re.Pattern[str]
    credit: re.Pattern[str]
    title: re.Pattern[str]
    title_start: re.Pattern[str]
    """Where a title can start: one of its first letters, at a word start (see `_title_matches`)."""
    heads: dict[str, tuple[str, bool]]
    title_ends: frozenset[str]
    modifiers: dict[str, str]
    connector: re.Pattern[str]
    connector_english: dict[str, str]
    complement_words: frozenset[str]
    complement_links: frozenset[str]
    organisation_nouns: frozenset[str]
    complements: dict[str, str]
    complement_order: tuple[str, ...]
    committee_words: tuple[str, ...]
    committee_heads: dict[str, str]
    chain_gap: re.Pattern[str]
    cues: re.Pattern[str]
    cue_kinds: dict[str, str]
    commemoration_before: re.Pattern[str]
    commemoration_after: re.Pattern[str]


def _cased(phrases: list[str]) -> set[str]:
    """Each phrase with every word starting in either case ("member of", "Member of")."""
    out: set[str] = set()
    for phrase in phrases:
        variants = [""]
        for i, w in enumerate(phrase.split(" ")):
            forms = {w[:1].upper() + w[1:], w[:1].lower() + w[1:]} if w[:1].isalpha() else {w}
            variants = [f"{v}{' ' if i else ''}{f}" for v in variants for f in forms]
        out.update(variants)
    return out


def _cue_kinds(roles: dict[str, list[str]]) -> dict[str, str]:
    """Lower-cased cue -> "list" (opens a list of attendees), "chair" or "part" (took part)."""
    kinds = {c.lower(): "part" for c in roles.get("participation", [])}
    kinds |= {c.lower(): "chair" for c in roles.get("chair", [])}
    return kinds | {c.lower(): "list" for c in roles.get("attendee_lists", [])}


def _cue_pattern(cues: set[str]) -> re.Pattern[str]:
    if not cues:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w'’])(?:{trie_pattern(cues)})(?![\w])", re.IGNORECASE)


@cache
def _lang(language: str) -> _Lang:
    names = lexicons.toml(language, "names") or lexicons.toml("en", "names")
    titles = lexicons.toml(language, "titles") or lexicons.toml("en", "titles")
    roles = lexicons.toml(language, "roles") or lexicons.toml("en", "roles")
    rows = lexicons.tsv("common", "vi_names")
    surnames = {v for r in rows if r["kind"] == "surname" for v in (r["syllable"], to_ascii(r["syllable"]))}
    ranks = titles.get("ranks", {})
    ranks = ranks if isinstance(ranks, dict) else {r: r for r in ranks}
    heads = {fold(k): (v, False) for k, v in titles.get("heads", {}).items()}
    heads |= {fold(k): (v, True) for k, v in ranks.items()}
    written = sorted({*titles.get("heads", {}), *ranks}, key=len, reverse=True)
    modifiers = titles.get("modifiers", {})
    modifier = trie_pattern(_cased(list(modifiers))) if modifiers else ""
    head = trie_pattern(_cased(written))
    starts = "".join(sorted({f[0] for f in (*_cased(list(modifiers)), *_cased(written))}))
    connectors = sorted(titles.get("connectors", []), key=len, reverse=True)
    connector = "|".join(re.escape(c) + ("" if c[-1] in "'’" else r"\s+") for c in connectors)
    committee = dict(titles.get("committee_heads", {}))
    localities = {place_key(f) for r in lexicons.tsv("common", "vi_localities")
                  for f in (r["name"], *r["forms"].split("|")) if f}
    return _Lang(
        surname=re.compile(rf"(?:{trie_pattern(surnames)})(?=[ \u00a0][^\W\d_])"),
        function_words=frozenset(names.get("function_words", [])),
        particles=frozenset(names.get("particles", [])),
        not_names=frozenset(localities) | frozenset(provinces()),
        place_nouns=re.compile(rf"(?:{'|'.join(map(re.escape, names.get('place_nouns', []))) or '(?!)'})(?![\w])",
                               re.IGNORECASE),
        honorific=re.compile(rf"(?:{'|'.join(re.escape(h) for h in names.get('honorifics', []))})\s+$"),
        credit=re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, names.get('credit_cues', [])))})\s*:?\s*"
                          r"(?:[A-Z][\w.-]*\s*/\s*)?$"),
        title=re.compile(rf"(?<![\w'’-])(?P<mod>(?:(?:{modifier})(?:\s+|-))*)(?P<head>{head})(?![\w-])"
                         if modifier else rf"(?<![\w'’-])(?P<mod>)(?P<head>{head})(?![\w-])"),
        title_start=re.compile(rf"[{re.escape(starts)}](?<![\w'’-].)" if starts else r"(?!)"),
        heads=heads,
        title_ends=frozenset(h.split()[-1] for h in heads),
        modifiers={fold(k): v for k, v in modifiers.items()},
        connector=re.compile(rf"\s+(?:{connector})" if connector else r"(?!)"),
        connector_english=titles.get("connector_english", {}),
        complement_words=frozenset(titles.get("complement_words", [])),
        complement_links=frozenset(titles.get("complement_links", [])),
        organisation_nouns=frozenset(titles.get("organisation_nouns", [])),
        complements=titles.get("complements", {}),
        complement_order=tuple(sorted(titles.get("complements", {}), key=len, reverse=True)),
        committee_words=tuple(committee.pop("words", [])),
        committee_heads=committee,
        chain_gap=re.compile(rf"\s*(?:,|&|(?:{'|'.join(map(re.escape, names.get('conjunctions', []))) or '(?!)'})"
                             r"(?!\w))?\s*"),
        cues=_cue_pattern(set(_cue_kinds(roles))),
        cue_kinds=_cue_kinds(roles),
        commemoration_before=re.compile(
            rf"(?:{'|'.join(re.escape(c) for c in roles.get('commemoration_before', [])) or '(?!)'})\s+(?:the\s+)?$",
            re.IGNORECASE),
        commemoration_after=re.compile(
            rf"(?:{'|'.join(re.escape(c) for c in roles.get('commemoration_after', [])) or '(?!)'})(?![\w])",
            re.IGNORECASE),
    )


# --- names ---------------------------------------------------------------------------------------------------

@lru_cache(maxsize=16384)
def _folded(s: str) -> str:
    """`fold` of a name or a title's word: the same few recur in every report."""
    return fold(s)


def _surnames(text: str, lang: _Lang) -> Iterator[re.Match[str]]:
    """Surnames starting a word.

    The surname pattern has no look-behind, so that the engine jumps from one
    possible first letter to the next instead of trying every position; a match
    inside a word is dropped here. It cannot hide one starting a word, since
    surnames are letters only.
    """
    for m in lang.surname.finditer(text):
        if not m.start() or not _WORD_CHAR.match(text, m.start() - 1):
            yield m


def _is_syllable(word: str, first: bool, lang: _Lang) -> bool:
    """A given-name syllable; right after the surname it must not be a function word ("Do Not", "To The")."""
    return not (first and word in lang.function_words) and _syllable_shape(word)


@lru_cache(maxsize=8192)
def _syllable_shape(word: str) -> bool:
    """A capitalised word spelt like one Vietnamese syllable ("Chính", "Nguyen"; not "Premier", "Party")."""
    if not word[0].isupper() or len(word) > 1 and not word[1:].islower():
        return False
    return _SYLLABLE.fullmatch(fold(word)) is not None


def _vietnamese_names(text: str, places: list[PlaceMention], lang: _Lang) -> list[_Mention]:
    out: list[_Mention] = []
    for m in _surnames(text, lang):
        ambiguous = m.group() in lang.function_words and not _after_title_word(text, m.start(), lang)
        if ambiguous and not _mid_sentence(text, m.start()):
            continue
        end, count = m.end(), 0
        for word in _NAME_WORD.finditer(text, m.end()):
            if word.start() != end + 1 or text[end] not in " \u00a0" or not _is_syllable(word.group(), not count, lang):
                break
            end, count = word.end(), count + 1
            if count == 3:
                break
        if count < (2 if ambiguous else 1):
            continue
        mention = _Mention(m.start(), end, text[m.start():end])
        if _is_place(mention, text, places, lang):
            continue
        if out and out[-1].end > mention.start:
            continue
        out.append(mention)
    return out


def _mid_sentence(text: str, start: int) -> bool:
    """An article is capitalised only where a sentence starts; a capital "Le" inside one is a surname."""
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:«\"“\n"


def _after_title_word(text: str, start: int, lang: _Lang) -> bool:
    """"General Secretary To Lam": a surname spelt like a function word is one right after a title."""
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return bool(previous and _folded(previous.group(1)) in lang.title_ends)


def _is_place(m: _Mention, text: str, places: list[PlaceMention], lang: _Lang) -> bool:
    """A province, a city ("Ho Chi Minh City"), a locality, or an article before a place ("Le Viêt Nam")."""
    if place_key(m.text) in lang.not_names:
        return True
    first = m.text.split()[0]
    rest = m.text[len(first):].strip()
    if first in lang.function_words and place_key(rest) in lang.not_names:
        return True
    if any(p.span.start < m.end and p.span.end > m.end or p.span.start == m.start for p in places):
        return True
    if _beside_place_noun(text, m, lang):
        return True
    follower = _NAME_WORD.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
    # "Ho Chi Minh Trail", "Tran Phu Street": a name inside a longer proper noun is that noun's, not a person.
    return bool(follower and follower.group()[0].isupper() and not lang.title.match(text, follower.start()))


def _beside_place_noun(text: str, m: _Mention, lang: _Lang) -> bool:
    """"Ly Son island", "rue Tran Phu", "l'île de Ly Son": a place or festival written with its noun."""
    if text[m.end:m.end + 1] == " " and lang.place_nouns.match(text, m.end + 1):
        return True
    before = _PREVIOUS_WORD.search(text, max(0, m.start - 30), m.start)
    if before and before.group(1) in lang.complement_links:
        before = _PREVIOUS_WORD.search(text, max(0, before.start() - 30), before.start())
    return bool(before and lang.place_nouns.fullmatch(before.group(1)))


def _foreign_name(text: str, pos: int, places: list[PlaceMention], lang: _Lang) -> _Mention | None:
    """Capitalised words right after a title ("President Jean Dupont")."""
    m = re.match(r"[ \u00a0]+", text[pos:pos + 3])
    if not m:
        return None
    start = end = pos + m.end()
    words = 0
    for word in _NAME_WORD.finditer(text, start):
        if word.start() != end and not (words and text[end:word.start()] in (" ", "-")):
            break
        w = word.group()
        if not w[0].isupper() and not (words and w in lang.particles):
            break
        if w in lang.function_words or w in lang.organisation_nouns or lang.title.match(text, word.start()):
            break
        end, words = word.end(), words + 1
        if words == 4:
            break
    while words and text[start:end].split()[-1] in lang.particles:
        end = start + text[start:end].rfind(" ")
        words -= 1
    if not words or place_key(text[start:end]) in lang.not_names:
        return None
    if any(p.span.start < end and start < p.span.end for p in places):
        return None
    return _Mention(start, end, text[start:end])


# --- titles --------------------------------------------------------------------------------------------------

def _complement(text: str, pos: int, names: set[int], places: list[PlaceMention],
                lang: _Lang) -> tuple[int, str, str | None] | None:
    """(end, canonical complement, place stripped from it) for the complement after a connector."""
    folded = fold(text[pos:pos + 120]) if lang.complement_order else ""
    for written in lang.complement_order:
        if folded.startswith(written) and not folded[len(written):len(written) + 1].isalnum():
            return pos + len(written), lang.complements[written], None
    end, last_noun, capitals = pos, pos, 0
    place: str | None = None
    for word in _WORD.finditer(text, pos):
        gap = text[end:word.start()]
        if gap.strip() or word.start() in names or (end > pos and "\n" in gap):
            break
        w = word.group()
        if w in lang.complement_links and lang.title.match(text, text.find(" ", word.end()) + 1):
            break
        if w[0].isupper():
            capitals += 1
        elif w not in lang.complement_words and w not in lang.complement_links:
            break
        end = word.end()
        at = next((p for p in places if p.span.start == word.start()), None)
        if at is not None:
            if word.start() == pos and at.kind != "country":
                place, pos = at.name, at.span.end
                while text[pos:pos + 1] == " ":
                    pos += 1
            end = max(end, at.span.end)
            last_noun = end
        elif _POSSESSIVE.sub("", w) in lang.organisation_nouns:
            last_noun = end
    if not capitals or end <= pos:
        return None
    words = text[pos:end].split()
    while words and words[-1] in lang.complement_links:
        words.pop()
    if last_noun > pos and last_noun < end and all(w[0].isupper() for w in text[last_noun:end].split()):
        words = text[pos:last_noun].split()
    if not words:
        return None
    end = pos + len(" ".join(words)) if text[pos:].startswith(" ".join(words)) else end
    complement = " ".join(words)
    if place and not complement.lower().startswith("the "):
        complement = "the " + complement
    return end, complement, place


def _title_matches(text: str, lang: _Lang) -> Iterator[re.Match[str]]:
    """The matches `lang.title.finditer` gives, found faster.

    The title pattern opens with a look-behind and an optional modifier, so the
    engine would try it at every position; it is tried only where a title's
    first letter starts a word.
    """
    end = 0
    for start in lang.title_start.finditer(text):
        if start.start() < end:
            continue
        m = lang.title.match(text, start.start())
        if m:
            end = m.end()
            yield m


def _titles(text: str, names: set[int], places: list[PlaceMention], lang: _Lang) -> list[_Title]:
    out: list[_Title] = []
    for m in _title_matches(text, lang):
        if m.start() in names:
            continue
        canonical, rank = lang.heads[_folded(m.group("head"))]
        # Each modifier ends in spaces or a hyphen ("vice-premier"): splitting on both leaves the bare words.
        mods = [lang.modifiers[_folded(w)] for w in re.split(r"\s+|-", m.group("mod")) if w]
        title = " ".join([*mods, canonical])
        end, place = m.end(), None
        connector = None if rank else lang.connector.match(text, end)
        if connector:
            written = connector.group().strip()
            found = _complement(text, connector.end(), names, places, lang)
            if found:
                end, complement, place = found
                of = lang.connector_english.get(written, written)
                if complement.startswith("the ") and of.endswith(" the"):
                    of = of[:-4]
                title = f"{_committee(title, complement, lang)} {of} {complement}"
        out.append(_Title(m.start(), end, title[0].upper() + title[1:], place))
    return out


def _committee(head: str, complement: str, lang: _Lang) -> str:
    if any(w in complement for w in lang.committee_words):
        return lang.committee_heads.get(head, head)
    return head


# --- attaching titles to names -------------------------------------------------------------------------------

_PRE_GAP = re.compile(r"\s*,?\s*")
_POST_GAP = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?,\s*")


def _gap(pattern: re.Pattern[str], text: str, start: int, end: int, lang: _Lang) -> bool:
    gap = text[start:end]
    honorific = lang.honorific.search(gap)
    if honorific:
        gap = gap[:honorific.start()]
    return start <= end and pattern.fullmatch(gap) is not None


def _attach(text: str, mentions: list[_Mention], titles: list[_Title], lang: _Lang) -> None:
    """Titles go to the name they precede (chained by ",", "and") or follow in apposition."""
    used: set[int] = set()
    ends = {m.end for m in mentions}
    for mention in mentions:
        chain: list[_Title] = []
        nxt = mention.start
        for title in reversed([t for t in titles if t.end <= mention.start]):
            gap = _PRE_GAP if not chain else lang.chain_gap
            if not _gap(gap, text, title.end, nxt, lang) or any(title.end <= m.start < nxt for m in mentions):
                break
            chain.append(title)
            nxt = title.start
        if chain and "," in text[chain[0].end:mention.start] and _after_name(text, chain[-1].start, ends):
            continue
        mention.titles.extend(reversed(chain))
        used.update(id(t) for t in chain)
    for mention in mentions:
        pos, first = mention.end, True
        for title in (t for t in titles if t.start >= mention.end):
            if id(title) in used or not _gap(_POST_GAP if first else lang.chain_gap, text, pos, title.start, lang):
                break
            if any(pos <= m.start < title.start for m in mentions):
                break
            mention.titles.append(title)
            used.add(id(title))
            pos, first = title.end, False


def _after_name(text: str, start: int, ends: set[int]) -> bool:
    """A title chain right after "Name, ": it is that name's apposition, not the next name's."""
    gap = re.search(r"\s*,\s*$", text[max(0, start - 4):start])
    return bool(gap) and max(0, start - 4) + gap.start() in ends


# --- roles ---------------------------------------------------------------------------------------------------

def _sentence(spans: list[Span], pos: int) -> Span | None:
    i = bisect_right(spans, pos, key=lambda s: s.start) - 1
    return spans[i] if i >= 0 and spans[i].start <= pos < spans[i].end else None


def _roles(text: str, mentions: list[_Mention], lang: _Lang, sentences: list[Span]) -> dict[int, tuple[bool, bool]]:
    """Per mention (by id): (took part, chaired); a cue goes to the nearest mention of its sentence."""
    out = {id(m): (False, False) for m in mentions}
    by_sentence: dict[Span | None, list[_Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(_sentence(sentences, m.start), []).append(m)
    for sentence, group in by_sentence.items():
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
        for cue in lang.cues.finditer(text, lo, hi):
            kind = lang.cue_kinds.get(_SPACES.sub(" ", cue.group().lower()), "part")
            if kind == "list":
                for m in group:
                    if m.start > cue.start():
                        out[id(m)] = (True, out[id(m)][1])
                continue
            m = min(group, key=lambda m: _distance(m, cue.start(), cue.end()))
            out[id(m)] = (True, out[id(m)][1] or kind == "chair")
    return out


def _distance(m: _Mention, start: int, end: int) -> int:
    first = min([m.start, *(t.start for t in m.titles)])
    return start - m.end if start >= m.end else max(0, first - end)


def _commemorated(text: str, m: _Mention, lang: _Lang) -> bool:
    first = min([m.start, *(t.start for t in m.titles)])
    return bool(lang.commemoration_before.search(text, max(0, first - 60), first)
                or lang.commemoration_after.match(text, m.end))


def _credited(text: str, m: _Mention, lang: _Lang) -> bool:
    return lang.credit.search(text, max(0, m.start - 40), m.start) is not None


# --- provinces -----------------------------------------------------------------------------------------------

def _province_of(title: _Title, pos: int, sentence: Span | None, places: list[PlaceMention],
                 main: dict[str, str | None]) -> str | None:
    if title.place:
        return title.place
    lowered = title.title.lower()
    kind = "province" if "provincial" in lowered or "province" in lowered else \
        "city" if "city " in lowered or "municipal" in lowered else None
    if kind is None:
        return None
    if sentence is not None:
        near = [p for p in places if p.kind == kind and sentence.start <= p.span.start < sentence.end]
        if near:
            return min(near, key=lambda p: abs(p.span.start - pos)).name
    return main[kind]


def _main_places(places: list[PlaceMention]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for kind in ("province", "city"):
        counts = Counter(p.name for p in places if p.kind == kind)
        out[kind] = counts.most_common(1)[0][0] if counts else None
    return out


# --- the document --------------------------------------------------------------------------------------------

def _mentions(text: str, places: list[PlaceMention], lang: _Lang) -> list[_Mention]:
    mentions = _vietnamese_names(text, places, lang)
    starts = {m.start for m in mentions}
    titles = _titles(text, starts, places, lang)
    covered = [(m.start, m.end) for m in mentions]
    for title in titles:
        if title.end in starts or any(s <= title.end < e for s, e in covered):
            continue
        if any(s <= title.end + 1 <= e for s, e in covered):
            continue
        foreign = _foreign_name(text, title.end, places, lang)
        if foreign and not any(s < foreign.end and foreign.start < e for s, e in covered):
            mentions.append(foreign)
            covered.append((foreign.start, foreign.end))
    mentions.sort(key=lambda m: m.start)
    _attach(text, mentions, titles, lang)
    return mentions


def _merge_single_given_names(mentions: list[_Mention]) -> list[_Mention]:
    """"Prime Minister Chinh" after "Pham Minh Chinh": a lone given name is the full name's person."""
    full = {m.text.split()[-1]: m.text for m in mentions if len(m.text.split()) > 1}
    out = []
    for m in mentions:
        if len(m.text.split()) == 1:
            if m.text not in full:
                continue
            m.text = full[m.text]
        out.append(m)
    return out


@dataclass(slots=True)
class _Person:
    mention: PersonMention
    titles: dict[str, TitleMention]
    dropped: bool = False


def _add(people: dict[str, _Person], m: _Mention, span: Span | None, text: str, lang: _Lang,
         role: tuple[bool, bool], sentence: Span | None, places: list[PlaceMention],
         main: dict[str, str | None], author: bool) -> None:
    key = _folded(m.text)
    person = people.get(key)
    if person is None:
        person = _Person(PersonMention(name=to_ascii(m.text), text=m.text, span=span), {})
        people[key] = person
    if person.mention.span is None and span is not None:
        person.mention.span = span
    if _commemorated(text, m, lang):
        person.dropped = True
    if author:
        person.mention.role = "author"
    elif role[0] and person.mention.role != "author":
        person.mention.role = "participant"
    person.mention.chair = person.mention.chair or role[1] and not author
    for t in m.titles:
        if t.title not in person.titles:
            person.titles[t.title] = TitleMention(t.title, text[t.start:t.end],
                                                  _province_of(t, t.start, sentence, places, main))


def _scan(people: dict[str, _Person], text: str, places: list[PlaceMention], sentences: list[Span],
          in_body: bool, lang: _Lang, main: dict[str, str | None]) -> None:
    mentions = _merge_single_given_names(_mentions(text, places, lang))
    roles = _roles(text, mentions, lang, sentences)
    for m in mentions:
        sentence = _sentence(sentences, m.start)
        # A lone given name merged into its full name keeps no span: the quote must read as the name.
        span = Span(m.start, m.end) if in_body and text[m.start:m.end] == m.text else None
        _add(people, m, span, text, lang, roles[id(m)], sentence, places, main, _credited(text, m, lang))


def find_people(doc: CleanDocument, places: list[PlaceMention]) -> list[PersonMention]:
    lang = _lang(doc.language)
    main = _main_places(places)
    people: dict[str, _Person] = {}
    _scan(people, doc.text, places, doc.sentences, True, lang, main)
    for caption in doc.captions:
        caption_places = find_places(caption, doc.language)
        _scan(people, caption, caption_places, [Span(0, len(caption))], False, lang, main)
    for credit in doc.credits:
        key = _folded(credit.name)
        person = people.get(key)
        if person is None:
            person = _Person(PersonMention(name=to_ascii(credit.name), text=credit.name, span=None), {})
            people[key] = person
        person.mention.role, person.mention.chair = "author", False
    out = []
    for person in people.values():
        if person.dropped:
            continue
        person.mention.titles = list(person.titles.values())
        out.append(person.mention)
    return out
