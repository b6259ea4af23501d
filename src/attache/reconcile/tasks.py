"""Numbered tasks and partnership relations, merged across the sources of an event."""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Analysis, EventRelation, EventTask, Relation


def merge_tasks(event_id: str, members: list[Analysis]) -> list[EventTask]:
    """The fullest list gives the wording; every source stating item n is credited."""
    return merge_task_lists(event_id, [(m.document.id, [(t.n, t.text) for t in m.tasks]) for m in members])


def merge_task_lists(event_id: str, lists: Iterable[tuple[str, list[tuple[int, str]]]]) -> list[EventTask]:
    """`merge_tasks` of each source's (document id, its numbered tasks)."""
    stated = [(doc_id, items) for doc_id, items in lists if items]
    if not stated:
        return []
    _, fullest = max(stated, key=lambda item: len(item[1]))
    tasks = [EventTask(event=event_id, n=n, text=text) for n, text in fullest]
    for doc_id, items in stated:
        numbers = {n for n, _ in items}
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
