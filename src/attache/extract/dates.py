"""PROVISIONAL (owner: dates/tasks/setting helper): years only, so far."""
from __future__ import annotations

import re

from ..model import CleanDocument, DateMention, Span, Timing, YearMention

_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20\d\d)(?![\d/.,])")


def find_years(text: str) -> list[YearMention]:
    return [YearMention(Span(m.start(), m.end()), int(m.group())) for m in _YEAR.finditer(text)]


def find_dates(doc: CleanDocument) -> tuple[list[DateMention], list[YearMention], Timing]:
    years = find_years(doc.text)
    published = int(doc.published[:4]) if doc.published else None
    reference = published or (max((y.year for y in years), default=None))
    return [], years, Timing(reference_year=reference)
