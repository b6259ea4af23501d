"""Turn groups of documents into events with a day, place, title and people.

In two steps: `draft_event` reads the members only (a pure function of
them, so a one-document event's draft can be made where that document is
analysed); `finish_event` gives the event its corpus-wide id and people.
"""
from __future__ import annotations

from collections import Counter

from ..model import Analysis, Event, EventDraft, Participation
from ..reconcile import merge_tasks, reconcile_claims
from ..reconcile.claims import claim_id
from ..text import fold
from .copies import find_copies
from .keys import digest, slug


def draft_event(members: list[Analysis]) -> EventDraft:
    """Each attribute is what most member documents say; English wording first for titles."""
    copies = find_copies(members)
    draft = EventDraft(
        date=_most_common(m.timing.event_date for m in members),
        type=_most_common(m.setting.type for m in members),
        plover=_most_common(m.setting.plover for m in members),
        title=_title(members),
        place=_most_common(m.setting.place for m in members),
        copies=copies,
        claims=reconcile_claims("", members, copies),
        tasks=merge_tasks("", members),
    )
    for m in members:
        draft.participants += [Participation(m.document.id, fold(p.name), p.chair)
                               for p in m.people if p.role == "participant"]
        for point in m.setting.bridge_points:
            if point not in draft.bridge_points:
                draft.bridge_points.append(point)
    return draft


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


def _title(members: list[Analysis]) -> str | None:
    ranked = sorted(members, key=lambda m: m.document.language != "en")
    for m in ranked:
        if m.setting.title:
            return m.setting.title
    return next((m.document.title for m in ranked if m.document.title), None)


def _event_id(day: str | None, title: str | None, documents: list[str], taken: set[str]) -> str:
    stem = slug(title or "", words=5) or digest(*sorted(documents))
    base = f"E-{day or 'undated'}-{stem}"
    event_id, n = base, 2
    while event_id in taken:
        event_id, n = f"{base}-{n}", n + 1
    taken.add(event_id)
    return event_id
