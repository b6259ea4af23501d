"""`attache spark ingest` (the analysis on Apache Spark, results as Parquet) and `attache load` (Parquet -> store)."""
from __future__ import annotations

import importlib.util
import os
import sys

import click

from ..sources import DEFAULT_MAX_BYTES, SourceProblem
from ..store import DEFAULT_DB, Store
from .ingest import MAX_SECONDS


class _Refused(click.ClickException):
    """A usage error reported as one line, exit code 2."""
    exit_code = 2


@click.group("spark")
def spark_group() -> None:
    """Run the per-document analysis on Apache Spark (see docs/spark.md)."""


@spark_group.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", required=True, help="Output folder, any path Spark writes (file://, hdfs://, s3a://, …).")
@click.option("--master", help="Spark master URL; without it, spark-submit's, else pyspark's default (local[*]).")
@click.option("--partitions", type=click.IntRange(min=1),
              help="Spread the documents over this many tasks before analysing them (default: one task per input "
                   "split, e.g. per WARC file).")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(min=1),
              help="Refuse files (or decompressed .gz contents, or one JSONL line or WARC record) larger than this.")
@click.option("--max-seconds", default=MAX_SECONDS, show_default=True, type=click.FloatRange(min=0.01),
              help="Time limit for one document's analysis; a document that runs over is reported and skipped.")
def spark_ingest(paths: tuple[str, ...], out: str, master: str | None, partitions: int | None, max_bytes: int,
                 max_seconds: float) -> None:
    """Analyse the reports of PATHS (files, folders, globs; any Hadoop path) on Spark into OUT.

    Writes OUT/analyses/ (Parquet, one row per document) and OUT/export.json
    (the linked knowledge base, attache.export/1). Bring them into a database
    with 'attache load OUT --db FILE'.
    """
    _require("pyspark", "the Spark path")
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    from ..spark.job import run_ingest

    try:
        spark, owned = _session(master)
    except (PySparkException, Py4JError) as exc:
        raise _Refused(f"could not start Spark (it needs Java 17: see 'java -version'): {_first_line(exc)}") from None
    try:
        summary = run_ingest(spark, list(paths), out, max_bytes=max_bytes, max_seconds=max_seconds,
                             partitions=partitions, report=_report)
    except (PySparkException, Py4JError) as exc:
        raise _Refused(f"Spark failed: {_first_line(exc)}") from None
    finally:
        if owned:
            spark.stop()
    click.echo(summary.line())
    if summary.documents == 0:
        raise SystemExit(1)


@click.command("load")
@click.argument("folder")
@click.option("--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database file.")
def load_command(folder: str, db: str) -> None:
    """Store the analyses that 'attache spark ingest' wrote to FOLDER (a local folder), then link them.

    Unchanged documents are skipped, so loading again adds nothing.
    """
    _require("pyarrow", "'attache load'")
    from ..spark.load import LoadError, load_analyses

    with Store(db) as store, store.writing():
        try:
            summary = load_analyses(store, folder)
        except LoadError as exc:
            raise _Refused(str(exc)) from None
    click.echo(summary.line())


def _require(module: str, what: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise _Refused(f"{what} needs {module}: pip install 'attache[spark]'")


def _session(master: str | None):
    """The active or a new SparkSession, and whether this command made it (and so stops it)."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active, False
    if "PYSPARK_GATEWAY_PORT" not in os.environ and (master is None or master.startswith("local")):
        # Run outside spark-submit on this machine: the workers must be this interpreter, which has attache.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("attache ingest").config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session, active is None


def _first_line(exc: BaseException) -> str:
    # Spark's messages carry a JVM stack trace after the first line: the user needs the first line.
    lines = [line for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _report(problem: SourceProblem) -> None:
    level = "error" if problem.skipped else "warning"
    click.echo(f"attache: {level}: {problem.path}: {problem.reason}", err=True)
