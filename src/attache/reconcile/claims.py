"""Figures of one event, compared across sources.

Claims on the same (indicator, period, scope) are one claim with one mention
per source. Each mention's hedge turns its value into an interval of what the
source allows ("nearly 25" is just below 25, "over 25" just above); the claim
is corroborated when all intervals overlap, conflicting when two do not, and
single when only one source states it.
"""
from __future__ import annotations

from collections import Counter

from ..link.keys import digest
from ..model import Analysis, Claim, ClaimMention, ReconciledClaim

EXACT_TOLERANCE = 0.005
"""Rounding slack for an unhedged figure: 59 and 60 differ, 786 and 786.2 do not."""
HEDGE_REACH = 0.10
"""How far "about", "nearly" or "over" may stray from the stated value."""


def reconcile_claims(event_id: str, members: list[Analysis]) -> list[ReconciledClaim]:
    grouped: dict[tuple[str, str | None, str], list[tuple[str, str, Claim]]] = {}
    for analysis in members:
        doc = analysis.document
        for claim in analysis.claims:
            key = (claim.indicator, claim.period, claim.scope)
            sources = grouped.setdefault(key, [])
            if all(d != doc.id for d, _, _ in sources):
                sources.append((doc.id, doc.text, claim))
    return [_reconcile(event_id, key, sources) for key, sources in grouped.items()]


def _reconcile(event_id: str, key: tuple[str, str | None, str],
               sources: list[tuple[str, str, Claim]]) -> ReconciledClaim:
    indicator, period, scope = key
    mentions = [_mention(doc_id, text, claim) for doc_id, text, claim in sources]
    votes = Counter((m.value, m.unit, m.qualifier) for m in mentions)
    (value, unit, qualifier), _ = votes.most_common(1)[0]
    if len(mentions) == 1:
        status = "single"
    elif compatible(mentions):
        status = "corroborated"
    else:
        status = "conflicting"
    return ReconciledClaim(
        id="C-" + digest(event_id, indicator, period, scope),
        event=event_id, indicator=indicator, value=value, unit=unit, qualifier=qualifier,
        period=period, scope=scope, status=status, target=any(c.target for _, _, c in sources),
        mentions=mentions,
    )


def _mention(doc_id: str, text: str, claim: Claim) -> ClaimMention:
    s = claim.sentence
    f = claim.figure
    return ClaimMention(document=doc_id, quote=text[s.start:s.end], start=s.start, end=s.end,
                        value=f.value, unit=f.unit, qualifier=f.qualifier, figure=f.text)


def interval(value: float, qualifier: str) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) of the values a hedged figure allows."""
    v, reach = abs(value), abs(value) * HEDGE_REACH
    slack = abs(value) * EXACT_TOLERANCE
    bounds = {
        "exactly": (v - slack, v + slack, False, False),
        "about": (v - reach, v + reach, False, False),
        "nearly": (v - reach, v, False, True),
        "over": (v, v + reach, True, False),
        "at least": (v, float("inf"), False, False),
        "at most": (float("-inf"), v, False, False),
        "under": (float("-inf"), v, False, True),
    }[qualifier]
    if value < 0:
        low, high, lo_open, hi_open = bounds
        return -high, -low, hi_open, lo_open
    return bounds


def compatible(mentions: list[ClaimMention]) -> bool:
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
