"""PROVISIONAL placeholder (owner: dates/tasks/setting helper)."""
from __future__ import annotations

from ..model import CleanDocument, EventSetting, PlaceMention, Timing


def describe_setting(doc: CleanDocument, places: list[PlaceMention], timing: Timing) -> EventSetting:
    return EventSetting()
