"""Turn groups of documents into events with a day, place, title and people.

In two steps: `draft_event` reads the members only (a pure function of
them, so a one-document event's draft can be made where that document is
analysed); `finish_event` gives the event its corpus-wide id and people.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Analysis, Event, EventDraft, Participation
from ..reconcile import merge_tasks, reconcile_claims
from ..reconcile.claims import claim_id, reconcile_statements
from ..reconcile.tasks import merge_task_lists
from ..text import fold
from .copies import Candidate, copies_among
from .keys import digest, slug


@dataclass(slots=True)
class Member:
    """A member of an event as drafting reads it: its own one-document draft, plus what merging drafts cannot
    recover (where a title came from, what copies are found by). Stored documents are read back this way
    rather than as whole analyses."""
    draft: EventDraft
    candidate: Candidate
    title: str | None
    """The document's own title (a headline)."""
    setting_title: str | None
    """The event's title as the document states it."""

    @classmethod
    def of(cls, analysis: Analysis) -> Member:
        return cls(_document_draft(analysis), Candidate.of(analysis), analysis.document.title,
                   analysis.setting.title)


def draft_event(members: list[Analysis]) -> EventDraft:
    """Each attribute is what most member documents say; English wording first for titles."""
    return merge_drafts([Member.of(m) for m in members])


def merge_drafts(members: list[Member]) -> EventDraft:
    """`draft_event` of the members, from each one's own draft."""
    if len(members) == 1:
        return members[0].draft
    copies = copies_among([m.candidate for m in members])
    drafts = [m.draft for m in members]
    return EventDraft(
        date=_most_common(d.date for d in drafts),
        type=_most_common(d.type for d in drafts),
        plover=_most_common(d.plover for d in drafts),
        title=_title(members),
        place=_most_common(d.place for d in drafts),
        # Each point once, in the order the members first state it.
        bridge_points=list(dict.fromkeys(p for d in drafts for p in d.bridge_points)),
        participants=[p for d in drafts for p in d.participants],
        copies=copies,
        claims=reconcile_statements("", [((c.indicator, c.period, c.scope), c.mentions[0], c.target)
                                         for d in drafts for c in d.claims], copies),
        tasks=merge_task_lists("", [(m.candidate.id, [(t.n, t.text) for t in m.draft.tasks]) for m in members]),
    )


def _document_draft(analysis: Analysis) -> EventDraft:
    """The draft of an event reported by this document alone."""
    setting = analysis.setting
    return EventDraft(
        date=analysis.timing.event_date or None,
        type=setting.type or None,
        plover=setting.plover or None,
        title=setting.title or analysis.document.title or None,
        place=setting.place or None,
        bridge_points=list(dict.fromkeys(setting.bridge_points)),
        participants=[Participation(analysis.document.id, fold(p.name), p.chair)
                      for p in analysis.people if p.role == "participant"],
        claims=reconcile_claims("", [analysis]),
        tasks=merge_tasks("", [analysis]),
    )


def finish_event(draft: EventDraft, documents: list[str], person_ids: dict[tuple[str, str], str],
                 taken: set[str]) -> Event:
    """The event with its unique id and linked people; the draft's claims and tasks are bound to it."""
    event = Event(id=_event_id(draft.date, draft.title, documents, taken), date=draft.date, documents=documents,
                  type=draft.type, plover=draft.plover, title=draft.title, place=draft.place,
                  bridge_points=draft.bridge_points)
    chairs: Counter[str] = Counter()
    for p in draft.participants:
        pid = person_ids.get((p.document, p.name))
        if pid is None:
            continue
        if pid not in event.participants:
            event.participants.append(pid)
        if p.chair:
            chairs[pid] += 1
    event.chair = chairs.most_common(1)[0][0] if chairs else None
    for claim in draft.claims:
        claim.event = event.id
        claim.id = claim_id(event.id, claim.indicator, claim.period, claim.scope)
    for task in draft.tasks:
        task.event = event.id
    return event


def _most_common(values) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _title(members: list[Member]) -> str | None:
    ranked = sorted(members, key=lambda m: m.candidate.language != "en")
    for m in ranked:
        if m.setting_title:
            return m.setting_title
    return next((m.title for m in ranked if m.title), None)


def _event_id(day: str | None, title: str | None, documents: list[str], taken: set[str]) -> str:
    stem = slug(title or "", words=5) or digest(*sorted(documents))
    base = f"E-{day or 'undated'}-{stem}"
    event_id, n = base, 2
    while event_id in taken:
        event_id, n = f"{base}-{n}", n + 1
    taken.add(event_id)
    return event_id
