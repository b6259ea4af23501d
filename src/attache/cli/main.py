"""`attache ingest | export | brief | serve`.

Errors reach the user as one line on stderr and a non-zero exit code, never a
traceback: 1 when nothing could be done with the input, 2 for usage and
database errors.
"""
from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from ..report import EXPORT_FORMATS, build_export, render_brief, write_export
from ..report.brief import BRIEF_FORMATS
from ..store import DEFAULT_DB, Store, StoreError
from .figures import figures_command
from .ingest import MAX_SECONDS, ingest_paths
from .spark import load_command, spark_group

_DB_OPTION = click.option("--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                          help="SQLite database file.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="attache")
def cli() -> None:
    """attache: news reports in, a sourced knowledge base out.

    Ingest reports (English, French), then export the knowledge base or read a
    brief per event: who met when and where, every figure with its hedge,
    period and scope, which sources agree or conflict, and the tasks set.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_DB_OPTION
@click.option("--max-bytes", default=20 * 2**20, show_default=True, type=click.IntRange(min=1),
              help="Refuse files (or decompressed .gz contents, or one JSONL line or WARC record) larger than this.")
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes analysing documents; 1 analyses in this process.")
@click.option("--max-seconds", default=MAX_SECONDS, show_default=True, type=click.FloatRange(min=0.01),
              help="Time limit for one document's analysis; a document that runs over is reported and skipped.")
def ingest(paths: tuple[str, ...], db: str, max_bytes: int, workers: int, max_seconds: float) -> None:
    """Read reports from files, folders (recursive), glob patterns and '-' (JSONL on standard input).

    Formats: .txt, .html/.htm, .json/.jsonl (one document per line with
    `text` or `html`, optional `url`, `published`), each optionally .gz, and
    .warc/.warc.gz (the HTML pages of HTTP responses). JSONL and WARC are
    streamed: memory stays flat whatever their size.
    Unchanged documents are skipped; changed ones replace their old analysis.
    """
    with Store(db) as store, store.writing():
        summary = ingest_paths(store, paths, max_bytes=max_bytes, workers=workers, max_seconds=max_seconds)
    click.echo(summary.line())
    click.echo(summary.timing_line(), err=True)
    if not summary.ingested_any:
        raise SystemExit(1)


@cli.command()
@_DB_OPTION
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True,
              help="json is exactly attache.export/1; jsonl has one record per line; csv one row per claim mention.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def export(db: str, fmt: str, output: str | None) -> None:
    """Export the knowledge base (documents, events, people, claims, tasks, relations)."""
    with Store(db, create=False) as store:
        data = build_export(store.documents(), store.knowledge())
    with _open_output(output) as out:
        write_export(data, fmt, out)


@cli.command()
@_DB_OPTION
@click.option("--event", "event_id", help="Only this event id (default: every event, newest first).")
@click.option("--format", "fmt", type=click.Choice(BRIEF_FORMATS), default="md", show_default=True,
              help="md for Markdown, html for one standalone page.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def brief(db: str, event_id: str | None, fmt: str, output: str | None) -> None:
    """A readable brief per event, figures footnoted to their sources."""
    with Store(db, create=False) as store:
        text = render_brief(store.documents(), store.knowledge(), fmt=fmt, event_id=event_id)
    with _open_output(output) as out:
        out.write(text)


@cli.command()
@_DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the knowledge base to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="ATTACHE_TOKEN", show_envvar=True,
              help="Allow POST /api/documents for requests sending 'Authorization: Bearer TOKEN' (off without it).")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """The analyst's workspace in a browser, and the JSON API under /api/."""
    from ..web.server import serve as run_server  # FastAPI loads only for this command

    run_server(db, host=host, port=port, token=token)


cli.add_command(figures_command)
cli.add_command(spark_group)
cli.add_command(load_command)


def _open_output(path: str | None):
    return nullcontext(sys.stdout) if path is None else Path(path).open("w", encoding="utf-8", newline="")


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("attache: interrupted", err=True)
        raise SystemExit(130)
    except click.ClickException as exc:
        click.echo(f"attache: error: {exc.format_message()}", err=True)
        raise SystemExit(exc.exit_code)
    except (StoreError, LookupError, OSError) as exc:
        click.echo(f"attache: error: {exc}", err=True)
        raise SystemExit(2)
