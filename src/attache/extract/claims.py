"""PROVISIONAL placeholder (owner: figures helper)."""
from __future__ import annotations

from ..model import Claim, CleanDocument, Figure, PlaceMention, Timing, YearMention


def find_claims(doc: CleanDocument, figures: list[Figure], years: list[YearMention],
                places: list[PlaceMention], timing: Timing) -> list[Claim]:
    return []
