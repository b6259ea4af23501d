"""Event grouping at scale: time and peak memory (RSS) for 100,000 and 1,000,000 documents.

    .venv/bin/python benchmarks/linking.py [--sizes 100000 1000000]

Analysing a million documents would take hours, so the documents are made
from real analyses: a few hundred generated reports go through
`analyze_document`, and each benchmark document takes the link features of
one of them (its word counts) and gets its own id, day, people and figures,
plus words from a large Zipf-distributed vocabulary so that the word counts
grow as a real archive's do. Events have three reports each, 300 reports a
day (a desk's intake: a larger archive is a longer one; `--days N` spreads
every size over N days instead, a denser archive); a third of the documents
state no day (they join events by people and figures near their
publication date, the harder case). The features are made afresh on each of
the two passes `group_events` makes, as a database read would: the input is
never held in memory. Each size runs in its own process, so each peak RSS is
that run's alone; the baseline is the same process before grouping.
Prints seconds, documents/s, peak RSS, and the time ratio between sizes
(10 for a tenfold size means linear).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

TEMPLATES = 300
VOCABULARY = 2_000_000
EXTRA_WORDS = 25
UNDATED_SHARE = 1 / 3
PEOPLE = 200_000
EVENT_SIZE = 3
DOCS_PER_DAY = 300
"""A desk's daily intake: the archive grows longer, not denser (`--days` fixes the span instead)."""


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class SyntheticArchive:
    """`n` documents' link features, the same on every iteration (each document is seeded by its number)."""

    def __init__(self, n: int, days: int | None = None):
        from corpus import generate

        from attache.extract import analyze_document
        from attache.link.events import link_features

        self.n = n
        self.days = days or max(1, n // DOCS_PER_DAY)
        self.templates = [link_features(analyze_document(raw)) for raw in generate(TEMPLATES)]
        self.people = [f"person {i:06d}" for i in range(PEOPLE)]

    def __iter__(self):
        from attache.link.events import LinkFeatures

        start = date(2023, 1, 1).toordinal()
        for i in range(self.n):
            event = i // EVENT_SIZE  # an event's reports share its day, people and figures
            rng = random.Random(event)
            template = self.templates[i % TEMPLATES]
            day = date.fromordinal(start + event % self.days).isoformat()
            dated = random.Random(i).random() >= UNDATED_SHARE
            names = sorted(self.people[rng.randrange(PEOPLE)] for _ in range(3))
            numbers = sorted(f"USD:{float(rng.randrange(100, 999)) * 10 ** rng.randrange(6, 11)!r}" for _ in range(4))
            words = random.Random(-i)
            terms = dict(template.terms)
            for _ in range(EXTRA_WORDS):
                word = f"w{int(VOCABULARY ** words.random()):x}"  # Zipf-like: few common words, a long tail
                terms[word] = terms.get(word, 0) + 1
            yield LinkFeatures(id=f"doc-{i:07d}", language=template.language, day=day if dated else None,
                               anchor=day, year=int(day[:4]), names=names, numbers=numbers, terms=terms)


def _run_one(n: int, days: int | None) -> dict:
    from attache.link import group_events

    archive = SyntheticArchive(n, days)
    baseline = _rss_mb()
    start = time.perf_counter()
    groups = group_events(archive)
    seconds = time.perf_counter() - start
    return {"documents": n, "days": archive.days, "groups": len(groups), "seconds": seconds, "baseline_mb": baseline,
            "peak_mb": _rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--days", type=int,
                        help=f"spread every size over this many days (default: one day per {DOCS_PER_DAY} documents)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_run_one(args.one, args.days)))
        return
    results = []
    for n in args.sizes:
        days = ["--days", str(args.days)] if args.days else []
        done = subprocess.run([sys.executable, __file__, "--one", str(n), *days], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"linking {n} documents failed: {done.stderr.strip()}")
        r = json.loads(done.stdout)
        results.append(r)
        print(f"{r['documents']:>9,} documents, {r['days']:,} days -> {r['groups']:>9,} events in {r['seconds']:7.1f} s "
              f"({r['documents'] / r['seconds']:,.0f} docs/s); peak RSS {r['peak_mb']:,.0f} MB "
              f"(before grouping {r['baseline_mb']:,.0f} MB)", flush=True)
    for a, b in zip(results, results[1:]):
        print(f"time ratio {b['documents'] // a['documents']}x documents: {b['seconds'] / a['seconds']:.1f}x "
              f"(10.0 would be linear for tenfold); peak RSS ratio {b['peak_mb'] / a['peak_mb']:.1f}x")


if __name__ == "__main__":
    main()
