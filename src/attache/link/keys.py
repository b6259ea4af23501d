"""Identifiers for linked entities: stable across runs, readable in URLs."""
from __future__ import annotations

import hashlib
import re

from ..text import fold

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str, words: int = 6) -> str:
    parts = [p for p in _NON_WORD.split(fold(text)) if p]
    return "-".join(parts[:words])


def digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:10]
