"""PROVISIONAL placeholder (owner: people/places/relations helper)."""
from __future__ import annotations

from ..model import CleanDocument, PersonMention, PlaceMention


def find_people(doc: CleanDocument, places: list[PlaceMention]) -> list[PersonMention]:
    return []
