"""Documents per second of the per-document analysis on generated 5 KB reports.

    .venv/bin/python benchmarks/throughput.py [--docs 2000]

Prints the rate and its ratio to a baseline measured in the same run (reading
each text and splitting it into words), so numbers from a busy machine stay
comparable, and the rate over the CPU time of this process, which waiting for
a core shared with other work does not count. Aim: >= 200 documents/s per core.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402

from attache.clean.language import detect_language  # noqa: E402
from attache.extract import analyze_document  # noqa: E402


def _rates(fn, docs) -> tuple[float, float]:
    """Documents per second of wall time and of CPU time."""
    start, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        fn(doc)
    return len(docs) / (time.perf_counter() - start), len(docs) / (time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    docs = generate(args.docs)
    for doc in docs[:20]:  # lexicons of both languages load once, outside the timing
        analyze_document(doc)
    # most reports are told apart without lingua; its model loads on first use, outside the timing too
    detect_language("Too short to judge without the model.")
    words = re.compile(r"\w+")
    baseline, _ = _rates(lambda d: words.findall(d.content), docs)
    rate, cpu_rate = _rates(analyze_document, docs)
    size = sum(len(d.content.encode()) for d in docs) / len(docs)
    print(f"documents: {len(docs)} (mean {size / 1000:.1f} KB)")
    print(f"analysis: {rate:.0f} documents/s on one core ({rate * size / 1e6:.2f} MB/s)")
    print(f"analysis over CPU time: {cpu_rate:.0f} documents/s ({1000 / cpu_rate:.2f} ms per document)")
    print(f"baseline (word split): {baseline:.0f} documents/s; analysis/baseline = {rate / baseline:.4f}")


if __name__ == "__main__":
    main()
