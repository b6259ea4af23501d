"""The Spark job: input files -> documents -> analyses (on the executors) -> Parquet; linking on the driver.

Files are read with `SparkContext.binaryFiles`, so any path Hadoop reads works
(file://, hdfs://, s3a://, globs, folders read recursively). Each file's bytes
go through `attache.sources.read_file`, the reader of the local ingest, and each
document through the local ingest's time-limited `analyze_document`: the Spark
path is a different scheduler for the same functions, not a second
implementation.
"""
from __future__ import annotations

import io
import itertools
import json
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cli.ingest import BATCH_SIZE, analyse_within
from ..knowledge import relink
from ..model import Analysis
from ..report import build_export
from ..sources import FileRef, SourceProblem, read_file, walked
from ..store import Store
from .layout import ANALYSES, COLUMNS, EXPORT, from_json, to_row

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StructType

_GLOB_MAGIC = re.compile(r"[*?[{]")

Ordinal = tuple[int, str, int]
"""Input position, file URI, record number: where a document came from, so the last copy of an id wins, as locally."""
Item = tuple[str, Any]
"""("doc", (ordinal, RawDocument)), ("row", (id, ordinal, row)) or ("problem", (path, reason, skipped))."""


@dataclass(frozen=True, slots=True)
class Input:
    """One `binaryFiles` read: comma-separated paths, and the folder their document ids are relative to."""
    paths: str
    root: str | None
    """Qualified URI of that folder; None for a file named on the command line: its id is its name, and an
    unknown extension is a problem rather than a file to pass over."""


@dataclass
class SparkSummary:
    documents: int = 0
    failed: int = 0
    events: int = 0
    claims: int = 0
    conflicts: int = 0

    def line(self) -> str:
        return (f"documents: {self.documents} analysed, {self.failed} failed | events: {self.events} | "
                f"claims: {self.claims} | conflicts: {self.conflicts}")


def run_ingest(spark: SparkSession, paths: list[str], out: str, *, max_bytes: int, max_seconds: float,
               partitions: int | None, report: Callable[[SourceProblem], None]) -> SparkSummary:
    """Analyse every readable document of `paths` into `out`/analyses (Parquet) and link them into `out`/export.json.

    `report` is called on the driver for each skipped file or record and each
    warning: for missing inputs first, for the others once the analysis ran.
    """
    sc = spark.sparkContext
    # Folders are read with everything under them, as the local ingest walks them.
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    summary = SparkSummary()
    inputs: list[Input] = []
    for arg in paths:
        found, problems = _expand(sc, arg)
        inputs += found
        summary.failed += _report_all(problems, report)
    if not inputs:
        return summary
    problems = _write_analyses(spark, inputs, f"{out}/{ANALYSES}", max_bytes=max_bytes, max_seconds=max_seconds,
                               partitions=partitions)
    summary.failed += _report_all(problems, report)
    rows = spark.read.parquet(f"{out}/{ANALYSES}").select("analysis").toLocalIterator()
    export = _linked(from_json(row.analysis) for row in rows)
    _write_text(sc, f"{out}/{EXPORT}", json.dumps(export, ensure_ascii=False, indent=1) + "\n")
    summary.documents = len(export["documents"])
    summary.events = len(export["events"])
    summary.claims = len(export["claims"])
    summary.conflicts = sum(c["status"] == "conflicting" for c in export["claims"])
    return summary


def _linked(analyses: Iterator[Analysis]) -> dict[str, Any]:
    """The analyses linked as `attache load` links them, through a scratch store on the driver.

    The store streams the linking passes (`knowledge.link_corpus`), so the
    driver never holds every analysis in memory, and the export is exactly
    what `attache load` then `attache export` give.
    """
    with tempfile.TemporaryDirectory(prefix="attache-link-") as scratch, Store(Path(scratch) / "link.db") as store:
        while batch := list(itertools.islice(analyses, BATCH_SIZE)):
            store.put(batch)
        relink(store)
        return build_export(store.documents(), store.knowledge())


def _report_all(problems: list[SourceProblem], report: Callable[[SourceProblem], None]) -> int:
    """How many of them were skipped (the others are warnings), once each is reported."""
    for problem in problems:
        report(problem)
    return sum(problem.skipped for problem in problems)


def _write_analyses(spark: SparkSession, inputs: list[Input], dest: str, *, max_bytes: int, max_seconds: float,
                    partitions: int | None) -> list[SourceProblem]:
    """Write one Parquet row per analysed document; the problems met on the way."""
    items = _analysed(spark.sparkContext, inputs, max_bytes=max_bytes, max_seconds=max_seconds,
                      partitions=partitions).persist()
    try:
        rows = items.filter(_is("row")).map(_keyed_row).reduceByKey(_later).map(_row_only)
        spark.createDataFrame(rows, _schema()).write.mode("overwrite").parquet(dest)
        return [SourceProblem(*found) for found in items.filter(_is("problem")).map(_payload).collect()]
    finally:
        items.unpersist()


def _expand(sc: SparkContext, arg: str) -> tuple[list[Input], list[SourceProblem]]:
    """The reads for one command-line input; ids follow the local rules (relative to the folder or glob prefix)."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(arg)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    if not _GLOB_MAGIC.search(arg):
        if not fs.exists(path):
            return [], [SourceProblem(arg, "no such file or directory")]
        status = fs.getFileStatus(path)
        qualified = status.getPath().toString()
        return [Input(qualified, qualified if status.isDirectory() else None)], []
    matches = fs.globStatus(path) or []
    if not len(matches):
        return [], [SourceProblem(arg, "no file matches this pattern")]
    root = fs.makeQualified(jvm.org.apache.hadoop.fs.Path(_glob_root(arg))).toString()
    folders = [m.getPath().toString() for m in matches if m.isDirectory()]
    files = [m.getPath().toString() for m in matches if not m.isDirectory()]
    return [Input(folder, folder) for folder in folders] + ([Input(",".join(files), root)] if files else []), []


def _glob_root(pattern: str) -> str:
    fixed = []
    for part in pattern.split("/"):
        if _GLOB_MAGIC.search(part):
            break
        fixed.append(part)
    return "/".join(fixed) or ("/" if pattern.startswith("/") else ".")


def _analysed(sc: SparkContext, inputs: list[Input], *, max_bytes: int, max_seconds: float,
              partitions: int | None) -> RDD[Item]:
    reads = [sc.binaryFiles(i.paths).flatMap(partial(_file_items, n=n, root=i.root, max_bytes=max_bytes))
             for n, i in enumerate(inputs)]
    items = sc.union(reads)
    if partitions:
        # One WARC file is one task when read; spreading its pages evens out the analysis, the costly part.
        items = items.repartition(partitions)
    return items.map(partial(_outcome, max_seconds=max_seconds))


def _file_items(file: tuple[str, bytes], *, n: int, root: str | None, max_bytes: int) -> Iterator[Item]:
    uri, data = file
    doc_id = _relative(uri, root)
    name = doc_id.rsplit("/", 1)[-1]
    if root is not None and not walked(name):  # Hadoop already left out hidden folders
        return
    shown = _local(uri)
    for k, item in enumerate(read_file(io.BytesIO(data), FileRef(name, doc_id, shown, shown), max_bytes)):
        if isinstance(item, SourceProblem):
            yield "problem", (item.path, item.reason, item.skipped)
        else:
            yield "doc", ((n, uri, k), item)


def _relative(uri: str, root: str | None) -> str:
    if root is not None and uri.startswith(root.rstrip("/") + "/"):
        return uri[len(root.rstrip("/")) + 1:]
    return uri.rsplit("/", 1)[-1]


def _local(uri: str) -> str:
    """A local file as the local ingest names it (its path); anything else by its URI."""
    return uri.removeprefix("file:") if uri.startswith("file:/") and not uri.startswith("file://") else uri


def _outcome(item: Item, *, max_seconds: float) -> Item:
    kind, payload = item
    if kind != "doc":
        return item
    ordinal, raw = payload
    outcome = analyse_within(raw, max_seconds)
    if isinstance(outcome, str):
        return "problem", (raw.source, outcome, True)
    return "row", (raw.id, ordinal, to_row(outcome))


def _is(kind: str) -> Callable[[Item], bool]:
    return lambda item: item[0] == kind


def _payload(item: Item) -> Any:
    return item[1]


def _keyed_row(item: Item) -> tuple[str, tuple[Ordinal, tuple]]:
    doc_id, ordinal, row = item[1]
    return doc_id, (ordinal, row)


def _later(a: tuple[Ordinal, tuple], b: tuple[Ordinal, tuple]) -> tuple[Ordinal, tuple]:
    return a if a[0] > b[0] else b


def _row_only(pair: tuple[str, tuple[Ordinal, tuple]]) -> tuple:
    return pair[1][1]


def _schema() -> StructType:
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(name, StringType(), nullable=name != "id") for name in COLUMNS])


def _write_text(sc: SparkContext, uri: str, text: str) -> None:
    # Through Hadoop's file system, so that the driver writes wherever the Parquet went (hdfs://, s3a://).
    path = sc._jvm.org.apache.hadoop.fs.Path(uri)
    stream = path.getFileSystem(sc._jsc.hadoopConfiguration()).create(path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()

