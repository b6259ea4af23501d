"""Numbered tasks and partnership relations, merged across the sources of an event."""
from __future__ import annotations

from ..model import Analysis, EventRelation, EventTask


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


def merge_relations(event_of: dict[str, str], analyses: list[Analysis]) -> list[EventRelation]:
    merged: dict[tuple[str, str, int | None], EventRelation] = {}
    for analysis in analyses:
        doc_id = analysis.document.id
        for r in analysis.relations:
            key = (r.partner, r.level, r.year)
            relation = merged.setdefault(key, EventRelation(r.partner, r.level, r.year, event_of.get(doc_id)))
            if doc_id not in relation.documents:
                relation.documents.append(doc_id)
    return list(merged.values())
