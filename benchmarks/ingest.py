"""End-to-end throughput of `attache ingest` (documents/s, MB/s) with 1 and 2 workers.

    .venv/bin/python benchmarks/ingest.py [--docs 10000] [--repeat 1] [--vi ../shared/data/vi-underthesea-news-corpus/docs]
                                          [--html 1000]

Each run is the real command in a fresh process on a fresh database: reading,
analysis, storing and linking, start-up included. Inputs: generated 5 KB
reports as a folder of .txt and as one .jsonl, the real Vietnamese news
articles as a folder of .txt and, unless `--html 0`, generated news pages and
the ScrapingHub benchmark's real pages as folders of HTML. Prints the
2-worker / 1-worker ratio per input, measured in the same run, and how much of
the 2-worker time the final linking took (as the command reports it on stderr).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
VI_CORPUS = ROOT.parent / "shared" / "data" / "vi-underthesea-news-corpus" / "docs"


def _write_generated(folder: Path, n: int) -> tuple[Path, Path]:
    docs = generate(n)
    texts = folder / "generated-txt"
    texts.mkdir()
    for doc in docs:
        (texts / doc.id).write_text(doc.content, encoding="utf-8")
    lines = folder / "generated.jsonl"
    with lines.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps({"id": doc.id, "text": doc.content}, ensure_ascii=False) + "\n")
    return texts, lines


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def _database(path: Path, workers: int, folder: Path) -> Path:
    return folder / f"bench-{path.name}-{workers}.db"


def _ingest(path: Path, workers: int, folder: Path) -> tuple[int, float, float]:
    """Documents stored, seconds taken and seconds of them linking, by one `attache ingest` run."""
    db = _database(path, workers, folder)
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "attache", "ingest", str(path), "--db", str(db),
                           "--workers", str(workers)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"ingest of {path} failed: {done.stderr.strip()}")
    added = int(done.stdout.split("documents: ")[1].split(" added")[0])
    linking = float(re.search(r"([\d.]+) s linking", done.stderr)[1])
    return added, seconds, linking


def _measure(label: str, path: Path, folder: Path, repeat: int) -> None:
    """Each worker count `repeat` times, alternating (this machine drifts): every run printed, medians compared."""
    megabytes = _size(path) / 1e6
    runs: dict[int, list[tuple[int, float, float]]] = {1: [], 2: []}
    for _ in range(repeat):
        for workers in (1, 2):
            docs, seconds, linking = _ingest(path, workers, folder)
            runs[workers].append((docs, seconds, linking))
            print(f"{label:<28} workers={workers}: {docs} docs in {seconds:5.1f} s = {docs / seconds:6.0f} docs/s, "
                  f"{megabytes / seconds:5.2f} MB/s, linking {linking:.1f} s")
    # The middle run by time; of an even number, the slower of the two middle ones.
    median = {w: sorted(r, key=lambda run: run[1])[len(r) // 2] for w, r in runs.items()}
    rates = {w: docs / seconds for w, (docs, seconds, _) in median.items()}
    if repeat > 1:
        print(f"{label:<28} medians: {rates[1]:.0f} docs/s with 1 worker, {rates[2]:.0f} with 2")
    print(f"{label:<28} scaling 2/1 workers = {rates[2] / rates[1]:.2f}")
    docs, seconds, linking = median[2]
    print(f"{label:<28} of which linking {linking:.1f} s; the rest (read, analyse, store) with 2 workers: "
          f"{docs / (seconds - linking):.0f} docs/s")


def _measure_html(folder: Path, pages: int, repeat: int) -> None:
    """Generated news pages (see benchmarks/html_speed.py) and the ScrapingHub benchmark's real pages."""
    from html_extraction import DEFAULT_DATA
    from html_speed import write_pages

    _measure(f"generated .html ({pages})", write_pages(folder, pages), folder, repeat)
    real = DEFAULT_DATA / "html"
    if real.is_dir():
        _measure(f"scrapinghub .html.gz ({len(list(real.glob('*.html.gz')))})", real, folder, repeat)


def _interpreter() -> str:
    """Which Python runs attache here: a build with libpython as a shared library and without profile-guided
    optimisation (pyenv's default) analyses about a quarter slower than a distribution's python3."""
    maps = Path("/proc/self/maps")
    linked = ""
    if maps.exists():
        shared = "libpython" in maps.read_text()
        linked = ", libpython " + ("shared" if shared else "built into the executable")
    return f"Python {sys.version.split()[0]} ({sys.executable}{linked}), {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--vi", type=Path, default=VI_CORPUS, help="folder of real Vietnamese articles (.txt)")
    parser.add_argument("--html", type=int, default=1000, help="generated HTML pages (0: no HTML inputs)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each worker count per input (medians compared)")
    args = parser.parse_args()
    print(_interpreter())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts, lines = _write_generated(folder, args.docs)
        _measure(f"generated .txt ({args.docs})", texts, folder, args.repeat)
        _measure(f"generated .jsonl ({args.docs})", lines, folder, args.repeat)
        if args.vi.is_dir():
            _measure(f"vi news .txt ({len(list(args.vi.glob('*.txt')))})", args.vi, folder, args.repeat)
        else:
            print(f"skipped the Vietnamese corpus: {args.vi} is missing")
        if args.html:
            _measure_html(folder, args.html, args.repeat)


if __name__ == "__main__":
    main()
