"""The one type every reader reports skipped inputs and warnings with."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A file (or one record of it) that was skipped, or a warning about one that still came through."""
    path: str
    reason: str
    skipped: bool = True
