"""Small text helpers every stage needs: folding and ASCII names."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_DD = str.maketrans({"đ": "d", "Đ": "D"})


def to_ascii(s: str) -> str:
    """Drop diacritics ("Phạm Minh Chính" -> "Pham Minh Chinh"); keeps case."""
    s = unicodedata.normalize("NFKD", s.translate(_DD))
    return "".join(c for c in s if not unicodedata.combining(c))


def fold(s: str | None) -> str:
    """Comparison key: ASCII, lower case, single spaces."""
    if not s:
        return ""
    return _SPACES.sub(" ", to_ascii(s)).strip().lower()
