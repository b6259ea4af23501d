"""`attache figures`: the figures of one text, as a table for a person or JSON for a script."""
from __future__ import annotations

import dataclasses
import json
import sys

import click

from ..model import Figure

COLUMNS = ("text", "value", "unit", "qualifier", "low", "high")
NUMERIC = {"value", "low", "high"}


@click.command("figures")
@click.argument("text")
@click.option("--lang", "language", default="en", show_default=True, help="Language of the text: en, fr or vi.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for reading at a terminal, json (one list of figures) for scripts.")
def figures_command(text: str, language: str, fmt: str) -> None:
    """Every figure of TEXT with its value, unit and hedge; TEXT '-' reads standard input."""
    from .. import figures

    found = figures(sys.stdin.read() if text == "-" else text, language)
    if fmt == "json":
        click.echo(json.dumps([dataclasses.asdict(f) for f in found], ensure_ascii=False, indent=2))
    else:
        _print_table(found)


def _print_table(found: list[Figure]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for name in COLUMNS:
        # a number cut short would read as another number: only the quoted text wraps
        table.add_column(name, no_wrap=name != "text", justify="right" if name in NUMERIC else "left")
    for f in found:
        table.add_row(f.text, _number(f.value), f.unit, f.qualifier, _number(f.low), _number(f.high))
    Console().print(table if found else "no figures found")


def _number(value: float | None) -> str:
    """Thousands grouped and no trailing ".0", so that 4e10 reads as 40,000,000,000."""
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
