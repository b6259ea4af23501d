"""PROVISIONAL placeholder (owner: people/places/relations helper)."""
from __future__ import annotations

from ..model import PlaceMention


def find_places(text: str, language: str) -> list[PlaceMention]:
    return []
