"""Article-body extraction quality and speed of `clean_document` on the ScrapingHub benchmark.

    .venv/bin/python benchmarks/html_extraction.py [--data DIR] [--out PRED.json] [--trafilatura-only]

Cleans every `html/*.html.gz` page of the benchmark (id = file name without
`.html.gz`), scores the texts against `ground-truth.json` with the shared
scorer (word 4-gram shingles, P and R averaged over pages) and prints
precision, recall, F1 and pages per second. `--trafilatura-only` scores the
extractor's text before the plain-text clutter rules, to check they cost nothing.
"""
from __future__ import annotations

import argparse
import gzip
import json
import runpy
import sys
import time
from pathlib import Path

from attache.clean import clean_document
from attache.clean.html import extract_html
from attache.model import RawDocument

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_DATA = SHARED / "data" / "scrapinghub-article-extraction-benchmark"
SCORER = SHARED / "eval" / "score_articles.py"


def load(data: Path) -> dict[str, str]:
    pages = {}
    for path in sorted((data / "html").glob("*.html.gz")):
        pages[path.name.removesuffix(".html.gz")] = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    return pages


def extract(pages: dict[str, str], trafilatura_only: bool) -> tuple[dict[str, dict[str, str]], float]:
    out = {}
    start = time.perf_counter()
    for key, html in pages.items():
        if trafilatura_only:
            text = extract_html(html).text
        else:
            text = clean_document(RawDocument(id=key, source=key, content=html, media="html")).text
        out[key] = {"articleBody": text}
    return out, len(pages) / (time.perf_counter() - start)


def score(gold: dict, pred: dict) -> tuple[float, float, float]:
    precision_recall = runpy.run_path(str(SCORER))["precision_recall"]
    pairs = [precision_recall(item.get("articleBody", ""), pred.get(key, {}).get("articleBody", ""))
             for key, item in gold.items()]
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, help="also write the predictions here")
    parser.add_argument("--trafilatura-only", action="store_true")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").is_file() or not SCORER.is_file():
        sys.exit(f"benchmark data or scorer not found under {args.data} / {SCORER}")
    pages = load(args.data)
    pred, rate = extract(pages, args.trafilatura_only)
    if args.out:
        args.out.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    p, r, f = score(json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8")), pred)
    print(f"precision {p:.3f} recall {r:.3f} f1 {f:.3f} pages {len(pages)} pages/s {rate:.1f}")


if __name__ == "__main__":
    main()
