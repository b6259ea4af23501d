"""PROVISIONAL placeholder (owner: figures helper)."""
from __future__ import annotations

from ..model import Figure


def find_figures(text: str, language: str) -> list[Figure]:
    return []
