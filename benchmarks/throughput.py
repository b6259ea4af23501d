"""Documents per second of the per-document analysis on generated 5 KB reports.

    .venv/bin/python benchmarks/throughput.py [--docs 2000]

Prints the rate and its ratio to a baseline measured in the same run (reading
each text and splitting it into words), so numbers from a busy machine stay
comparable. Aim: >= 200 documents/s per core.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402

from attache.extract import analyze_document  # noqa: E402


def _rate(fn, docs) -> float:
    start = time.perf_counter()
    for doc in docs:
        fn(doc)
    return len(docs) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    docs = generate(args.docs)
    analyze_document(docs[0])  # lexicons and the language model load once, outside the timing
    words = re.compile(r"\w+")
    baseline = _rate(lambda d: words.findall(d.content), docs)
    rate = _rate(analyze_document, docs)
    size = sum(len(d.content.encode()) for d in docs) / len(docs)
    print(f"documents: {len(docs)} (mean {size / 1000:.1f} KB)")
    print(f"analysis: {rate:.0f} documents/s on one core ({rate * size / 1e6:.2f} MB/s)")
    print(f"baseline (word split): {baseline:.0f} documents/s; analysis/baseline = {rate / baseline:.4f}")


if __name__ == "__main__":
    main()
