"""The data model shared by every pipeline stage.

Per-document stages produce an `Analysis`; cross-document stages (link,
reconcile) read analyses only. Every fact keeps where it came from: a `Span`
is a pair of character offsets into `CleanDocument.text`, the text we export,
so a quote can always be cut back out of it verbatim.
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

Media = Literal["text", "html"]
Qualifier = Literal["exactly", "about", "nearly", "over", "at least", "at most", "under"]
Role = Literal["participant", "mentioned", "author"]
CreditKind = Literal["author", "photo"]


@dataclass(unsafe_hash=True)
class Span:
    """Character offsets into a document's text; a value, hashed by its offsets. Never changed once made,
    but not frozen: a frozen instance costs two and a half times as much to create, and a report makes
    hundreds of spans. Without slots: orjson writes a dataclass with slots by a slow path (about 0.47 µs a
    span against 0.06), and writing a report's spans was most of writing its analysis."""
    start: int
    end: int

    def cut(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(slots=True)
class RawDocument:
    """One document as a source handed it over, before any cleaning."""
    id: str
    source: str
    content: str
    media: Media
    published: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(slots=True)
class Credit:
    """A byline or photo credit: the person wrote or shot it, took no part."""
    name: str
    kind: CreditKind
    line: str


@dataclass(slots=True)
class CleanDocument:
    """Main text without web clutter, plus what the page said about itself.

    `text` holds body paragraphs joined by "\\n"; photo captions and credits
    are kept apart so that a caption never reads as a sentence of the report.
    """
    id: str
    source: str
    text: str
    language: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DateMention:
    span: Span
    text: str
    value: str
    """ISO date `YYYY-MM-DD` once the year is resolved."""
    year_inferred: bool = False
    part_of_day: str | None = None


@dataclass(slots=True)
class YearMention:
    span: Span
    year: int
    tense: Literal["past", "future", "unknown"] = "unknown"


@dataclass(slots=True)
class Timing:
    """When the document was written and when its event happened."""
    event_date: str | None = None
    event_date_span: Span | None = None
    reference_year: int | None = None
    """The year the report treats as "this year": the event's year when known."""
    focal_date: str | None = None
    """Best estimate of the writing date when neither event date nor publication date is stated."""


@dataclass(slots=True)
class PlaceMention:
    span: Span
    text: str
    name: str
    """Canonical plain-ASCII name (a province or city) or the country's English name."""
    kind: Literal["province", "city", "country"]
    code: str | None = None
    """ISO 3166 alpha-2 for a country."""


@dataclass(slots=True)
class TitleMention:
    title: str
    """Canonical English form, e.g. "Vice Chairman of the Provincial People's Committee"."""
    text: str
    """As written in the document."""
    place: str | None = None
    """Province or city the office belongs to, when the text says so."""


@dataclass(slots=True)
class PersonMention:
    name: str
    """Plain ASCII, e.g. "Pham Minh Chinh"."""
    text: str
    """As written, diacritics kept."""
    span: Span | None
    """In `CleanDocument.text`; None when the mention is in a caption or credit."""
    titles: list[TitleMention] = field(default_factory=list)
    role: Role = "mentioned"
    chair: bool = False


@dataclass(slots=True)
class Figure:
    """A number as stated: `value` in base units (40 billion -> 4e10)."""
    text: str
    start: int
    end: int
    value: float
    unit: str
    """ISO 4217 code, "%", "count" or "people"."""
    qualifier: Qualifier = "exactly"
    low: float | None = None
    high: float | None = None
    change: bool = False
    """True for a change ("an increase of 39.5%"), not a level."""


@dataclass(slots=True)
class Claim:
    """One figure tied to what it measures, when and where, in one document."""
    indicator: str
    figure: Figure
    period: str | None
    scope: str
    sentence: Span
    target: bool = False


@dataclass(slots=True)
class Task:
    n: int
    text: str
    span: Span


@dataclass(slots=True)
class Relation:
    partner: str
    """ISO 3166 alpha-2."""
    level: str
    year: int | None
    span: Span


@dataclass(slots=True)
class EventSetting:
    """What the document says about the event it reports."""
    type: str | None = None
    plover: str | None = None
    title: str | None = None
    place: str | None = None
    bridge_points: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """Everything one document yields; the output of the pure per-document step."""
    document: CleanDocument
    content_hash: str
    timing: Timing = field(default_factory=Timing)
    dates: list[DateMention] = field(default_factory=list)
    years: list[YearMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    setting: EventSetting = field(default_factory=EventSetting)

    def to_dict(self) -> dict[str, Any]:
        """Plain dicts and lists (what `dataclasses.asdict` gives, several times faster)."""
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return _builder(cls)(data)


# --- The knowledge base: what the cross-document stages make of analyses ---

Status = Literal["corroborated", "single", "conflicting"]


@dataclass(slots=True)
class TitleRecord:
    """A title as some documents state it, dated by those documents."""
    title: str
    place: str | None
    as_of: str | None
    """Earliest date (event or publication) of a document stating it."""
    documents: list[str] = field(default_factory=list)
    until: str | None = None
    """Latest date of a document stating it: the same person may hold another office later."""


@dataclass(slots=True)
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[TitleRecord] = field(default_factory=list)
    role: Role = "mentioned"
    documents: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    id: str
    date: str | None
    documents: list[str]
    type: str | None = None
    plover: str | None = None
    title: str | None = None
    place: str | None = None
    chair: str | None = None
    """Person id of whoever chaired or directed it."""
    participants: list[str] = field(default_factory=list)
    bridge_points: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ClaimMention:
    """One source's statement of a claim, quoted verbatim."""
    document: str
    quote: str
    start: int
    end: int
    value: float
    unit: str
    qualifier: Qualifier
    figure: str


@dataclass(slots=True)
class ReconciledClaim:
    id: str
    event: str
    indicator: str
    value: float
    unit: str
    qualifier: Qualifier
    period: str | None
    scope: str
    status: Status
    target: bool
    mentions: list[ClaimMention] = field(default_factory=list)
    independent_sources: int = 1
    """Sources that are not copies of one another (a republished wire story counts once)."""

    @property
    def sources(self) -> int:
        return len({m.document for m in self.mentions})

    @property
    def hedges_differ(self) -> bool:
        """Sources agree on the figure but hedge it differently ("about 8%" / "at least 8%"): worth showing."""
        return self.status != "conflicting" and len({m.qualifier for m in self.mentions}) > 1


@dataclass(slots=True)
class EventTask:
    event: str
    n: int
    text: str
    documents: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EventRelation:
    partner: str
    level: str
    year: int | None
    event: str | None
    documents: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Participation:
    """A participant as one member document names them (folded name), before people are linked."""
    document: str
    name: str
    chair: bool = False


@dataclass(slots=True)
class EventDraft:
    """An event as its member documents alone describe it: what is left to do needs the whole corpus.

    People ids and the event id (unique across the corpus) come later; the
    claims and tasks carry a blank event until then. A one-document event's
    draft is made where the document is analysed and stored with it, so that
    relinking needs no analysis for the many events a single report covers.
    """
    date: str | None = None
    type: str | None = None
    plover: str | None = None
    title: str | None = None
    place: str | None = None
    bridge_points: list[str] = field(default_factory=list)
    participants: list[Participation] = field(default_factory=list)
    copies: dict[str, str] = field(default_factory=dict)
    claims: list[ReconciledClaim] = field(default_factory=list)
    tasks: list[EventTask] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventDraft:
        return _builder(cls)(data)


@dataclass(slots=True)
class KnowledgeBase:
    copies: dict[str, str] = field(default_factory=dict)
    """Document id of a copy -> id of the document it copies."""
    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    claims: list[ReconciledClaim] = field(default_factory=list)
    tasks: list[EventTask] = field(default_factory=list)
    relations: list[EventRelation] = field(default_factory=list)


def _plain(value: Any) -> Any:
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [_plain(x) for x in value]
    return value


@functools.cache
def _field_names(tp: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(tp)) if dataclasses.is_dataclass(tp) else None


@functools.cache
def _builder(tp: Any) -> Callable[[Any], Any]:
    """A function rebuilding values of type `tp` from `_plain` output, made once per type.

    Stored analyses are read back by the thousand when the knowledge base is
    relinked; resolving type hints per value would cost more than the parsing.
    Values that need no rebuilding (strings, numbers, optional ones) are taken
    as they are, not passed through a function.
    """
    origin = typing.get_origin(tp)
    if origin is list:
        (item,) = typing.get_args(tp)
        build_item = _builder(item)
        if build_item is _same:
            return list
        return lambda data: list(map(build_item, data))
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) != 1:
            return _same
        build_option = _builder(options[0])
        if build_option is _same:
            return _same
        return lambda data: None if data is None else build_option(data)
    if dataclasses.is_dataclass(tp):
        return _dataclass_builder(tp)
    return _same


def _dataclass_builder(tp: type) -> Callable[[dict[str, Any]], Any]:
    """Straight-line code per dataclass ending in one positional call: a generic loop over fields cost twice as
    much per value, and keyword arguments gathered in a dict a sixth more again.

    A field missing from the data takes its default, as if the constructor had not been given it.
    """
    hints = typing.get_type_hints(tp)
    scope: dict[str, Any] = {"tp": tp, "missing": dataclasses.MISSING}
    arguments = []
    for i, f in enumerate(dataclasses.fields(tp)):
        build = _builder(hints[f.name])
        scope[f"build{i}"] = build
        if f.default_factory is not dataclasses.MISSING:
            scope[f"default{i}"] = f.default_factory
            default = f"default{i}()"
        elif f.default is not dataclasses.MISSING:
            scope[f"default{i}"] = f.default
            default = f"default{i}"
            if build is _same:
                arguments.append(f"get({f.name!r}, {default})")
                continue
        else:
            arguments.append(f"data[{f.name!r}]" if build is _same else f"build{i}(data[{f.name!r}])")
            continue
        value = "value" if build is _same else f"build{i}(value)"
        arguments.append(f"{value} if (value := get({f.name!r}, missing)) is not missing else {default}")
    body = "".join(f"\n        {argument}," for argument in arguments)
    exec(f"def build(data):\n    get = data.get\n    return tp({body})", scope)
    return scope["build"]


def _same(data: Any) -> Any:
    return data
