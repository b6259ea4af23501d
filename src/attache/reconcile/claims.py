"""Figures of one event, compared across sources.

Claims on the same (indicator, period, scope) are one claim with one mention
per source. Each mention's hedge turns its value into an interval of what the
source allows ("nearly 25" is just below 25, "over 25" just above); the claim
is conflicting when two intervals do not overlap, corroborated when they all
do and at least two independent sources state it (copies of one story count
once), and single otherwise.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from ..link.keys import digest
from ..model import Analysis, Claim, ClaimMention, CleanDocument, ReconciledClaim

HEDGE_REACH = 0.10
"""The furthest a hedged figure may stray: "nearly 40" is never below 36."""
ABOUT_REACH = 0.01
NEARLY_REACH = 0.02


Statement = tuple[tuple[str, str | None, str], ClaimMention, bool]
"""One source's claim: its (indicator, period, scope), the mention quoting it, and whether it is a target."""


def reconcile_claims(event_id: str, members: list[Analysis],
                     copies: dict[str, str] | None = None) -> list[ReconciledClaim]:
    """`copies` maps a copy's document id to its original: copies do not corroborate."""
    return reconcile_statements(event_id, [((claim.indicator, claim.period, claim.scope),
                                            _mention(analysis.document, claim), claim.target)
                                           for analysis in members for claim in analysis.claims], copies)


def reconcile_statements(event_id: str, statements: Iterable[Statement],
                         copies: dict[str, str] | None = None) -> list[ReconciledClaim]:
    """`reconcile_claims` of claims already quoted (a document's first statement of each claim counts)."""
    grouped: dict[tuple[str, str | None, str], list[tuple[ClaimMention, bool]]] = {}
    for key, mention, target in statements:
        sources = grouped.setdefault(key, [])
        if all(m.document != mention.document for m, _ in sources):
            sources.append((mention, target))
    copies = copies or {}
    return [_reconcile(event_id, key, sources, copies) for key, sources in grouped.items()]


def _reconcile(event_id: str, key: tuple[str, str | None, str],
               sources: list[tuple[ClaimMention, bool]], copies: dict[str, str]) -> ReconciledClaim:
    indicator, period, scope = key
    mentions = [m for m, _ in sources]
    votes = Counter((m.value, m.unit, m.qualifier) for m in mentions)
    (value, unit, qualifier), _ = votes.most_common(1)[0]
    independent = len({copies.get(m.document, m.document) for m in mentions})
    if not compatible(mentions):
        status = "conflicting"
    elif independent > 1:
        status = "corroborated"
    else:
        status = "single"
    return ReconciledClaim(
        id=claim_id(event_id, indicator, period, scope),
        event=event_id, indicator=indicator, value=value, unit=unit, qualifier=qualifier,
        period=period, scope=scope, status=status, target=any(target for _, target in sources),
        mentions=mentions, independent_sources=independent,
    )


def claim_id(event_id: str, indicator: str, period: str | None, scope: str) -> str:
    return "C-" + digest(event_id, indicator, period, scope)


def _mention(doc: CleanDocument, claim: Claim) -> ClaimMention:
    s = claim.sentence
    f = claim.figure
    return ClaimMention(document=doc.id, quote=doc.text[s.start:s.end], start=s.start, end=s.end,
                        value=f.value, unit=f.unit, qualifier=f.qualifier, figure=f.text)


def precision(value: float) -> float:
    """Place value of the last significant digit: 38.5 -> 0.1, 786 -> 1, 40 billion -> 10 billion.

    Small whole numbers (60 activities) are counts, exact to the unit.
    """
    if value < 1000 and float(value).is_integer():
        return 1.0
    exponent = Decimal(repr(abs(value))).normalize().as_tuple().exponent
    return 10.0 ** exponent if isinstance(exponent, int) else 1.0


def interval(value: float, qualifier: str) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) of the values a hedged figure allows.

    The width follows the precision the source wrote: "about 38.5" is tighter
    than "about 40", and an unhedged 59 covers the rounding to 59 only, so
    that 59 and 60 disagree while 786 and 786.2 agree.
    """
    v = abs(value)
    bounds = _bounds(v, qualifier)
    if value < 0:
        low, high, lo_open, hi_open = bounds
        return -high, -low, hi_open, lo_open
    return bounds


def _bounds(v: float, qualifier: str) -> tuple[float, float, bool, bool]:
    # Only the qualifier's own reach is worked out: precision() is most of the cost, and three bounds need none.
    if qualifier == "at least":
        return v, float("inf"), False, False
    if qualifier == "at most":
        return float("-inf"), v, False, False
    if qualifier == "under":
        return float("-inf"), v, False, True
    step = precision(v)
    if qualifier == "exactly":
        return v - step / 2, v + step / 2, False, True
    cap = v * HEDGE_REACH
    if qualifier == "about":
        about = min(cap, max(step / 2, v * ABOUT_REACH))
        return v - about, v + about, False, False
    near = min(cap, max(step, v * NEARLY_REACH))
    if qualifier == "nearly":
        return v - near, v, False, True
    if qualifier == "over":
        return v, v + near, True, False
    raise KeyError(qualifier)


def compatible(mentions: list[ClaimMention]) -> bool:
    if len(mentions) < 2:
        return True
    if len({m.unit for m in mentions}) > 1:
        return False
    low, high, lo_open, hi_open = interval(mentions[0].value, mentions[0].qualifier)
    for m in mentions[1:]:
        l2, h2, lo2, hi2 = interval(m.value, m.qualifier)
        if l2 > low or (l2 == low and lo2):
            low, lo_open = l2, lo2
        if h2 < high or (h2 == high and hi2):
            high, hi_open = h2, hi2
    return low < high or (low == high and not (lo_open or hi_open))
