"""Same output before and after a speed change: snapshot every analysis of a fixed corpus, then compare.

    .venv/bin/python benchmarks/snapshot.py write /tmp/before.jsonl     # before the change
    .venv/bin/python benchmarks/snapshot.py check /tmp/before.jsonl     # after: prints differences, exit 1 if any

The corpus: 1,500 generated reports, the seeds, the Vietnamese news corpus,
the ScrapingHub pages (all from ../shared when present), our examples and
test fixtures. Each line holds one document's analysis, its link features
and its one-document event draft, so a change to any stage or to what
linking reads shows up.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402

from attache.extract import analyze_document  # noqa: E402
from attache.link.assemble import draft_event  # noqa: E402
from attache.link.events import link_features  # noqa: E402
from attache.model import RawDocument  # noqa: E402
from attache.sources import iter_sources  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = [SHARED / "seeds", SHARED / "data" / "vi-underthesea-news-corpus" / "docs",
           SHARED / "data" / "scrapinghub-article-extraction-benchmark" / "html", ROOT / "examples",
           ROOT / "tests" / "fixtures"]


def documents() -> Iterator[RawDocument]:
    yield from generate(1500)
    for item in iter_sources([str(f) for f in FOLDERS if f.is_dir()], max_bytes=50_000_000):
        if isinstance(item, RawDocument):
            # Sources relative to the checkout: a snapshot written in one worktree checks in another.
            yield dataclasses.replace(item, source=os.path.relpath(item.source, ROOT))


def record(raw: RawDocument) -> dict:
    analysis = analyze_document(raw)
    return {"id": raw.id, "analysis": analysis, "features": link_features(analysis).to_list(),
            "draft": draft_event([analysis])}


def line(raw: RawDocument) -> bytes:
    return orjson.dumps(record(raw), option=orjson.OPT_SORT_KEYS)


def check(path: Path, shown: int = 5) -> int:
    """Documents whose line differs from the snapshot; the first few are printed part by part."""
    before = path.read_bytes().splitlines()
    differ = n = 0
    for n, raw in enumerate(documents(), 1):
        now = line(raw)
        if n <= len(before) and now == before[n - 1]:
            continue
        differ += 1
        if differ <= shown:
            old = orjson.loads(before[n - 1]) if n <= len(before) else {}
            new = orjson.loads(now)
            print(f"differs: {raw.id}")
            for part in ("analysis", "features", "draft"):
                if part == "analysis":
                    for key, value in new[part].items():
                        if old.get(part, {}).get(key) != value:
                            print(f"  analysis.{key}: {str(old.get(part, {}).get(key))[:300]}\n    now: {str(value)[:300]}")
                elif old.get(part) != new[part]:
                    print(f"  {part}: {str(old.get(part))[:300]}\n    now: {str(new[part])[:300]}")
    print(f"{n} documents, {differ} differ" + ("" if n == len(before) else f" (the snapshot has {len(before)})"))
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("write", "check"))
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    if args.mode == "write":
        n = 0
        with args.path.open("wb") as out:
            for n, raw in enumerate(documents(), 1):
                out.write(line(raw) + b"\n")
        print(f"{n} documents written to {args.path}")
        return
    sys.exit(1 if check(args.path) else 0)


if __name__ == "__main__":
    main()
