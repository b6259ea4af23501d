"""Turn groups of documents into events with a day, place, title and people."""
from __future__ import annotations

from collections import Counter

from ..model import Analysis, Event
from ..text import fold
from .keys import digest, slug


def build_event(members: list[Analysis], person_ids: dict[tuple[str, str], str], taken: set[str]) -> Event:
    """Each attribute is what most member documents say; English wording first for titles."""
    day = _most_common(m.timing.event_date for m in members)
    title = _title(members)
    event = Event(
        id=_event_id(day, title, members, taken),
        date=day,
        documents=[m.document.id for m in members],
        type=_most_common(m.setting.type for m in members),
        plover=_most_common(m.setting.plover for m in members),
        title=title,
        place=_most_common(m.setting.place for m in members),
    )
    chairs: Counter[str] = Counter()
    for m in members:
        for p in m.people:
            pid = person_ids.get((m.document.id, fold(p.name)))
            if pid is None or p.role != "participant":
                continue
            if pid not in event.participants:
                event.participants.append(pid)
            if p.chair:
                chairs[pid] += 1
        for point in m.setting.bridge_points:
            if point not in event.bridge_points:
                event.bridge_points.append(point)
    event.chair = chairs.most_common(1)[0][0] if chairs else None
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


def _event_id(day: str | None, title: str | None, members: list[Analysis], taken: set[str]) -> str:
    stem = slug(title or "", words=5) or digest(*sorted(m.document.id for m in members))
    base = f"E-{day or 'undated'}-{stem}"
    event_id, n = base, 2
    while event_id in taken:
        event_id, n = f"{base}-{n}", n + 1
    taken.add(event_id)
    return event_id
