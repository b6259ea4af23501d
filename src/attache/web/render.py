"""Turning stored text and figures into what pages show: highlighted segments, excerpts, safe text, chart points.

Document text is untrusted (it is whatever a web page said). It reaches HTML
only through Jinja's autoescaping, and `show` additionally makes bidi and
control characters visible, so a report cannot reorder or hide what is shown.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ..report.brief import format_value, indicator_label

_INVISIBLE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
                        "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_EXCERPT_SIDE = 320
"""Characters of context kept on each side of a quoted sentence, within its paragraph."""


def show(value: Any) -> Any:
    """Jinja `finalize`: every `{{ … }}` is escaped and its bidi/control characters shown as code points."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    # The marker has no quotes, so even inside an attribute value it stays plain text.
    return Markup(_INVISIBLE.sub(lambda m: f"<span class=ctrl>U+{ord(m.group()):04X}</span>", str(escape(value))))


def path(prefix: str, ref: str) -> Markup:
    """A link to an object whose id may hold any character (document ids are paths or URLs)."""
    return Markup(prefix + quote(ref, safe=""))


@dataclass(slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    anchor: str | None = None

    @property
    def classes(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


def segments(text: str, spans: list[tuple[int, int, str]], *, anchors: dict[int, str] | None = None,
             offset: int = 0) -> list[Segment]:
    """Cut `text` at every span boundary; each piece knows which kinds of span cover it.

    Spans may overlap or nest (a person inside a quoted sentence): a piece then
    carries both kinds. `offset` is where `text` starts in the document the
    spans (and `anchors`, start -> anchor id) refer to.
    """
    anchors = anchors or {}
    end_of_text = offset + len(text)
    kept = [(max(s, offset), min(e, end_of_text), k) for s, e, k in spans if s < end_of_text and e > offset and s < e]
    cuts = sorted({offset, end_of_text, *(s for s, _, _ in kept), *(e for _, e, _ in kept), *anchors})
    cuts = [c for c in cuts if offset <= c <= end_of_text]
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        kinds = tuple(dict.fromkeys(k for s, e, k in kept if s <= a and b <= e))
        pieces.append(Segment(text[a - offset:b - offset], kinds, anchors.get(a)))
    return pieces


def analysis_spans(analysis: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Every extracted mention of a stored analysis, by kind (person, date, figure, place)."""
    spans = [(p["span"]["start"], p["span"]["end"], "person") for p in analysis.get("people", []) if p.get("span")]
    spans += [(d["span"]["start"], d["span"]["end"], "date") for d in analysis.get("dates", [])]
    spans += [(f["start"], f["end"], "figure") for f in analysis.get("figures", [])]
    spans += [(p["span"]["start"], p["span"]["end"], "place") for p in analysis.get("places", [])]
    return spans


@dataclass(slots=True)
class Evidence:
    """One source's sentence for a figure, shown inside its paragraph."""
    document: dict[str, Any]
    mention: dict[str, Any]
    pieces: list[Segment]
    found: bool
    """False when the stored offsets no longer point at the quote (shown as the bare quote)."""


def evidence(text: str, mention: dict[str, Any], document: dict[str, Any]) -> Evidence:
    start, end, quote_text = mention["start"], mention["end"], mention["quote"]
    if text[start:end] != quote_text:
        found_at = text.find(quote_text)
        if found_at < 0:
            return Evidence(document, mention, segments(quote_text, [(0, len(quote_text), "quote")]), False)
        start, end = found_at, found_at + len(quote_text)
    para_start = max(text.rfind("\n", 0, start) + 1, start - _EXCERPT_SIDE)
    para_end = text.find("\n", end)
    para_end = min(len(text) if para_end < 0 else para_end, end + _EXCERPT_SIDE)
    spans = [(start, end, "quote")]
    figure_at = quote_text.find(mention["figure"]) if mention["figure"] else -1
    if figure_at >= 0:
        spans.append((start + figure_at, start + figure_at + len(mention["figure"]), "figure"))
    pieces = segments(text[para_start:para_end], spans, offset=para_start)
    if para_start > 0 and text[para_start - 1] != "\n":
        pieces.insert(0, Segment("…"))
    if para_end < len(text) and text[para_end] != "\n":
        pieces.append(Segment("…"))
    return Evidence(document, mention, pieces, True)


def stated(claim: dict[str, Any]) -> str:
    return f"{claim['qualifier']} {format_value(claim['value'], claim['unit'])}".removeprefix("exactly ")


def status_text(claim: dict[str, Any]) -> str:
    if claim["status"] == "corroborated":
        text = f"corroborated by {claim['independent_sources']} independent sources"
    elif claim["status"] == "single":
        text = "single source"
        if claim["sources"] > claim["independent_sources"]:
            text += f" ({claim['sources']} copies of one story)"
    else:
        text = "conflicting"
    return text + (", hedged differently" if claim["hedges_differ"] else "")


# --- indicator chart (server-rendered SVG) ---

CHART_W, CHART_H = 720, 300
_PAD_L, _PAD_R, _PAD_T, _PAD_B = 90, 20, 16, 40
_MAX_SERIES = 8
_COLOURS = ("#1f6fb2", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0f766e", "#a16207", "#475569")


@dataclass(slots=True)
class Point:
    x: float
    y: float
    claim: str
    label: str
    target: bool


@dataclass(slots=True)
class Series:
    scope: str
    colour: str
    points: list[Point] = field(default_factory=list)

    @property
    def line(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points if not p.target)


@dataclass(slots=True)
class Chart:
    unit: str
    periods: list[tuple[str, float]]
    ticks: list[tuple[str, float]]
    series: list[Series]
    left_out: int
    """Claims of scopes beyond the first few, listed in the table but not drawn."""
    width: int = CHART_W
    height: int = CHART_H
    plot_left: int = _PAD_L
    plot_bottom: int = CHART_H - _PAD_B


def charts(claims: list[dict[str, Any]]) -> list[Chart]:
    """One chart per unit: x the periods, one series (colour) per scope, each point a claim."""
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        if c["period"]:
            by_unit.setdefault(c["unit"], []).append(c)
    return [_chart(unit, found) for unit, found in sorted(by_unit.items(), key=lambda x: -len(x[1]))]


def _chart(unit: str, claims: list[dict[str, Any]]) -> Chart:
    scopes = [s for s, _ in Counter(c["scope"] for c in claims).most_common(_MAX_SERIES)]
    drawn = [c for c in claims if c["scope"] in scopes]
    periods = sorted({c["period"] for c in drawn})
    top = _nice_top(max(c["value"] for c in drawn))
    step = (CHART_W - _PAD_L - _PAD_R) / len(periods)
    x_of = {p: _PAD_L + step * (i + 0.5) for i, p in enumerate(periods)}
    height = CHART_H - _PAD_T - _PAD_B

    def y(value: float) -> float:
        return CHART_H - _PAD_B - height * (max(value, 0) / top if top else 0)

    series = {s: Series(s, _COLOURS[i]) for i, s in enumerate(scopes)}
    # Series sit side by side within a period so that equal values stay visible.
    spread = min(step * 0.6, 12.0 * len(scopes)) / max(len(scopes), 1)
    for c in sorted(drawn, key=lambda c: (c["period"], c["event_date"] or "")):
        i = scopes.index(c["scope"])
        x = x_of[c["period"]] + (i - (len(scopes) - 1) / 2) * spread
        label = f"{c['scope']} {c['period']}: {stated(c)} ({c['status']}{', target' if c['target'] else ''})"
        series[c["scope"]].points.append(Point(x, y(c["value"]), c["id"], label, c["target"]))
    ticks = [(format_value(top * k / 4, unit), y(top * k / 4)) for k in range(5)]
    return Chart(unit, [(p, x_of[p]) for p in periods], ticks, list(series.values()), len(claims) - len(drawn))


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


__all__ = ["show", "path", "segments", "analysis_spans", "evidence", "charts", "indicator_label", "format_value",
           "stated", "status_text"]
