"""The ingest loop: sources -> per-document analysis (in-process or a process pool) -> store, then relink.

The database writer is always this process, one batch per transaction; only
the pure `analyze_document` runs in worker processes, and, once the
documents are in, the heavy reading steps of linking (grouping documents
into events, drafting events from their members), each worker reading the
database itself.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task, TaskID,
                           TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from ..extract import analyze_document, content_hash
from ..knowledge import draft_events, relink
from ..link import group_events
from ..model import Analysis, EventDraft, RawDocument
from ..sources import SourceProblem, count_documents, iter_sources
from ..store import Store
from ..store.sqlite import DocumentRow, document_row

BATCH_SIZE = 100
MAX_SECONDS = 30.0
"""Time limit for one document's analysis (typical: a few milliseconds)."""
CHUNK_SIZE = 8
"""Documents per task sent to a worker: enough to amortise the round trip, few enough to keep order cheap."""

Outcome = DocumentRow | str
"""An analysed document ready to store, or the reason it failed."""
Item = tuple[RawDocument, str]
"""A document and its content hash."""


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
    analysing_seconds: float = 0.0
    """Reading, analysing and storing the documents."""
    linking_seconds: float = 0.0

    @property
    def ingested_any(self) -> bool:
        return self.added + self.updated + self.unchanged > 0

    def line(self) -> str:
        return (f"documents: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.failed} failed | events: {self.events} | claims: {self.claims} | "
                f"conflicts: {self.conflicts}")

    def timing_line(self) -> str:
        handled = self.added + self.updated + self.unchanged + self.failed
        rate = f" ({handled / self.analysing_seconds:,.0f} documents/s)" if self.analysing_seconds and handled else ""
        return (f"time: {self.analysing_seconds:.1f} s reading, analysing and storing{rate}, "
                f"{self.linking_seconds:.1f} s linking")


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} docs/s" if speed else "… docs/s", style="progress.data.speed")


class _Writer:
    """Counts outcomes and stores analyses by batches, in input order, exactly as a sequential run would."""

    def __init__(self, store: Store, err: Console):
        self.store = store
        self.err = err
        self.summary = IngestSummary()
        self.batch: dict[str, DocumentRow] = {}
        self.in_flight: Counter[str] = Counter()
        self.stored: dict[str, str | None] = {}
        """The stored content hash looked up for a document in flight, until `record` takes it: one query
        per document, not two."""

    def problem(self, item: SourceProblem) -> None:
        _report(self.err, item)
        if item.skipped:
            self.summary.failed += 1
        else:
            self.summary.warnings += 1

    def needs_analysis(self, raw: RawDocument, digest: str) -> bool:
        """False for a document stored with this content: a rerun skips it without analysing it again."""
        # With an earlier copy of the id still pending, only `record` (in order) can tell.
        if raw.id in self.batch or self.in_flight[raw.id]:
            self.in_flight[raw.id] += 1
            return True
        stored = self.store.content_hash(raw.id)
        if stored != digest:
            self.in_flight[raw.id] += 1
            self.stored[raw.id] = stored
            return True
        self.summary.unchanged += 1
        return False

    def record(self, raw: RawDocument, digest: str, outcome: Outcome) -> None:
        self.in_flight[raw.id] -= 1
        if not self.in_flight[raw.id]:
            del self.in_flight[raw.id]  # a stream of a million documents must not leave a million counters
        pending = self.batch.get(raw.id)
        if pending:
            previous = pending.content_hash
        elif raw.id in self.stored:
            previous = self.stored.pop(raw.id)
        else:
            # An earlier copy of this id was pending when this one came in, and has been stored since.
            previous = self.store.content_hash(raw.id)
        if previous == digest:
            self.summary.unchanged += 1
        elif isinstance(outcome, str):
            _report(self.err, SourceProblem(raw.source, outcome, True))
            self.summary.failed += 1
        else:
            self.batch[raw.id] = outcome
            if previous is None:
                self.summary.added += 1
            elif pending is None:
                self.summary.updated += 1
            if len(self.batch) >= BATCH_SIZE:
                self.flush()

    def flush(self) -> None:
        if self.batch:
            self.store.put_rows(self.batch.values())
            self.batch.clear()


def ingest_paths(store: Store, paths: Iterable[str], *, max_bytes: int, workers: int = 1,
                 max_seconds: float = MAX_SECONDS) -> IngestSummary:
    """Analyse and store every readable document, then relink the knowledge base.

    Documents go in by batches of BATCH_SIZE, one transaction each: a killed
    ingest loses at most its current batch, and running it again skips what
    is stored (same content hash) and finishes the rest. `workers` > 1
    analyses in that many processes; the results are the same.
    """
    paths = list(paths)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    interactive = sys.stderr.isatty()
    total = count_documents(paths) if interactive else None
    progress = _progress(err, known_total=total is not None, enabled=interactive)
    writer = _Writer(store, err)
    summary = writer.summary
    start = time.perf_counter()
    with _Pool(workers) as pool:
        _ingest(paths, writer, pool, progress, total, max_bytes, max_seconds)
        summary.analysing_seconds = time.perf_counter() - start
        # Its own bar: it counts events, not documents, and shows no documents/s.
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, transient=True, disable=not interactive) as linking:
            relink(store, _Steps(linking), _Helpers(pool, str(store.path)) if pool.started else None)
        summary.linking_seconds = time.perf_counter() - start - summary.analysing_seconds
    summary.events = store.count("events")
    summary.claims = store.count("claims")
    summary.conflicts = store.conflicts()
    return summary


def _ingest(paths: list[str], writer: _Writer, pool: _Pool, progress: Progress, total: int | None, max_bytes: int,
            max_seconds: float) -> None:
    with progress:
        task = progress.add_task("analysing", total=total)

        def to_analyse() -> Iterator[tuple[RawDocument, str]]:
            for item in iter_sources(paths, max_bytes=max_bytes):
                if isinstance(item, SourceProblem):
                    writer.problem(item)
                    if item.skipped:
                        progress.advance(task)
                    continue
                digest = content_hash(item)
                if writer.needs_analysis(item, digest):
                    yield item, digest
                else:
                    progress.advance(task)

        for (raw, digest), outcome in _analysed(to_analyse(), pool, max_seconds):
            writer.record(raw, digest, outcome)
            progress.advance(task)
        writer.flush()


class _Steps:
    """Shows each step of linking as a line of its own, replacing the one before."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.step: str | None = None
        self.task: TaskID | None = None

    def __call__(self, step: str, done: int, total: int | None) -> None:
        if step != self.step:
            if self.task is not None:
                self.progress.update(self.task, visible=False)
            self.step, self.task = step, self.progress.add_task(step, total=total)
        self.progress.update(self.task, completed=done)


class _Pool:
    """The worker processes: started when a batch is worth it, kept for the linking that follows."""

    def __init__(self, workers: int):
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        return self._executor is not None

    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # Spawned, not forked: a forked child would inherit the database handle and the writer's lock.
            self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_start_worker, initargs=(os.getpid(),))
        return self._executor

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


def _analysed(items: Iterator[Item], pool: _Pool, max_seconds: float) -> Iterator[tuple[Item, Outcome]]:
    """Each item with its outcome, in input order."""
    if pool.workers <= 1:
        return ((item, _analyse(item[0], max_seconds)) for item in items)
    return _analysed_in_pool(items, pool, max_seconds)


class _Overrun(Exception):
    """The analysis of one document ran past its time limit."""


def _on_alarm(signum: int, frame: object) -> None:
    raise _Overrun


def analyse_within(raw: RawDocument, max_seconds: float) -> Analysis | str:
    """Analyse one document within `max_seconds`: a pathological page is reported, never hangs the batch.

    Returns the analysis, or the reason there is none. A timer signal
    interrupts even a backtracking regular expression (the regex engine checks
    for signals); analysis always runs in a process's main thread — in-process,
    in a pool worker or in a Spark executor's Python worker — where signals
    are delivered.
    """
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max_seconds)
    try:
        return analyze_document(raw)
    except _Overrun:
        return f"analysis took longer than {max_seconds:g} s (the --max-seconds limit)"
    except Exception as exc:  # one bad document must not stop the batch
        return f"analysis failed: {exc!r}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _analyse(raw: RawDocument, max_seconds: float) -> Outcome:
    outcome = analyse_within(raw, max_seconds)
    return outcome if isinstance(outcome, str) else document_row(outcome)


def _analyse_chunk(chunk: list[RawDocument], max_seconds: float) -> list[Outcome]:
    return [_analyse(raw, max_seconds) for raw in chunk]


def _analysed_in_pool(items: Iterator[Item], pool: _Pool, max_seconds: float) -> Iterator[tuple[Item, Outcome]]:
    chunks = _chunks(items, CHUNK_SIZE)
    head = list(itertools.islice(chunks, 2))
    if len(head) < 2:
        # Starting workers costs about a second each (they import the extractors): not worth it for one chunk.
        for chunk in head:
            yield from zip(chunk, _analyse_chunk([raw for raw, _ in chunk], max_seconds))
        return
    executor = pool.executor()
    # A bounded window of chunks in flight keeps memory flat whatever the input size.
    pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
    try:
        for chunk in itertools.chain(head, chunks):
            pending.append((chunk, executor.submit(_analyse_chunk, [raw for raw, _ in chunk], max_seconds)))
            if len(pending) > 2 * pool.workers:
                done, future = pending.popleft()
                yield from zip(done, future.result())
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result())
    finally:
        for _, future in pending:
            future.cancel()


class _Helpers:
    """The workers as linking's helpers (`knowledge.Helpers`), each reading the database itself (WAL: readers
    never wait for the writer): one groups documents into events while this process links people, then all
    draft events while this one finishes and writes them."""

    def __init__(self, pool: _Pool, database: str):
        self.executor = pool.executor()
        self.database = database
        self.window = 2 * pool.workers

    def grouping(self) -> Callable[[], list[list[str]]]:
        return self.executor.submit(_group, self.database).result

    def drafting(self, batches: Iterator[list[list[str]]]) -> Iterator[list[EventDraft]]:
        # A bounded window of batches in flight, taken in order.
        pending = deque(self.executor.submit(_draft, self.database, batch)
                        for batch in itertools.islice(batches, self.window))
        while pending:
            drafts = pending.popleft().result()
            pending.extend(self.executor.submit(_draft, self.database, batch) for batch in itertools.islice(batches, 1))
            yield drafts


_readers: dict[str, Store] = {}
"""A worker's own read connection to each database it links from, opened once."""


def _reader(database: str) -> Store:
    store = _readers.get(database)
    if store is None:
        store = _readers[database] = Store(database, create=False)
    return store


def _group(database: str) -> list[list[str]]:
    return group_events(_reader(database).corpus().features())


def _draft(database: str, groups: list[list[str]]) -> list[EventDraft]:
    return draft_events(_reader(database).corpus(), groups)


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it and lets running chunks finish.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    # A parent killed with SIGKILL cannot stop its pool, and orphaned workers would wait for work forever.
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _progress(err: Console, *, known_total: bool, enabled: bool) -> Progress:
    # The bar and ETA only mean something when the number of documents is known before reading them.
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if known_total:
        columns += [BarColumn(), MofNCompleteColumn(), _RateColumn(), TimeElapsedColumn(), TimeRemainingColumn()]
    else:
        columns += [TextColumn("{task.completed} documents"), _RateColumn(), TimeElapsedColumn()]
    return Progress(*columns, console=err, transient=True, disable=not enabled)


def _report(console: Console, problem: SourceProblem) -> None:
    level = "error" if problem.skipped else "warning"
    console.print(f"attache: {level}: {problem.path}: {problem.reason}", markup=False)
