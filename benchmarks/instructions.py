"""Machine instructions per document of the per-document work (analysis and row preparation), counted by valgrind.

    .venv/bin/python benchmarks/instructions.py [--docs 100] [PATH...]

Timings on this shared VM drift by ±30% from one minute to the next, more than most single speed changes; an
instruction count does not move: the same code, input and hash seed give the same count to about 0.1%,
whatever else the machine runs. Compare two versions by their counts, then confirm a large gain in time.

The script runs itself again under `valgrind --tool=callgrind` (Debian's `valgrind`), counting only inside one
`functools.reduce` call that wraps the measured documents: imports and the warm-up (patterns compiled on each
language's first document) are left out. About a minute for 100 generated reports. Without PATH, it reads the
generated 5 KB reports of `corpus.py`; with PATH (files or folders, as `attache ingest` reads them) those.
"""
from __future__ import annotations

import argparse
import functools
import itertools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

WARM_UP = 40
_UNDER_VALGRIND = "ATTACHE_COUNTING_INSTRUCTIONS"
_MEASURED = "functools_reduce"
"""The C function valgrind counts inside: the analysis itself never calls `functools.reduce`."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if os.environ.get(_UNDER_VALGRIND):
        _measure(args.docs, args.paths)
        return
    if shutil.which("valgrind") is None:
        sys.exit("instructions.py: valgrind is not installed (Debian: apt-get install valgrind)")
    # A fixed hash seed: set and dict orders, and so the work done, are the same from run to run.
    env = dict(os.environ, PYTHONHASHSEED="0", **{_UNDER_VALGRIND: "1"})
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--toggle-collect={_MEASURED}",
                           "--callgrind-out-file=/dev/null", sys.executable, *sys.argv],
                          env=env, capture_output=True, text=True)
    counted = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or not counted:
        sys.exit(f"instructions.py: the run under valgrind failed:\n{done.stderr[-2000:]}")
    print(f"{int(counted.group(1)) / args.docs / 1e6:.3f} M instructions per document "
          f"({args.docs} documents, {'generated reports' if not args.paths else ', '.join(args.paths)})")


def _measure(count: int, paths: list[str]) -> None:
    from attache.extract import analyze_document
    from attache.store.sqlite import document_row
    if paths:
        from attache.sources import SourceProblem, iter_sources
        docs = [d for d in itertools.islice(iter_sources(paths), WARM_UP + count) if not isinstance(d, SourceProblem)]
    else:
        from corpus import generate
        docs = generate(WARM_UP + count)
    if len(docs) < WARM_UP + count:
        sys.exit(f"instructions.py: {len(docs)} documents found, {WARM_UP + count} needed")
    for raw in docs[:WARM_UP]:
        document_row(analyze_document(raw))
    functools.reduce(lambda _, raw: document_row(analyze_document(raw)), docs[WARM_UP:], None)


if __name__ == "__main__":
    main()
