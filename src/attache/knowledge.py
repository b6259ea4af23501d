"""The cross-document half of the pipeline: analyses in, knowledge base out."""
from __future__ import annotations

from .link import find_copies, group_events, link_people
from .link.assemble import build_event
from .model import Analysis, KnowledgeBase
from .reconcile import merge_relations, merge_tasks, reconcile_claims


def build_knowledge_base(analyses: list[Analysis]) -> KnowledgeBase:
    by_id = {a.document.id: a for a in analyses}
    people, person_ids = link_people(analyses)
    kb = KnowledgeBase(people=people)
    taken: set[str] = set()
    event_of: dict[str, str] = {}
    for doc_ids in group_events(analyses):
        members = [by_id[d] for d in doc_ids]
        event = build_event(members, person_ids, taken)
        kb.events.append(event)
        event_of.update((d, event.id) for d in doc_ids)
        copies = find_copies(members)
        kb.copies.update(copies)
        kb.claims.extend(reconcile_claims(event.id, members, copies))
        kb.tasks.extend(merge_tasks(event.id, members))
    kb.relations = merge_relations(event_of, analyses)
    return kb
