"""PROVISIONAL placeholder (owner: dates/tasks/setting helper)."""
from __future__ import annotations

from ..model import CleanDocument, Task


def find_tasks(doc: CleanDocument) -> list[Task]:
    return []
