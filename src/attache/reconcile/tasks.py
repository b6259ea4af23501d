"""Numbered tasks and partnership relations, merged across the sources of an event."""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Analysis, EventRelation, EventTask, Relation


def merge_tasks(event_id: str, members: list[Analysis]) -> list[EventTask]:
    """The fullest list gives the wording; every source stating item n is credited."""
    lists = [(m.document.id, m.tasks) for m in members if m.tasks]
    if not lists:
        return []
    _, fullest = max(lists, key=lambda item: len(item[1]))
    tasks = [EventTask(event=event_id, n=t.n, text=t.text) for t in fullest]
    for doc_id, items in lists:
        numbers = {t.n for t in items}
        for task in tasks:
            if task.n in numbers:
                task.documents.append(doc_id)
    return tasks


def merge_relations(event_of: dict[str, str], stated: Iterable[tuple[str, list[Relation]]]) -> list[EventRelation]:
    """One relation per (partner, level, year), crediting every document (id, its relations) that states it."""
    merged: dict[tuple[str, str, int | None], EventRelation] = {}
    for doc_id, relations in stated:
        for r in relations:
            key = (r.partner, r.level, r.year)
            relation = merged.setdefault(key, EventRelation(r.partner, r.level, r.year, event_of.get(doc_id)))
            if doc_id not in relation.documents:
                relation.documents.append(doc_id)
    return list(merged.values())
