"""The ingest loop: sources -> per-document analysis -> store, then relink the knowledge base."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..extract import analyze_document, content_hash
from ..knowledge import build_knowledge_base
from ..model import Analysis
from ..sources import SourceProblem, iter_sources
from ..store import Store

BATCH_SIZE = 100


@dataclass
class IngestSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    warnings: int = 0
    events: int = 0
    claims: int = 0
    conflicts: int = 0

    @property
    def ingested_any(self) -> bool:
        return self.added + self.updated + self.unchanged > 0

    def line(self) -> str:
        return (f"documents: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.failed} failed | events: {self.events} | claims: {self.claims} | "
                f"conflicts: {self.conflicts}")


def ingest_paths(store: Store, paths: Iterable[str], *, max_bytes: int) -> IngestSummary:
    """Analyse and store every readable document, then relink the knowledge base.

    Documents go in by batches of BATCH_SIZE, one transaction each: a killed
    ingest loses at most its current batch, and running it again skips what
    is stored (same content hash) and finishes the rest.
    """
    summary = IngestSummary()
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, transient=True, disable=not sys.stderr.isatty())
    batch: dict[str, Analysis] = {}
    with progress:
        task = progress.add_task("analysing", total=None)
        for item in iter_sources(paths, max_bytes=max_bytes):
            if isinstance(item, SourceProblem):
                _report(err, item)
                if item.skipped:
                    summary.failed += 1
                else:
                    summary.warnings += 1
                continue
            progress.update(task, advance=1)
            pending = batch.get(item.id)
            previous = pending.content_hash if pending else store.content_hash(item.id)
            if previous == content_hash(item):
                summary.unchanged += 1
                continue
            try:
                batch[item.id] = analyze_document(item)
            except Exception as exc:  # one bad document must not stop the batch
                _report(err, SourceProblem(item.source, f"analysis failed: {exc!r}", True))
                summary.failed += 1
                continue
            if previous is None:
                summary.added += 1
            elif pending is None:
                summary.updated += 1
            if len(batch) >= BATCH_SIZE:
                store.put(batch.values())
                batch.clear()
        if batch:
            store.put(batch.values())
        if store.knowledge_stale() or store.count("events") == 0 and store.count("documents"):
            progress.update(task, description="linking events")
            store.replace_knowledge(build_knowledge_base(list(store.analyses())))
    summary.events = store.count("events")
    summary.claims = store.count("claims")
    summary.conflicts = store.conflicts()
    return summary


def _report(console: Console, problem: SourceProblem) -> None:
    level = "error" if problem.skipped else "warning"
    console.print(f"attache: {level}: {problem.path}: {problem.reason}", markup=False)
