"""Figures against Microsoft Recognizers-Text's specification cases (numbers, percentages, money).

    python benchmarks/recognizers.py

Runs `attache.figures` on the `Input` of every case of the spec files below
(`../shared/data/ms-recognizers-text-specs/`, format in `../shared/data/DATA.md`
section 5) and, on the English files, quantulum3 when it is installed. Per file,
over the gold results of the cases in scope:

- span recall: share of gold `Text`s overlapped by one of the figures found;
- value accuracy: share of gold results that an overlapping figure resolves to
  the gold value (numbers compared after normalising "1,5"/"1.5" and "30%";
  a range counts when one of its ends is the value; money also needs the ISO
  code of `CURRENCY_CODES`).

Cases listed in `recognizers_out_of_scope.json` (with a reason each) are left out
and counted. Offline, a few seconds.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import attache

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "data" / "ms-recognizers-text-specs"
OUT_OF_SCOPE = Path(__file__).with_name("recognizers_out_of_scope.json")
FILES = [
    ("Number/English/NumberModel.json", "en", "number"),
    ("Number/French/NumberModel.json", "fr", "number"),
    ("Number/English/PercentModel.json", "en", "percent"),
    ("Number/French/PercentModel.json", "fr", "percent"),
    ("NumberWithUnit/English/CurrencyModel.json", "en", "currency"),
    ("NumberWithUnit/French/CurrencyModel.json", "fr", "currency"),
]
CURRENCY_CODES = {
    # gold unit name (English and French spec files) -> ISO 4217; historic and crypto codes kept as
    # their usual codes so that a figure must still name the right currency to count
    "Dollar": "USD", "United States dollar": "USD", "Dollar États-Unis": "USD",
    "Canadian dollar": "CAD", "Dollar Canadien": "CAD",
    "Australian dollar": "AUD", "Dollar Australien": "AUD",
    "Hong Kong dollar": "HKD", "Dollar de Hong Kong": "HKD",
    "New Zealand dollar": "NZD", "Dollar néo-zélandais": "NZD",
    "Euro": "EUR",
    "Pound": "GBP", "British pound": "GBP", "Livre": "GBP",
    "Japanese yen": "JPY", "Yen Japonais": "JPY",
    "Chinese yuan": "CNY", "Yuan Chinois": "CNY",
    "Swiss franc": "CHF", "Franc Suisse": "CHF",
    "Franc": "FRF",
    "Rupee": "INR", "Roupie": "INR", "Roupie indienne": "INR",
    "Sri Lankan rupee": "LKR",
    "Mexican peso": "MXN",
    "Turkish lira": "TRY",
    "Lao kip": "LAK",
    "Georgian lari": "GEL",
    "Costa Rican colón": "CRC",
    "Finnish markka": "FIM", "Mark Finlandais": "FIM",
    "Peseta": "ESP",
    "Netherlands guilder": "NLG", "Florins Néerlandais": "NLG",
    "Bitcoin": "XBT",
}
REL_TOL = 1e-6


@dataclass(frozen=True, slots=True)
class Found:
    """One quantity a system found: offsets (end exclusive), the values it states, its unit code."""
    start: int
    end: int
    values: tuple[float, ...]
    unit: str | None


@dataclass(slots=True)
class Score:
    gold: int = 0
    spans: int = 0
    values: int = 0
    extra: int = 0
    """Found quantities overlapping no gold result (over the cases in scope)."""

    def row(self) -> tuple[str, str, str]:
        return _ratio(self.values, self.gold), _ratio(self.spans, self.gold), str(self.extra)


def _ratio(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "-"


def attache_found(text: str, language: str) -> list[Found]:
    found = []
    for f in attache.figures(text, language):
        # a decrease is signed by us, not by the text: its stated number is the magnitude
        values = {f.value, *(v for v in (f.low, f.high) if v is not None)}
        if f.change:
            values |= {abs(v) for v in values}
        found.append(Found(f.start, f.end, tuple(values), f.unit))
    return found


def quantulum_finder() -> Callable[[str, str], list[Found]] | None:
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # it warns that its optional classifier is missing
            from quantulum3 import parser
    except ImportError:
        return None

    def find(text: str, language: str) -> list[Found]:
        found = []
        for q in parser.parse(text):
            unit = "%" if q.unit.name == "percentage" else getattr(q.unit, "currency_code", None)
            found.append(Found(q.span[0], q.span[1], (float(q.value),), unit))
        return found
    return find


def gold_value(resolution: dict) -> float | None:
    """The gold value as a float: "1,5" and "1.5" alike, "30%" as 30; None when it is no single number."""
    raw = str(resolution.get("value", "")).strip().rstrip("%").replace(" ", "")
    if "," in raw and "." not in raw:
        raw = raw.replace(",", ".")  # French decimal comma; the specs never group thousands
    try:
        return float(raw)
    except ValueError:
        return None


def gold_span(text: str, result: dict) -> tuple[int, int]:
    """Offsets of a gold result, end exclusive (gold `End` is inclusive); a few French cases put them
    inside `Resolution` or leave them out, and then the text is looked up."""
    where = result if "Start" in result else result["Resolution"]
    if "Start" in where:
        return where["Start"], where["End"] + 1
    start = text.lower().find(result["Text"].lower())
    return start, start + len(result["Text"])


def _equal(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def _resolves(f: Found, result: dict, kind: str) -> bool:
    value = gold_value(result["Resolution"])
    if value is None or not any(_equal(v, value) for v in f.values):
        return False
    if kind == "percent":
        return f.unit == "%"
    if kind == "currency":
        return f.unit == CURRENCY_CODES.get(result["Resolution"].get("unit"))
    return True


def score(cases: list[dict], language: str, kind: str, find: Callable[[str, str], list[Found]]) -> Score:
    s = Score()
    for case in cases:
        found = find(case["Input"], language)
        used: set[int] = set()
        for result in case["Results"]:
            start, end = gold_span(case["Input"], result)
            hits = [i for i, f in enumerate(found) if f.start < end and start < f.end]
            used.update(hits)
            s.gold += 1
            s.spans += bool(hits)
            s.values += any(_resolves(found[i], result, kind) for i in hits)
        s.extra += len(found) - len(used)
    return s


def load(name: str) -> list[dict]:
    with (SPECS / name).open(encoding="utf-8-sig") as f:
        return json.load(f)


def out_of_scope() -> dict[str, set[str]]:
    """Spec file -> inputs left out."""
    table: dict[str, set[str]] = {}
    for entry in json.loads(OUT_OF_SCOPE.read_text(encoding="utf-8")):
        table.setdefault(entry["file"], set()).add(entry["input"])
    return table


def run() -> tuple[list[tuple[str, ...]], int, bool]:
    """(table rows, cases excluded, whether quantulum3 ran)."""
    excluded_inputs = out_of_scope()
    quantulum = quantulum_finder()
    rows, excluded = [], 0
    for name, language, kind in FILES:
        cases = load(name)
        kept = [c for c in cases if c["Input"] not in excluded_inputs.get(name, set())]
        excluded += len(cases) - len(kept)
        ours = score(kept, language, kind, attache_found)
        theirs = score(kept, language, kind, quantulum) if quantulum and language == "en" else None
        rows.append((name, str(len(kept)), str(len(cases) - len(kept)), str(ours.gold), *ours.row(),
                     *(theirs.row() if theirs else ("-", "-", "-"))))
    return rows, excluded, quantulum is not None


HEADER = ("spec file", "cases", "excluded", "gold", "value acc.", "span recall", "extra",
          "quantulum3 value acc.", "quantulum3 span recall", "quantulum3 extra")


def markdown(rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    if not SPECS.is_dir():
        sys.exit(f"no specs at {SPECS}")
    rows, excluded, quantulum_ran = run()
    print(markdown(rows))
    print(f"\n{excluded} cases out of scope (reasons in {OUT_OF_SCOPE.name}).")
    if not quantulum_ran:
        print("quantulum3 is not installed (pip install quantulum3): its columns are empty.")


if __name__ == "__main__":
    main()
