"""PROVISIONAL placeholder (owner: people/places/relations helper)."""
from __future__ import annotations

from ..model import CleanDocument, PlaceMention, Relation, YearMention


def find_relations(doc: CleanDocument, places: list[PlaceMention], years: list[YearMention]) -> list[Relation]:
    return []
