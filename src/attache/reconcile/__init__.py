"""Merge what several sources say about one event: figures, tasks, relations."""
from .claims import reconcile_claims
from .tasks import merge_relations, merge_tasks

__all__ = ["reconcile_claims", "merge_tasks", "merge_relations"]
