"""People: names, their titles, their province and what they did at the event.

Names are Vietnamese names (a surname from the lexicon followed by one to three
capitalised syllables of Vietnamese shape) or any capitalised name right after
a title. Titles ([modifier] head [connector complement], or a rank) attach to
the name they precede, or follow it in apposition until ";" or the next
person. Vietnamese writes the complement right after the head and composes it
(organisation word, field, owner: see `_Composition`). Short forms of a full
name in the same text ("Thủ tướng Chính", "ông Chính", "Mai Anh") are that
person. A mention's sentence says whether the person took part (attended,
spoke, chaired...) or was only mentioned; commemorated figures are dropped;
bylines and photo credits are authors, never participants.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .. import lexicons
from ..model import CleanDocument, PersonMention, PlaceMention, Span, TitleMention
from ..text import fold, to_ascii
from .patterns import word_starts
from .places import SYLLABLE, find_places, key as place_key, provinces, trie_pattern

_WORD = re.compile(r"[^\W\d_][\w'’-]*|&")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s$")
_SPACES = re.compile(r"\s+")
# The word before an offset, matched on the reversed text before it: anchored there, so it is one attempt
# instead of one per position of a look-back window.
_REVERSED_PREVIOUS_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")
_MODIFIER_SPLIT = re.compile(r"\s+|-")
_REVERSED_LAST_VISIBLE = re.compile(r"\s*(\S)")
_NAME_SPACES = (" ", "\u00a0")
_NAME_GAP = re.compile(r"[ \u00a0]+")
_WORD_CHAR = re.compile(r"[\w'’-]")
_CUE_INSIDE_WORD = re.compile(r"[\w'’]")
# A word or a joining mark of a composed complement ("Văn hóa, Thể thao và Du lịch"); dots are left out so
# that "UBND TP. Hà Nội" stops before the city, which is a place of its own.
_TOKEN = re.compile(r"[^\W\d_][\w'’]*|[,–-]")


@dataclass(frozen=True, slots=True)
class _Phrases:
    """Lexicon phrases keyed by their words (see `_phrase_keys`), with the most words of any phrase that
    starts with a given word: most tokens start none, which one look-up tells."""
    values: dict[tuple[str, ...], str]
    reach: dict[str, int]

    @classmethod
    def of(cls, values: dict[tuple[str, ...], str]) -> _Phrases:
        reach: dict[str, int] = {}
        for k in values:
            if k:
                reach[k[0]] = max(reach.get(k[0], 0), len(k))
        return cls(values, reach)

    def longest(self, tokens: _Tokens, i: int) -> tuple[int, str] | None:
        """(tokens used, value) of the longest phrase at `tokens[i]`, None also past the last token."""
        reach = self.reach.get(tokens[i].key) if tokens.has(i) else None
        if reach is None:
            return None
        for n in range(tokens.count(i + reach) - i, 0, -1):
            value = self.values.get(tokens.keys(i, n))
            if value is not None:
                return n, value
        return None


@dataclass(frozen=True, slots=True)
class _Composition:
    """How a head-first language writes an office after its head (Vietnamese): lexicon phrases by folded words.

    The complement is a fixed phrase ("UBND tỉnh"), or an organisation word, a field and maybe an owner
    ("Ban" "Đối ngoại" "Trung ương"), or a bare known field ("Bộ trưởng Y tế"), or a country and the place an
    envoy is posted to; a province or city after it is the office's place, a country makes it that country's.
    """
    fixed: _Phrases
    organisations: _Phrases
    owners: _Phrases
    domains: _Phrases
    links: dict[str, str]
    place_words: _Phrases
    posted: dict[str, str]
    of: str
    """The English word before a country the office belongs to ("... of Laos")."""


@dataclass(slots=True)
class _Page:
    """A text being scanned (the body or a caption) with its places indexed by offset, built once per text.

    Places from `find_places` are sorted and never overlap, so the one place that can hold an offset is the
    last one starting before it.
    """
    text: str
    lowered: str
    """`text` in lower case with the same offsets, for case-blind patterns that the engine searches fast."""
    places: list[PlaceMention]
    starts: list[int]
    at: dict[int, PlaceMention]

    @classmethod
    def of(cls, text: str, places: list[PlaceMention]) -> _Page:
        ordered = sorted(places, key=lambda p: p.span.start)
        return cls(text, _lowered(text), ordered, [p.span.start for p in ordered], {p.span.start: p for p in ordered})

    def before(self, pos: int) -> PlaceMention | None:
        """The last place starting before `pos`."""
        i = bisect_left(self.starts, pos) - 1
        return self.places[i] if i >= 0 else None

    def overlaps(self, start: int, end: int) -> bool:
        place = self.before(end)
        return place is not None and place.span.end > start


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
    short: bool = False
    """A surname and one syllable where the language needs a title or courtesy word to call it a person."""
    reference: bool = False
    """A given name after a courtesy word ("ông Chính"): a person only as the short form of a full name."""


@dataclass(frozen=True)
class _Lang:
    surname: re.Pattern[str]
    """Matches inside words too: see `_surnames`."""
    written_surnames: frozenset[str]
    """Surnames as the lexicon writes them, with their diacritics."""
    function_words: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    not_name_starts: frozenset[str]
    """Two-word common nouns that begin with a surname's syllable ("Cao đẳng"), as place keys."""
    place_nouns: re.Pattern[str]
    honorific: re.Pattern[str]
    """Written reversed: a courtesy word ending a gap, read backwards (see `_gap`)."""
    credit: re.Pattern[str]
    """Written reversed: matched on the text before a name read backwards (see `_ending_before`)."""
    title: re.Pattern[str]
    title_start: re.Pattern[str]
    """Where a title can start: the first word of a head or modifier, lower case (see `_title_matches`)."""
    title_after_space: re.Pattern[str]
    """`title_start` after a space, and `title_after_other` after any other character that ends a word
    (see `_title_starts`)."""
    title_after_other: re.Pattern[str]
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
    complement_starts: frozenset[str]
    """The first word of each fixed complement, folded."""
    committee_words: tuple[str, ...]
    committee_heads: dict[str, str]
    chain_gap: re.Pattern[str]
    cues: re.Pattern[str]
    """Lower-case cues, matched in the lower-cased text without a look-behind (see `patterns.word_starts`)."""
    cue_kinds: dict[str, str]
    commemoration_before: tuple[str, ...]
    """Lower-case; the text before a commemorated name ends with one (see `_commemorated`)."""
    commemoration_after: re.Pattern[str]
    not_cues: re.Pattern[str]
    """Lower-case words that start with a cue but mean something else ("dự án", a project)."""
    apposition_gap: re.Pattern[str]
    """Between a name and the titles written after it: "Name, Title" and, where the language does, "Name - Title"."""
    short_names_need_title: bool
    names_start_with_surname: bool
    """Whether capitalised native syllables after a title that start with no surname are no person's name."""
    """Whether a surname with a single given syllable is a person only after a title or a courtesy word."""
    composition: _Composition | None
    references: re.Pattern[str] | None
    """A courtesy word before a capitalised word, where a given name alone may follow ("ông Chính"); None
    where the language does not refer to people that way."""
    """Head-first complements (Vietnamese); None where a connector opens them ("Minister of ...")."""


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
    return re.compile(rf"(?:{trie_pattern(cues)})(?![\w])")


# Older tone placement -> the newer one ("hoá" -> "hóa", "Uỷ" -> "Ủy"), so that both spellings find a phrase.
_TONE_PLACEMENT = {old: new for old, new in zip(
    ["oá", "oà", "oả", "oã", "oạ", "oé", "oè", "oẻ", "oẽ", "oẹ", "uý", "uỳ", "uỷ", "uỹ", "uỵ"],
    ["óa", "òa", "ỏa", "õa", "ọa", "óe", "òe", "ỏe", "õe", "ọe", "úy", "ùy", "ủy", "ũy", "ụy"])}
_OLD_TONE = re.compile("|".join(_TONE_PLACEMENT))


@lru_cache(maxsize=16384)
def _key(word: str) -> str:
    """A word of a composed complement as looked up: lower case with its diacritics (folding would make
    "Hải quân", navy, the "Hải quan", customs), in the newer tone placement."""
    lowered = unicodedata.normalize("NFC", word).lower()
    return _OLD_TONE.sub(lambda m: _TONE_PLACEMENT[m.group()], lowered)


def _phrase_keys(table: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Written phrase -> value, keyed by its words and marks as `_key` gives them, and folded for text
    written without diacritics."""
    out: dict[tuple[str, ...], str] = {}
    for written, value in table.items():
        tokens = [t.group() for t in _TOKEN.finditer(written)]
        out[tuple(_key(t) for t in tokens)] = value
        out.setdefault(tuple(fold(t) for t in tokens), value)
    return out


def _composition(titles: dict) -> _Composition | None:
    if not titles.get("organisations"):
        return None
    tables = [_Phrases.of(_phrase_keys(titles.get(name, {})))
              for name in ("complements", "organisations", "owners", "domains")]
    place_words = _Phrases.of(_phrase_keys({w: w for w in titles.get("place_words", [])}))
    links = {form: v for k, v in titles.get("domain_links", {}).items() for form in (_key(k), fold(k))}
    return _Composition(*tables, links=links,
                        place_words=place_words,
                        posted={k: _key(v) if k == "word" else v for k, v in titles.get("posted", {}).items()},
                        of=titles.get("connector_english", {}).get("", ""))


def _first_words(phrases: set[str]) -> set[str]:
    return {re.split(r"[\s-]", p, maxsplit=1)[0] for p in phrases}


def _word_ranges(below: int) -> str:
    r"""The word characters (`\w`) below a code point, as class ranges.

    A class holding `\w` asks the Unicode database about every character it is tried on; listed ranges
    are looked up in a table first, so that a character of them is settled at once.
    """
    ranges: list[str] = []
    start = None
    for code in range(below + 1):
        inside = code < below and (chr(code).isalnum() or chr(code) == "_")
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append(re.escape(chr(start)) + (f"-{re.escape(chr(code - 1))}" if code - 1 > start else ""))
            start = None
    return "".join(ranges)


def _reversed_alternation(words: list[str]) -> str:
    return "|".join(re.escape(w[::-1]) for w in words) or "(?!)"


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
    starts = {w.lower() for w in _first_words({*modifiers, *written})}
    connectors = sorted(titles.get("connectors", []), key=len, reverse=True)
    # A connector ending in an apostrophe ("d'") or the empty one of a head-first language takes no space after it.
    connector = "|".join(re.escape(c) + (r"\s+" if c and not c.endswith(("'", "’")) else "") for c in connectors)
    committee = dict(titles.get("committee_heads", {}))
    localities = {place_key(f) for r in lexicons.tsv("common", "vi_localities")
                  for f in (r["name"], *r["forms"].split("|")) if f}
    historical = {place_key(f) for f in names.get("historical", [])}
    marks = "|".join(map(re.escape, names.get("apposition_marks", [","])))
    title_start = rf"(?:{trie_pattern(starts)})(?![\w'’])" if starts else r"(?!)"
    return _Lang(
        surname=re.compile(rf"(?:{trie_pattern(surnames)})(?=[ \u00a0][^\W\d_])"),
        written_surnames=frozenset(r["syllable"] for r in rows if r["kind"] == "surname"),
        function_words=frozenset(names.get("function_words", [])),
        particles=frozenset(names.get("particles", [])),
        not_names=frozenset(localities) | frozenset(provinces()) | frozenset(historical),
        not_name_starts=frozenset(" ".join(place_key(f).split()[:2]) for f in names.get("not_name_starts", [])),
        place_nouns=re.compile(rf"(?:{'|'.join(map(re.escape, names.get('place_nouns', []))) or '(?!)'})(?![\w])",
                               re.IGNORECASE),
        honorific=re.compile(rf"\s+(?:{_reversed_alternation(sorted(names.get('honorifics', []), key=len, reverse=True))})"),
        # "Photo: VNA/" before a name, reversed: an agency and slash, a colon, a cue starting a word.
        credit=re.compile(rf"(?:\s*/\s*[\w.-]*[A-Z])?\s*:?\s*(?:{_reversed_alternation(names.get('credit_cues', []))})"
                          r"(?!\w)"),
        title=re.compile(rf"(?<![\w'’-])(?P<mod>(?:(?:{modifier})(?:\s+|-))*)(?P<head>{head})(?![\w-])"
                         if modifier else rf"(?<![\w'’-])(?P<mod>)(?P<head>{head})(?![\w-])"),
        title_start=re.compile(title_start),
        title_after_space=re.compile(f" {title_start}"),
        # Latin script with Vietnamese letters: the text's word characters are looked up, not asked about.
        title_after_other=re.compile(rf"[^{_word_ranges(0x2000)}\w'’ -]{title_start}"),
        heads=heads,
        title_ends=frozenset(h.split()[-1] for h in heads),
        modifiers={fold(k): v for k, v in modifiers.items()},
        connector=re.compile(rf"\s+(?:{connector})" if connectors else r"(?!)"),
        connector_english=titles.get("connector_english", {}),
        complement_words=frozenset(titles.get("complement_words", [])),
        complement_links=frozenset(titles.get("complement_links", [])),
        organisation_nouns=frozenset(titles.get("organisation_nouns", [])),
        complements=titles.get("complements", {}),
        complement_order=tuple(sorted(titles.get("complements", {}), key=len, reverse=True)),
        complement_starts=frozenset(m.group() for k in titles.get("complements", {}) if (m := _NAME_WORD.match(k))),
        committee_words=tuple(committee.pop("words", [])),
        committee_heads=committee,
        chain_gap=re.compile(rf"\s*(?:,|&|(?:{'|'.join(map(re.escape, names.get('conjunctions', []))) or '(?!)'})"
                             r"(?!\w))?\s*"),
        cues=_cue_pattern(set(_cue_kinds(roles))),
        cue_kinds=_cue_kinds(roles),
        commemoration_before=tuple(c.lower() for c in roles.get("commemoration_before", [])),
        commemoration_after=re.compile(
            rf"(?:{'|'.join(re.escape(c) for c in roles.get('commemoration_after', [])) or '(?!)'})(?![\w])",
            re.IGNORECASE),
        not_cues=_cue_pattern({c.lower() for c in roles.get("not_cues", [])}),
        apposition_gap=re.compile(rf"\s*(?:\([^)]{{0,40}}\)\s*)?(?:{marks})\s*"),
        short_names_need_title=bool(names.get("short_names_need_title", False)),
        names_start_with_surname=bool(names.get("names_start_with_surname", False)),
        composition=_composition(titles),
        references=re.compile(rf"(?:{trie_pattern(set(names.get('honorifics', [])))})[ \u00a0]+(?=[^\W\d_])")
        if names.get("given_name_references") else None,
    )


# --- names ---------------------------------------------------------------------------------------------------

@lru_cache(maxsize=16384)
def _folded(s: str) -> str:
    """`fold` of a name or a title's word: the same few recur in every report."""
    return fold(s)


@lru_cache(maxsize=16384)
def _place_key(form: str) -> str:
    """`places.key` of a name or its first words: the same few recur in every report."""
    return place_key(form)


def _ending_before(pattern: re.Pattern[str], text: str, pos: int, window: int) -> re.Match[str] | None:
    """`pattern`, written reversed, matched on the `window` characters before `pos` read backwards."""
    # A slice stepping backwards copies them once, where cutting then reversing copies them twice; a stop
    # below zero would count from the end, so a window reaching the text's start runs to it.
    stop = pos - window - 1
    return pattern.match(text[pos - 1:stop if stop >= 0 else None:-1] if pos else "")


def _previous_word(text: str, pos: int) -> tuple[str, int] | None:
    """The word right before `pos` across spaces, and where it starts."""
    m = _ending_before(_REVERSED_PREVIOUS_WORD, text, pos, 30)
    return (m.group(1)[::-1], pos - m.end()) if m else None


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
    return SYLLABLE.fullmatch(fold(word)) is not None


def _vietnamese_names(page: _Page, lang: _Lang) -> list[_Mention]:
    text = page.text
    out: list[_Mention] = []
    for m in _surnames(text, lang):
        ambiguous = m.group() in lang.function_words and not _after_title_word(text, m.start(), lang)
        if ambiguous and not _mid_sentence(text, m.start()):
            continue
        end, count = m.end(), 0
        while count < 3 and text[end:end + 1] in _NAME_SPACES:
            word = _NAME_WORD.match(text, end + 1)
            # "Nguyễn Bá Diệp Phó Chủ tịch": a title after the name is no syllable of it.
            if not word or not _is_syllable(word.group(), not count, lang) or lang.title.match(text, word.start()):
                break
            end, count = word.end(), count + 1
        if count < (2 if ambiguous else 1):
            continue
        if _mixed_spelling(m.group(), text[m.end():end], lang):
            continue
        mention = _Mention(m.start(), end, text[m.start():end], short=count == 1 and lang.short_names_need_title)
        if _is_place(mention, page, lang):
            continue
        if out and out[-1].end > mention.start:
            continue
        out.append(mention)
    return out


def _mixed_spelling(surname: str, given: str, lang: _Lang) -> bool:
    """"Than Quảng Ninh": a surname without the diacritics it has ("Thân") before given names written with
    theirs is a common word ("than", coal), not a name; a name is spelt one way throughout."""
    return surname not in lang.written_surnames and to_ascii(given) != given


def _mid_sentence(text: str, start: int) -> bool:
    """An article is capitalised only where a sentence starts; a capital "Le" inside one is a surname."""
    last = _ending_before(_REVERSED_LAST_VISIBLE, text, start, 200)
    return bool(last) and last.group(1) not in ".!?:«\"“\n"


def _after_title_word(text: str, start: int, lang: _Lang) -> bool:
    """"General Secretary To Lam": a surname spelt like a function word is one right after a title."""
    previous = _previous_word(text, start)
    return bool(previous and _folded(previous[0]) in lang.title_ends)


def _is_place(m: _Mention, page: _Page, lang: _Lang) -> bool:
    """A province, a city ("Ho Chi Minh City"), a locality, or an article before a place ("Le Viêt Nam")."""
    if _place_key(m.text) in lang.not_names:
        return True
    words = m.text.split()
    if len(words) > 1 and _place_key(" ".join(words[:2])) in lang.not_name_starts:
        return True
    first = words[0]
    rest = m.text[len(first):].strip()
    if first in lang.function_words and _place_key(rest) in lang.not_names:
        return True
    across = page.before(m.end)
    # A place across the name's end, or holding its start ("Bồ Đào Nha" holds "Đào Nha").
    if across is not None and (across.span.end > m.end or across.span.start <= m.start < across.span.end):
        return True
    text = page.text
    if _beside_place_noun(text, m, lang):
        return True
    follower = _NAME_WORD.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
    # "Ho Chi Minh Trail", "Tran Phu Street": a name inside a longer proper noun is that noun's, not a person.
    return bool(follower and follower.group()[0].isupper() and not lang.title.match(text, follower.start()))


def _beside_place_noun(text: str, m: _Mention, lang: _Lang) -> bool:
    """"Ly Son island", "rue Tran Phu", "l'île de Ly Son": a place or festival written with its noun."""
    if text[m.end:m.end + 1] == " " and lang.place_nouns.match(text, m.end + 1):
        return True
    before = _previous_word(text, m.start)
    if before and before[0] in lang.complement_links:
        before = _previous_word(text, before[1])
    return bool(before and lang.place_nouns.fullmatch(before[0]))


def _foreign_name(page: _Page, pos: int, lang: _Lang) -> _Mention | None:
    """Capitalised words right after a title ("President Jean Dupont")."""
    text = page.text
    m = _NAME_GAP.match(text[pos:pos + 3])
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
    if not words or _place_key(text[start:end]) in lang.not_names:
        return None
    if page.overlaps(start, end):
        return None
    if lang.names_start_with_surname:
        return _foreign_after_qualifiers(text, start, end)
    return _Mention(start, end, text[start:end])


def _foreign_after_qualifiers(text: str, start: int, end: int) -> _Mention | None:
    """Where names start with a surname, acronyms and capitalised native syllables after a title say whose
    office it is ("Chủ tịch UEFA ...", "Thủ tướng Anh Boris Johnson"): the name is what follows them, when
    two words at least do (a short foreign name may look native: "Ray Calder"). Native syllables alone name
    a place or a body ("UBND thành phố Sầm Sơn")."""
    words = list(_NAME_WORD.finditer(text, start, end))
    while words and len(words[0].group()) > 1 and words[0].group().isupper():
        words.pop(0)
    native = next((i for i, w in enumerate(words) if not _syllable_shape(w.group())), None)
    if native is None:
        return None
    first = words[native] if len(words) - native >= 2 else words[0]
    return _Mention(first.start(), end, text[first.start():end])


# --- titles --------------------------------------------------------------------------------------------------

def _complement(page: _Page, pos: int, names: set[int], lang: _Lang) -> tuple[int, str, str | None] | None:
    """(end, canonical complement, place stripped from it) for the complement after a connector."""
    text = page.text
    first = _NAME_WORD.match(text, pos)
    # Folding the text ahead is dear: only where its first word starts a fixed complement.
    folded = fold(text[pos:pos + 120]) if first and _folded(first.group()) in lang.complement_starts else ""
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
        at = page.at.get(word.start())
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


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    key: str
    """See `_key`."""
    capital: bool


class _Tokens:
    """The words and joining marks after a head, up to a name, a line end or other punctuation: read only as
    far as they are looked at, since a complement takes a few of those that follow."""

    def __init__(self, page: _Page, pos: int, names: set[int]) -> None:
        self.text = page.text
        self.names = names
        self.read: list[_Token] = []
        self.end = pos
        self.matches: Iterator[re.Match[str]] | None = _TOKEN.finditer(page.text, pos, min(len(page.text), pos + 160))

    def has(self, i: int) -> bool:
        """Whether there is a token `i`."""
        while len(self.read) <= i and self.matches is not None:
            self._read(self.matches)
        return i < len(self.read)

    def _read(self, matches: Iterator[re.Match[str]]) -> None:
        """Reads the next token, or finds there is none."""
        t = next(matches, None)
        if t is None:
            self.matches = None
            return
        start, stop = t.span()
        gap = self.text[self.end:start]
        if gap and gap != " " and (gap.strip() or "\n" in gap) or start in self.names:
            self.matches = None
            return
        word = t.group()
        self.read.append(_Token(start, stop, _key(word), word[0].isupper()))
        self.end = stop

    def count(self, n: int) -> int:
        """How many of the first `n` tokens there are."""
        self.has(n - 1)
        return min(n, len(self.read))

    def keys(self, i: int, n: int) -> tuple[str, ...]:
        """The keys of `n` tokens from token `i` on, which are there."""
        return tuple(t.key for t in self.read[i:i + n])

    def __getitem__(self, i: int) -> _Token:
        """Token `i`, which `has` told is there."""
        return self.read[i]


def _field(tokens: _Tokens, i: int, page: _Page, lang: _Lang) -> tuple[int, str | None] | None:
    """(tokens used, English or None when unknown) of one field: a lexicon phrase, else a capitalised word
    and at most one lower-case word after it (a Vietnamese compound: "Dân tộc") that starts no title."""
    c = lang.composition
    assert c is not None
    if tokens[i].start in page.at or c.owners.longest(tokens, i):
        return None
    known = c.domains.longest(tokens, i)
    if known:
        return known
    if not tokens[i].capital or tokens[i].key in c.links or lang.title.match(page.text, tokens[i].start):
        return None
    n = 1
    if tokens.has(i + 1) and not tokens[i + 1].capital and tokens[i + 1].key not in c.links \
            and not c.place_words.longest(tokens, i + 1):
        n = 2
    return n, None


def _fields(tokens: _Tokens, i: int, page: _Page, lang: _Lang) -> tuple[int, str, bool] | None:
    """(tokens used, English, all known) of fields joined by "và", "," or "-"; when one is unknown they are
    kept as written, in ASCII."""
    c = lang.composition
    assert c is not None
    start, parts, known = i, [], True
    while tokens.has(i):
        found = _field(tokens, i, page, lang)
        if found is None:
            break
        n, english = found
        known = known and english is not None
        parts.append(english or "")
        i += n
        link = c.links.get(tokens[i].key) if tokens.has(i) else None
        if link is None or not tokens.has(i + 1) or _field(tokens, i + 1, page, lang) is None:
            break
        parts.append(link)
        i += 1
    if i == start:
        return None
    if not known:
        return i - start, to_ascii(page.text[tokens[start].start:tokens[i - 1].end]), False
    english = ""
    for part in parts:
        english += part if part == "," or not english else f" {part}"
    return i - start, english, True


def _composed_complement(page: _Page, pos: int, names: set[int], lang: _Lang) -> tuple[int, str, str | None] | None:
    """(end, canonical complement, province or city) of a head-first complement (see `_Composition`)."""
    c = lang.composition
    assert c is not None
    tokens = _Tokens(page, pos, names)
    if not tokens.has(0):
        return None
    i, complement = 0, None
    fixed = c.fixed.longest(tokens, 0)
    organisation = None if fixed else c.organisations.longest(tokens, 0)
    if fixed:
        i, complement = fixed
    elif organisation and (fields := _fields(tokens, organisation[0], page, lang)):
        i = organisation[0] + fields[0]
        complement = organisation[1].format(domain=fields[1])
        owner = c.owners.longest(tokens, i)
        if owner:
            i += owner[0]
            complement = f"{owner[1]}'s {complement.removeprefix('the ')}"
    elif (fields := _fields(tokens, 0, page, lang)) and fields[2]:
        # A known field alone stands for its ministry ("Bộ trưởng Y tế"); an unknown one is no office.
        i, complement = fields[:2]
    else:
        country = page.at.get(tokens[0].start)
        if country is None or country.kind != "country":
            return None
        return _posted(page, tokens, country, c)
    return _with_place(page, tokens, i, complement, c)


def _posted(page: _Page, tokens: _Tokens, country: PlaceMention, c: _Composition) -> tuple[int, str, str | None]:
    """"Việt Nam tại Nhật Bản": the country an envoy serves and the place where."""
    end, complement = country.span.end, country.name
    i = 0
    while tokens.has(i) and tokens[i].start < end:
        i += 1
    if tokens.has(i + 1) and tokens[i].key == c.posted.get("word"):
        where = page.at.get(tokens[i + 1].start)
        if where is not None:
            preposition = c.posted["country"] if where.kind == "country" else c.posted["city"]
            return where.span.end, f"{complement} {preposition} {where.name}", None
    return end, complement, None


def _with_place(page: _Page, tokens: _Tokens, i: int, complement: str,
                c: _Composition) -> tuple[int, str, str | None]:
    """The complement's end and place: a province or city written after it, a country's name added to it."""
    end = tokens[i - 1].end
    across = page.before(end)
    if across is not None and across.span.end > end:
        # A place whose form began inside the complement ("UBND TP. Hà Nội": "TP. Hà Nội").
        return across.span.end, complement, across.name if across.kind != "country" else None
    skip = c.place_words.longest(tokens, i) if tokens.has(i) else None
    at = i + (skip[0] if skip else 0)
    place = page.at.get(tokens[at].start) if tokens.has(at) else None
    if place is None:
        return end, complement, None
    if place.kind == "country":
        return place.span.end, f"{complement} {c.of} {place.name}", None
    return place.span.end, complement, place.name


def _title_matches(page: _Page, lang: _Lang) -> Iterator[re.Match[str]]:
    """The matches `lang.title.finditer` gives, found faster.

    The title pattern opens with a look-behind and an optional modifier, so the
    engine would try it at every position; it is tried only where the first
    word of a head or modifier starts a word.
    """
    end = 0
    for start in _title_starts(page.lowered, lang):
        if start < end:
            continue
        m = lang.title.match(page.text, start)
        if m:
            end = m.end()
            yield m


def _title_starts(lowered: str, lang: _Lang) -> list[int]:
    """Where `lang.title_start` matches at the start of a word, in order: what `patterns.word_starts` gives.

    The engine tries a pattern at every character that may start it, most letters here; searched after
    a space, it jumps from space to space, and after the other characters that end a word it tries few
    places. A match is one word of letters, so it never holds the character before the next one.
    """
    starts = [m.start() + 1 for m in lang.title_after_space.finditer(lowered)]
    starts += [m.start() + 1 for m in lang.title_after_other.finditer(lowered)]
    starts.sort()
    if lang.title_start.match(lowered):
        starts.insert(0, 0)
    return starts


def _titles(page: _Page, names: set[int], lang: _Lang) -> list[_Title]:
    text = page.text
    out: list[_Title] = []
    for m in _title_matches(page, lang):
        if m.start() in names:
            continue
        canonical, rank = lang.heads[_folded(m.group("head"))]
        title = canonical
        if modified := m.group("mod"):
            # Each modifier ends in spaces or a hyphen ("vice-premier"): splitting on both leaves the bare words.
            title = " ".join([*(lang.modifiers[_folded(w)] for w in _MODIFIER_SPLIT.split(modified) if w), canonical])
        end, place = m.end(), None
        connector = None if rank else lang.connector.match(text, end)
        if connector:
            written = connector.group().strip()
            found = (_composed_complement(page, connector.end(), names, lang) if lang.composition
                     else _complement(page, connector.end(), names, lang))
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


def _gap(pattern: re.Pattern[str], text: str, start: int, end: int, lang: _Lang) -> bool:
    """Whether the text between two offsets fits `pattern`, once a courtesy word ending it is left out."""
    if start > end:
        return False
    gap = text[start:end]
    if pattern.fullmatch(gap):
        return True
    # A gap that fits as it is holds no courtesy word, so the backward look is only needed when it does not.
    honorific = lang.honorific.match(gap[::-1])
    return bool(honorific) and pattern.fullmatch(gap[:len(gap) - honorific.end()]) is not None


def _attach(text: str, mentions: list[_Mention], titles: list[_Title], lang: _Lang) -> None:
    """Titles go to the name they precede (chained by ",", "and") or follow in apposition."""
    used: set[int] = set()
    ends = {m.end for m in mentions}
    starts = [m.start for m in mentions]
    title_starts = [t.start for t in titles]
    for mention in mentions:
        chain: list[_Title] = []
        nxt = mention.start
        for i in range(bisect_left(title_starts, mention.start) - 1, -1, -1):
            title = titles[i]
            if title.end > mention.start:
                continue
            gap = _PRE_GAP if not chain else lang.chain_gap
            if not _gap(gap, text, title.end, nxt, lang) or _any_between(starts, title.end, nxt):
                break
            chain.append(title)
            nxt = title.start
        if chain and "," in text[chain[0].end:mention.start] and _after_name(text, chain[-1].start, ends):
            continue
        mention.titles.extend(reversed(chain))
        used.update(id(t) for t in chain)
    for mention in mentions:
        pos, first = mention.end, True
        for title in titles[bisect_left(title_starts, mention.end):]:
            if id(title) in used or not _gap(lang.apposition_gap if first else lang.chain_gap, text, pos, title.start, lang):
                break
            if _any_between(starts, pos, title.start):
                break
            mention.titles.append(title)
            used.add(id(title))
            pos, first = title.end, False


def _any_between(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted list of offsets holds one in [lo, hi)."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _after_name(text: str, start: int, ends: set[int]) -> bool:
    """A title chain right after "Name, ": it is that name's apposition, not the next name's."""
    gap = re.search(r"\s*,\s*$", text[max(0, start - 4):start])
    return bool(gap) and max(0, start - 4) + gap.start() in ends


# --- roles ---------------------------------------------------------------------------------------------------

def _sentence(spans: list[Span], pos: int) -> Span | None:
    i = bisect_right(spans, pos, key=lambda s: s.start) - 1
    return spans[i] if i >= 0 and spans[i].start <= pos < spans[i].end else None


def _roles(page: _Page, mentions: list[_Mention], lang: _Lang,
           located: list[Span | None]) -> dict[int, tuple[bool, bool]]:
    """Per mention (by id): (took part, chaired); a cue goes to the nearest mention of its sentence.
    `located`: the sentence of each mention."""
    out = {id(m): (False, False) for m in mentions}
    by_sentence: dict[Span | None, list[_Mention]] = {}
    for m, sentence in zip(mentions, located):
        by_sentence.setdefault(sentence, []).append(m)
    for sentence, group in by_sentence.items():
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(page.text))
        for cue in word_starts(lang.cues, page.lowered, _CUE_INSIDE_WORD, lo, hi):
            if lang.not_cues.match(page.lowered, cue.start()):
                continue
            kind = lang.cue_kinds.get(_SPACES.sub(" ", cue.group()), "part")
            if kind == "list":
                for m in group:
                    if m.start > cue.start():
                        out[id(m)] = (True, out[id(m)][1])
                continue
            m = min(group, key=lambda m: _distance(m, cue.start(), cue.end()))
            out[id(m)] = (True, out[id(m)][1] or kind == "chair")
    return out


def _lowered(text: str) -> str:
    """`text` in lower case with the same offsets: the few characters whose lower case is longer stay as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _first(m: _Mention) -> int:
    """Where a mention starts with its titles: they are kept in text order, so the first one comes first."""
    return min(m.start, m.titles[0].start) if m.titles else m.start


def _distance(m: _Mention, start: int, end: int) -> int:
    first = _first(m)
    return start - m.end if start >= m.end else max(0, first - end)


def _commemorated(text: str, m: _Mention, lang: _Lang) -> bool:
    first = _first(m)
    return _after_commemoration(text[max(0, first - 60):first], lang) or bool(lang.commemoration_after.match(text, m.end))


def _after_commemoration(before: str, lang: _Lang) -> bool:
    """`before` ends with a commemoration cue, spaces and maybe "the" ("the anniversary of the President")."""
    ending = before.rstrip()
    if ending == before or not lang.commemoration_before:
        return False
    lowered = ending.lower()
    if lowered.endswith(lang.commemoration_before):
        return True
    rest = ending[:-3]
    return lowered.endswith("the") and rest != rest.rstrip() and rest.rstrip().lower().endswith(lang.commemoration_before)


def _credited(text: str, m: _Mention, lang: _Lang) -> bool:
    return _ending_before(lang.credit, text, m.start, 40) is not None


# --- provinces -----------------------------------------------------------------------------------------------

def _province_of(title: _Title, pos: int, sentence: Span | None, places: list[PlaceMention],
                 main: _MainPlaces) -> str | None:
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


class _MainPlaces:
    """The province and the city a document names most, counted when a title first needs one: most titles
    name their place or have one in their sentence."""

    def __init__(self, places: list[PlaceMention]) -> None:
        self.places = places
        self.found: dict[str, str | None] = {}

    def __getitem__(self, kind: str) -> str | None:
        if kind not in self.found:
            counts = Counter(p.name for p in self.places if p.kind == kind)
            self.found[kind] = counts.most_common(1)[0][0] if counts else None
        return self.found[kind]


# --- the document --------------------------------------------------------------------------------------------

class _Covered:
    """Sorted spans that never overlap (the names found so far): which one holds an offset is a bisection."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.starts = [m.start for m in mentions]
        self.ends = [m.end for m in mentions]

    def holds(self, pos: int, *, end_too: bool = False) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and (self.ends[i] >= pos if end_too else self.ends[i] > pos)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _mentions(page: _Page, lang: _Lang) -> list[_Mention]:
    mentions = _vietnamese_names(page, lang)
    starts = {m.start for m in mentions}
    titles = _titles(page, starts, lang)
    covered = _Covered(mentions)
    for title in titles:
        if title.end in starts or covered.holds(title.end) or covered.holds(title.end + 1, end_too=True):
            continue
        foreign = _foreign_name(page, title.end, lang)
        if foreign and not covered.overlaps(foreign.start, foreign.end):
            mentions.append(foreign)
            covered.add(foreign.start, foreign.end)
    mentions.extend(_references(page, covered, lang))
    mentions.sort(key=lambda m: m.start)
    _attach(page.text, mentions, titles, lang)
    return mentions


def _references(page: _Page, covered: _Covered, lang: _Lang) -> Iterator[_Mention]:
    """Given names after a courtesy word ("ông Chính", "bà Mai Anh") that no name found so far starts."""
    text = page.text
    if lang.references is None:
        return
    for m in word_starts(lang.references, text, _CUE_INSIDE_WORD):
        if covered.holds(m.end()):
            continue
        end, count = m.end() - 1, 0
        while count < 3 and text[end:end + 1] in _NAME_SPACES:
            word = _NAME_WORD.match(text, end + 1)
            if not word or not _is_syllable(word.group(), True, lang) or lang.title.match(text, word.start()):
                break
            end, count = word.end(), count + 1
        if count:
            yield _Mention(m.end(), end, text[m.end():end], reference=True)


def _after_honorific(text: str, pos: int, lang: _Lang) -> bool:
    """A courtesy word, as a whole word, right before `pos` ("ông Tô Lâm")."""
    m = _ending_before(lang.honorific, text, pos, 30)
    if m is None:
        return False
    start = pos - m.end()
    return start == 0 or not _WORD_CHAR.match(text, start - 1)


def _resolve_short_forms(mentions: list[_Mention], text: str, lang: _Lang) -> list[_Mention]:
    """"Prime Minister Chinh", "ông Chính", "Mai Anh" after "Pham Minh Chinh" or "Lê Thị Mai Anh": the end of a
    full name in the same text is that person. A lone word or courtesy reference that ends none is dropped,
    unless a title names a Vietnamese given name ("PM Chinh": the linker finds the full name in other
    reports; a lone titled word of another shape is more often a company, "Chairman Vietcombank"), and so is
    a short name that the language calls a person only after a title or a courtesy word."""
    keys = [tuple(map(_folded, m.text.split())) for m in mentions]
    full: dict[tuple[str, ...], str] = {}
    for m, words in zip(mentions, keys):
        if not m.reference:
            for k in range(1, len(words)):
                full[words[k:]] = m.text
    out = []
    for m, words in zip(mentions, keys):
        if words in full:
            m.text = full[words]
        elif (len(words) == 1 and not (m.titles and _syllable_shape(m.text))) or m.reference:
            continue
        elif m.short and not m.titles and not _after_honorific(text, m.start, lang):
            continue
        out.append(m)
    return out


@dataclass(slots=True)
class _Person:
    mention: PersonMention
    titles: dict[str, TitleMention]
    dropped: bool = False


def _add(people: dict[str, _Person], m: _Mention, span: Span | None, text: str, lang: _Lang,
         role: tuple[bool, bool], sentence: Span | None, places: list[PlaceMention],
         main: _MainPlaces, author: bool) -> None:
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
          in_body: bool, lang: _Lang, main: _MainPlaces) -> None:
    page = _Page.of(text, places)
    mentions = _resolve_short_forms(_mentions(page, lang), text, lang)
    located = [_sentence(sentences, m.start) for m in mentions]
    roles = _roles(page, mentions, lang, located)
    for m, sentence in zip(mentions, located):
        # A lone given name merged into its full name keeps no span: the quote must read as the name.
        span = Span(m.start, m.end) if in_body and text[m.start:m.end] == m.text else None
        _add(people, m, span, text, lang, roles[id(m)], sentence, places, main, _credited(text, m, lang))


def find_people(doc: CleanDocument, places: list[PlaceMention]) -> list[PersonMention]:
    lang = _lang(doc.language)
    main = _MainPlaces(places)
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
