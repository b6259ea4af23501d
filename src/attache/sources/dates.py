"""Publication dates as sources and pages state them, normalised to ISO `YYYY-MM-DD`."""
from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime
from functools import cache

# Vietnamese and French sites write the day first; ISO writes the year first.
_DAY_FIRST = r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
_YEAR_FIRST = r"(?P<Y>\d{4})[/.-](?P<M>\d{1,2})[/.-](?P<D>\d{1,2})"
NUMERIC_DATE = rf"(?<!\d)(?:{_YEAR_FIRST}|{_DAY_FIRST})(?!\d)"
"""Regex source of a numeric date, day first (dd/mm/yyyy) or ISO (yyyy-mm-dd); see `iso_from_match`."""


@cache
def numeric_date() -> re.Pattern[str]:
    return re.compile(NUMERIC_DATE)


def iso_from_match(m: re.Match[str]) -> str | None:
    if m.group("Y"):
        parts = m.group("Y"), m.group("M"), m.group("D")
    else:
        parts = m.group("y"), m.group("m"), m.group("d")
    return iso_date(*(int(p) for p in parts))


def normalise_date(value: object) -> str | None:
    """ISO date for an ISO timestamp, a numeric date or an RFC 2822 date; None if unparseable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    m = numeric_date().search(text)
    if m:
        return iso_from_match(m)
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
