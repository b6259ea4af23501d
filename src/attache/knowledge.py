"""The cross-document half of the pipeline: analyses in, knowledge base out.

Three passes, so that a corpus of any size is linked without holding its
analyses in memory: events are grouped from each document's compact
`LinkFeatures`; people are linked from one stream of every document's
mentions; then each event is built from its own members only, a few
hundred events at a time — or, for an event of one document, from the draft
stored with that document. Each batch of events goes to a `KnowledgeSink`
as it is built: the store writes it at once, so neither the analyses nor the
knowledge base are ever held whole.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

from .link import group_events, link_people
from .link.assemble import Member, finish_event, merge_drafts
from .link.collector import without_cycle_collection
from .link.events import LinkFeatures, link_features
from .model import (Analysis, Event, EventDraft, EventRelation, EventTask, KnowledgeBase, Person, ReconciledClaim,
                    Relation)
from .reconcile import merge_relations
from .store import Store

EVENTS_PER_LOAD = 500
"""Events whose members are loaded together in the last pass."""


class Corpus(Protocol):
    def features(self) -> Iterable[LinkFeatures]:
        """Every document's features, in document order; iterable more than once."""

    def outlines(self) -> Iterable[Analysis]:
        """Every document once, in document order, with at least its timing, people and relations."""

    def members(self, ids: Sequence[str]) -> Iterable[Member]:
        """These documents as members of events (their drafts, and what copies are found by), in any order."""

    def drafts(self, ids: Sequence[str]) -> dict[str, EventDraft]:
        """Ready-made drafts of one-document events (`draft_event([analysis])`) for those of these ids that have one."""


class AnalysesInMemory:
    """A corpus of analyses already in memory (tests, the web's single-document ingest, small batches)."""

    def __init__(self, analyses: Iterable[Analysis]):
        self.by_id = {a.document.id: a for a in analyses}
        self._features = [link_features(a) for a in self.by_id.values()]

    def features(self) -> list[LinkFeatures]:
        return self._features

    def outlines(self) -> Iterable[Analysis]:
        return self.by_id.values()

    def members(self, ids: Sequence[str]) -> list[Member]:
        return [Member.of(self.by_id[i]) for i in ids]

    def drafts(self, ids: Sequence[str]) -> dict[str, EventDraft]:
        return {}


class KnowledgeSink(Protocol):
    """Where linking puts what it builds, part by part: a `KnowledgeBase` in memory or the store's writer."""

    def add_people(self, people: list[Person]) -> None: ...

    def add_events(self, events: list[Event], claims: list[ReconciledClaim], tasks: list[EventTask],
                   copies: dict[str, str]) -> None: ...

    def add_relations(self, relations: list[EventRelation]) -> None: ...


class _Collected:
    """A knowledge base in memory, filled as a sink."""

    def __init__(self) -> None:
        self.kb = KnowledgeBase()

    def add_people(self, people: list[Person]) -> None:
        self.kb.people.extend(people)

    def add_events(self, events: list[Event], claims: list[ReconciledClaim], tasks: list[EventTask],
                   copies: dict[str, str]) -> None:
        self.kb.events.extend(events)
        self.kb.claims.extend(claims)
        self.kb.tasks.extend(tasks)
        self.kb.copies.update(copies)

    def add_relations(self, relations: list[EventRelation]) -> None:
        self.kb.relations.extend(relations)


def build_knowledge_base(analyses: Iterable[Analysis]) -> KnowledgeBase:
    return link_corpus(AnalysesInMemory(analyses))


Progress = Callable[[str, int, int | None], None]
"""Told what linking is doing: a step's name, how far it is, out of how many (None: unknown)."""


class Helpers(Protocol):
    """Other processes that read the same corpus (the ingest's workers): they group documents into events
    while this process links people, then draft events while this one finishes and writes them."""

    def grouping(self) -> Callable[[], list[list[str]]]:
        """Start `group_events` over the corpus's features; the call returned waits for its groups."""

    def drafting(self, batches: Iterator[list[list[str]]]) -> Iterator[list[EventDraft]]:
        """`draft_events` of each batch of events (each a list of member ids), batch by batch, in order."""


def relink(store: Store, progress: Progress | None = None, helpers: Helpers | None = None) -> None:
    """Rebuild the knowledge base from the stored documents when they changed since the last build."""
    if store.knowledge_stale() or store.count("events") == 0 and store.count("documents"):
        with store.replacing_knowledge() as writer:
            link_into(store.corpus(), writer, progress, helpers)


def link_corpus(corpus: Corpus, progress: Progress | None = None) -> KnowledgeBase:
    """The whole knowledge base of a corpus, in memory."""
    collected = _Collected()
    link_into(corpus, collected, progress)
    return collected.kb


@without_cycle_collection
def link_into(corpus: Corpus, sink: KnowledgeSink, progress: Progress | None = None,
              helpers: Helpers | None = None) -> None:
    """Link a corpus: people first, then events batch by batch, then relations, each handed to `sink`."""
    tell = progress or _silent
    helpers = helpers or _ThisProcess(corpus)
    # One step to the user: with helpers, the two run at once.
    tell("grouping documents into events and linking people", 0, None)
    grouped = helpers.grouping()
    stated: list[tuple[str, list[Relation]]] = []
    people, person_ids = link_people(_noting_relations(corpus.outlines(), stated))
    sink.add_people(people)
    groups = grouped()
    drafted = helpers.drafting(_batches(groups, EVENTS_PER_LOAD))
    taken: set[str] = set()
    event_of: dict[str, str] = {}
    done = 0
    for batch, drafts in zip(_batches(groups, EVENTS_PER_LOAD), drafted):
        tell("building and writing events", done, len(groups))
        done += len(batch)
        events = [finish_event(draft, doc_ids, person_ids, taken) for doc_ids, draft in zip(batch, drafts)]
        for event in events:
            event_of.update((d, event.id) for d in event.documents)
        sink.add_events(events, [c for d in drafts for c in d.claims], [t for d in drafts for t in d.tasks],
                        {copy: original for d in drafts for copy, original in d.copies.items()})
    sink.add_relations(merge_relations(event_of, stated))


class _ThisProcess:
    """No other process to help: each step runs here, when asked for."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus

    def grouping(self) -> Callable[[], list[list[str]]]:
        groups = group_events(self.corpus.features())
        return lambda: groups

    def drafting(self, batches: Iterator[list[list[str]]]) -> Iterator[list[EventDraft]]:
        return (draft_events(self.corpus, batch) for batch in batches)


@without_cycle_collection
def draft_events(corpus: Corpus, groups: list[list[str]]) -> list[EventDraft]:
    """Each group's draft: the stored one of a one-document event, else one made from its members."""
    stored = corpus.drafts([ids[0] for ids in groups if len(ids) == 1])
    needed = [d for ids in groups if len(ids) > 1 or ids[0] not in stored for d in ids]
    loaded = {m.candidate.id: m for m in corpus.members(needed)} if needed else {}
    return [stored[ids[0]] if len(ids) == 1 and ids[0] in stored else merge_drafts([loaded[d] for d in ids])
            for ids in groups]


def _silent(step: str, done: int, total: int | None) -> None:
    """No one is watching: a library call or a test."""


def _noting_relations(analyses: Iterable[Analysis], stated: list[tuple[str, list[Relation]]]) -> Iterator[Analysis]:
    """Pass the analyses on, keeping aside the relations each states: they are linked once events are known."""
    for analysis in analyses:
        if analysis.relations:
            stated.append((analysis.document.id, analysis.relations))
        yield analysis


def _batches(groups: list[list[str]], size: int) -> Iterator[list[list[str]]]:
    it = iter(groups)
    while batch := list(itertools.islice(it, size)):
        yield batch
